#include "models/note_text.h"

#include <QCoreApplication>
#include <QStringList>
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

// The separator between the items of an error's list ({allowed}, {hosts}); Chinese writes
// "0、1、2" where English writes "0, 1, 2".
constexpr struct {
    const char* source;
    const char* comment;
} kListSeparator = QT_TRANSLATE_NOOP3("closelab::Errors", ", ",
                                      "separator between the items of a list in an error "
                                      "message: allowed values, host names");

bool isListArg(std::string_view name) {
    return name == "allowed" || name == "hosts";
}

// The core joins a list with ", " (option values, load hosts) or with single spaces (the
// scenario's call names); the items themselves hold neither.
QString rejoined(std::string_view list, const QString& separator) {
    const QString text = fromStd(list);
    const QStringList items = text.contains(u", ")
                                  ? text.split(QStringLiteral(", "), Qt::SkipEmptyParts)
                                  : text.split(u' ', Qt::SkipEmptyParts);
    return items.join(separator);
}

// An error in the language of `lookup(source, comment)` (context "closelab::Errors").
template <typename Lookup>
QString errorMessageWith(const core::InputError& error, const Lookup& lookup) {
    // Phrase arguments ({why}, {expected}, {where}, {message}) are English phrases of the core's
    // error catalogue, marked with QT_TRANSLATE_NOOP where they are thrown: translate them too,
    // then fill their own placeholders ("between {min} and {max}") from the data arguments.
    // Lists take the language's separator; in English they stay exactly as the core (and so the
    // CLI) wrote them.
    const QString separator = lookup(kListSeparator.source, kListSeparator.comment);
    const bool ownSeparator = separator != QLatin1String(kListSeparator.source);
    std::vector<std::pair<std::string, std::string>> data;
    for (const auto& arg : error.args()) {
        if (core::isErrorPhraseArg(arg.first))
            continue;
        if (ownSeparator && isListArg(arg.first))
            data.emplace_back(arg.first, rejoined(arg.second, separator).toStdString());
        else
            data.push_back(arg);
    }
    std::vector<std::pair<std::string, std::string>> shown;
    for (const auto& [name, value] : error.args()) {
        if (core::isErrorPhraseArg(name)) {
            shown.emplace_back(
                name, fillPlaceholders(lookup(value.c_str(), nullptr), data).toStdString());
        } else if (ownSeparator && isListArg(name)) {
            shown.emplace_back(name, rejoined(value, separator).toStdString());
        } else {
            shown.emplace_back(name, value);
        }
    }
    const QString text =
        fillPlaceholders(lookup(core::errorTemplateEn(error.id()), nullptr), shown);
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
    return errorMessageWith(error, [](const char* source, const char* comment) {
        return QCoreApplication::translate("closelab::Errors", source, comment);
    });
}

QString errorMessage(const core::InputError& error, const QTranslator& catalogue) {
    return errorMessageWith(error, [&catalogue](const char* source, const char* comment) {
        // QTranslator answers "" for a string it does not hold; the source is then the text,
        // as QCoreApplication::translate() does (English has no entries of its own).
        const QString text = catalogue.translate("closelab::Errors", source, comment);
        return text.isEmpty() ? QString::fromUtf8(source) : text;
    });
}

}  // namespace closelab::models
