#pragma once

#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace closelab::widgets::test {

// The Latin words (three letters or more) of a text that should have been translated: words in
// a token that `code` matches (identifiers, options, paths, numbers), all-capital words (state
// and errno names), camel case and the `allowed` names do not count.
inline QStringList latinWords(const QString& text, const QRegularExpression& code,
                              const QStringList& allowed) {
    static const QRegularExpression tokenRe(QStringLiteral(R"([\x21-\x7E]+)"));
    static const QRegularExpression wordRe(QStringLiteral("[A-Za-z]{3,}"));
    static const QRegularExpression innerCapital(QStringLiteral("^[A-Za-z]+[A-Z][A-Za-z]*$"));
    QStringList bad;
    for (auto it = tokenRe.globalMatch(text); it.hasNext();) {
        const QString token = it.next().captured();
        if (code.match(token).hasMatch())
            continue;
        for (auto w = wordRe.globalMatch(token); w.hasNext();) {
            const QString word = w.next().captured();
            if (word == word.toUpper() || innerCapital.match(word).hasMatch() ||
                allowed.contains(word))
                continue;
            bad << word;
        }
    }
    return bad;
}

}  // namespace closelab::widgets::test
