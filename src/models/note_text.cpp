#include "models/note_text.h"

#include <QCoreApplication>

#include "core/error_catalog.h"
#include "core/note_catalog.h"

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
    QString text =
        QCoreApplication::translate("closelab::Errors", core::errorTemplateEn(error.id()));
    for (const auto& [name, value] : error.args()) {
        const QString shown =
            core::isErrorPhraseArg(name)
                ? fillPlaceholders(QCoreApplication::translate("closelab::Errors", value.c_str()),
                                   data)
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
