#include "models/note_text.h"

#include <QCoreApplication>

namespace closelab::models {

namespace {

QString fromStd(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

}  // namespace

QString fillPlaceholders(QString templ, std::span<const std::pair<std::string, std::string>> args) {
    for (const auto& [name, value] : args)
        templ.replace(u'{' + fromStd(name) + u'}', fromStd(value));
    return templ;
}

QString noteSentence(const core::Note& note) {
    const char* templ = core::noteTemplateEn(note.id);
    return fillPlaceholders(QCoreApplication::translate("closelab::Notes", templ), note.args);
}

QString noteWhy(const core::Note& note) {
    const char* templ = core::noteWhyEn(note.id);
    if (templ == nullptr || *templ == '\0')
        return {};
    return fillPlaceholders(QCoreApplication::translate("closelab::NoteWhy", templ), note.args);
}

QString noteSentence(const core::Note& note, const NoteContext& context) {
    const char* templ = core::noteTemplateEn(note.id);
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
    QString text =
        QCoreApplication::translate("closelab::Errors", core::errorTemplateEn(error.id()));
    for (const auto& [name, value] : error.args()) {
        // A {why} argument is a reason sentence from the core's error catalogue (marked with
        // QT_TRANSLATE_NOOP there, e.g. why tcp_tw_recycle is absent): translate it too.
        const QString shown = name == "why"
                                  ? QCoreApplication::translate("closelab::Errors", value.c_str())
                                  : fromStd(value);
        text.replace(u'{' + fromStd(name) + u'}', shown);
    }
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
