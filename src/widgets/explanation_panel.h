#pragma once

#include <QWidget>
#include <functional>

class QLabel;
class QPushButton;
class QTextBrowser;
class QVBoxLayout;
class QUrl;

namespace closelab::widgets {

// What is happening at the playback time, in three parts: the sentence for the current step,
// why it happens, and what the learner should notice. Terms are links (glossary:TERM); clicking
// one shows its glossary entry below the text.
class ExplanationPanel : public QWidget {
    Q_OBJECT
public:
    // Returns the HTML of a glossary entry for a term, or an empty string if unknown.
    using GlossaryLookup = std::function<QString(const QString& term)>;

    explicit ExplanationPanel(QWidget* parent = nullptr);

    void setGlossaryLookup(GlossaryLookup lookup);
    // Rich text (may contain glossary: links). Empty parts are left out.
    void setContent(const QString& heading, const QString& what, const QString& why,
                    const QString& notice);
    void showGlossaryEntry(const QString& term);
    QString plainText() const;
    // The scenario's suggestions (--set assignments, "client.net.ipv4.tcp_tw_reuse=1"), one
    // "Try: …" button each; a click asks for it (trySuggestion).
    void setSuggestions(const QStringList& assignments);
    QList<QPushButton*> suggestionButtons() const { return m_tryButtons; }
    // What the tried change did (rich text); empty hides it. With an undo button when shown.
    void setTryResult(const QString& html);
    QString tryResultText() const;

signals:
    void glossaryTermShown(const QString& term);
    void trySuggestion(const QString& assignment);
    void undoTryRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void render();
    void retranslateTry();
    void onAnchorClicked(const QUrl& url);

    QTextBrowser* m_browser = nullptr;
    QTextBrowser* m_glossary = nullptr;
    QWidget* m_tryBox = nullptr;
    QVBoxLayout* m_tryLayout = nullptr;
    QLabel* m_tryResult = nullptr;
    QPushButton* m_undoTry = nullptr;
    QList<QPushButton*> m_tryButtons;
    QStringList m_suggestions;
    GlossaryLookup m_lookup;
    QString m_heading, m_what, m_why, m_notice, m_term;
};

}  // namespace closelab::widgets
