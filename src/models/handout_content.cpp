#include "models/handout_content.h"

#include "core/options.h"
#include "core/recording.h"
#include "core/scenario.h"
#include "models/session.h"

namespace closelab::models {

HandoutContent HandoutContent::fromSession(const Session& session, bool chinese) {
    HandoutContent c;
    c.chinese = chinese;
    c.scenarioId = session.scenarioId();
    const auto name = core::profileName(session.profile());
    c.kernel = QString::fromLatin1(name.data(), qsizetype(name.size()));
    if (const auto scenario = session.scenario()) {
        c.title = QString::fromStdString(scenario->title.text(chinese));
        c.description = QString::fromStdString(scenario->description.text(chinese));
        c.lesson = QString::fromStdString(scenario->lesson.text(chinese));
    }
    const auto recording = session.recording();
    if (!recording)
        return c;
    for (std::size_t h = 0; h < recording->options.size() && h < recording->hosts.size(); ++h) {
        const QString host = QString::fromStdString(recording->hosts[h].name);
        for (const auto& [option, value] : recording->options[h]) {
            const core::OptionSpec* spec = core::findOption(option);
            if (!spec || !core::optionInProfile(*spec, recording->kernel) ||
                core::defaultValue(*spec, recording->kernel) == value)
                continue;
            c.options << tr("%1: %2 = %3")
                             .arg(host, QString::fromStdString(option),
                                  QString::fromStdString(value));
        }
    }
    c.beats = lessonBeats(*recording);
    return c;
}

}  // namespace closelab::models
