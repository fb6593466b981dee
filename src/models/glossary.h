#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace closelab::models {

// The terms of TCP connection teardown in English and Simplified Chinese, each with a one-line
// definition. The English texts are the translation sources (context "closelab::Glossary"); the
// Chinese term is read from the zh_CN catalogue itself, so both names are available whatever
// language the user interface shows. docs/glossary.md is the same list for readers.
class Glossary {
public:
    struct Entry {
        QString id;           // stable key, e.g. "time-wait", "four-way-close"
        QString term;         // in the current user-interface language
        QString englishTerm;  // always English
        QString chineseTerm;  // always Simplified Chinese
        QString definition;   // one line, current language
        QStringList seeAlso;  // ids
    };

    // Every entry id, in teaching order.
    static QStringList ids();
    // The entry for an id, or for any spelling of the term: "TIME_WAIT", "TIME-WAIT", "time wait",
    // "FIN_WAIT2", "四次挥手", "four-way close" (case-insensitive for Latin letters).
    static std::optional<Entry> entry(const QString& idOrTerm);
    // The id for a spelling, or an empty string.
    static QString idFor(const QString& term);
    // The entry as rich text for the explanation panel: the term in the current language with
    // its name in the other language, the definition, and links (glossary:ID) to related entries.
    // Empty when the term is unknown.
    static QString entryHtml(const QString& idOrTerm);
    // Wraps every known term in `html` (outside tags and existing links) in
    // <a href="glossary:ID">…</a>, so the explanation panel can open its entry on click.
    static QString linkify(const QString& html);
    // The term as the other language writes it: Chinese when the UI is English, English
    // otherwise. Used for the bilingual display and by the language-switch test.
    static QString otherLanguageTerm(const Entry& entry);
};

}  // namespace closelab::models
