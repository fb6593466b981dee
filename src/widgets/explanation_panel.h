#pragma once

#include <QWidget>
#include <functional>

class QLabel;
class QTextBrowser;
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

signals:
    void glossaryTermShown(const QString& term);

protected:
    void changeEvent(QEvent* event) override;

private:
    void render();
    void onAnchorClicked(const QUrl& url);

    QTextBrowser* m_browser = nullptr;
    QTextBrowser* m_glossary = nullptr;
    GlossaryLookup m_lookup;
    QString m_heading, m_what, m_why, m_notice, m_term;
};

}  // namespace closelab::widgets
