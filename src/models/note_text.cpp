#include "models/note_text.h"

#include <QCoreApplication>
#include <QHash>

#include "core/error_catalog.h"
#include "core/note_catalog.h"

namespace closelab::models {

namespace {

QString fromStd(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// One pass over the template, like core::substituteArgs(): a value that happens to contain
// "{name}" (a user's field value, say) is shown as written, never expanded again. Unknown names
// stay as they are.
QString fillOnce(const QString& templ, const QHash<QString, QString>& values) {
    QString out;
    out.reserve(templ.size() + 32);
    qsizetype i = 0;
    while (i < templ.size()) {
        if (templ[i] == u'{') {
            const qsizetype close = templ.indexOf(u'}', i + 1);
            if (close > i) {
                const auto it = values.constFind(templ.mid(i + 1, close - i - 1));
                if (it != values.constEnd()) {
                    out += *it;
                    i = close + 1;
                    continue;
                }
            }
        }
        out += templ[i];
        ++i;
    }
    return out;
}

}  // namespace

QString fillPlaceholders(QString templ, std::span<const std::pair<std::string, std::string>> args) {
    QHash<QString, QString> values;
    for (const auto& [name, value] : args) {
        const QString key = fromStd(name);
        if (!values.contains(key))  // the first of a name wins, as in the core
            values.insert(key, fromStd(value));
    }
    return fillOnce(templ, values);
}

QString noteSentence(const core::Note& note) {
    const char* templ = core::noteTemplateEn(note);
    return fillPlaceholders(QCoreApplication::translate("closelab::Notes", templ), note.args);
}

QString noteWhy(const core::Note& note) {
    const char* templ = core::noteWhyEn(note.id);
    if (templ == nullptr || *templ == '\0')
        return {};
    return fillPlaceholders(QCoreApplication::translate("closelab::NoteWhy", templ), note.args);
}

QString noteSentence(const core::Note& note, const NoteContext& context) {
    const char* templ = core::noteTemplateEn(note);
    return fillPlaceholders(QCoreApplication::translate("closelab::Notes", templ),
                            context.displayArgs(note));
}

QString noteWhy(const core::Note& note, const NoteContext& context) {
    const char* templ = core::noteWhyEn(note.id);
    if (templ == nullptr || *templ == '\0')
        return {};
    return fillPlaceholders(QCoreApplication::translate("closelab::NoteWhy", templ),
                            context.displayArgs(note));
}

QString errorMessage(const core::InputError& error) {
    // Phrase arguments ({why}, {expected}, {where}, {message}) are English phrases of the core's
    // error catalogue, marked with QT_TRANSLATE_NOOP where they are thrown: translate them too,
    // then fill their own placeholders ("between {min} and {max}") from the data arguments.
    std::vector<std::pair<std::string, std::string>> data;
    for (const auto& arg : error.args()) {
        if (!core::isErrorPhraseArg(arg.first))
            data.push_back(arg);
    }
    QHash<QString, QString> shown;
    for (const auto& [name, value] : error.args()) {
        if (shown.contains(fromStd(name)))
            continue;
        shown.insert(fromStd(name),
                     core::isErrorPhraseArg(name)
                         ? fillPlaceholders(
                               QCoreApplication::translate("closelab::Errors", value.c_str()), data)
                         : fromStd(value));
    }
    const QString text = fillOnce(
        QCoreApplication::translate("closelab::Errors", core::errorTemplateEn(error.id())), shown);
    if (error.source().empty())
        return text;
    if (error.line() <= 0)
        return fromStd(error.source()) + u": " + text;
    return QStringLiteral("%1:%2:%3: %4")
        .arg(fromStd(error.source()))
        .arg(error.line())
        .arg(error.column())
        .arg(text);
}

}  // namespace closelab::models
