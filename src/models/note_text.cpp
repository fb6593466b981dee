#include "models/note_text.h"

#include <QCoreApplication>
#include <QTranslator>

#include "core/error_catalog.h"
#include "core/note_catalog.h"

namespace closelab::models {

namespace {

QString fromStd(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

}  // namespace

// The core's own substitution (UTF-8 both ways), so that the app and the CLI fill a template
// identically: one pass (a user's value containing "{why}" is shown as written), the first
// argument of a name wins, unknown names stay, and a count picks its English word through
// {name|one|other}. A translation without such a selector (Chinese) is unaffected.
QString fillPlaceholders(QString templ, std::span<const std::pair<std::string, std::string>> args) {
    const QByteArray utf8 = templ.toUtf8();
    return fromStd(
        core::substituteArgs(std::string_view(utf8.constData(), std::size_t(utf8.size())), args));
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

namespace {

// An error in the language of `lookup` (context "closelab::Errors").
template <typename Lookup>
QString errorMessageWith(const core::InputError& error, const Lookup& lookup) {
    // Phrase arguments ({why}, {expected}, {where}, {message}) are English phrases of the core's
    // error catalogue, marked with QT_TRANSLATE_NOOP where they are thrown: translate them too,
    // then fill their own placeholders ("between {min} and {max}") from the data arguments.
    std::vector<std::pair<std::string, std::string>> data;
    for (const auto& arg : error.args()) {
        if (!core::isErrorPhraseArg(arg.first))
            data.push_back(arg);
    }
    std::vector<std::pair<std::string, std::string>> shown;
    for (const auto& [name, value] : error.args()) {
        shown.emplace_back(name, core::isErrorPhraseArg(name)
                                     ? fillPlaceholders(lookup(value.c_str()), data).toStdString()
                                     : value);
    }
    const QString text = fillPlaceholders(lookup(core::errorTemplateEn(error.id())), shown);
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

}  // namespace

QString errorMessage(const core::InputError& error) {
    return errorMessageWith(error, [](const char* source) {
        return QCoreApplication::translate("closelab::Errors", source);
    });
}

QString errorMessage(const core::InputError& error, const QTranslator& catalogue) {
    return errorMessageWith(error, [&catalogue](const char* source) {
        // QTranslator answers "" for a string it does not hold; the source is then the text,
        // as QCoreApplication::translate() does (English has no entries of its own).
        const QString text = catalogue.translate("closelab::Errors", source);
        return text.isEmpty() ? QString::fromUtf8(source) : text;
    });
}

}  // namespace closelab::models
