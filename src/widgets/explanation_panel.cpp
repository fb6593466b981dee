#include "widgets/explanation_panel.h"

#include <QEvent>
#include <QSplitter>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace closelab::widgets {

ExplanationPanel::ExplanationPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    m_browser = new QTextBrowser(splitter);
    m_browser->setObjectName(QStringLiteral("explanationText"));
    m_browser->setOpenLinks(false);
    m_glossary = new QTextBrowser(splitter);
    m_glossary->setObjectName(QStringLiteral("glossaryText"));
    m_glossary->setOpenLinks(false);
    m_glossary->setVisible(false);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter);
    connect(m_browser, &QTextBrowser::anchorClicked, this, &ExplanationPanel::onAnchorClicked);
    connect(m_glossary, &QTextBrowser::anchorClicked, this, &ExplanationPanel::onAnchorClicked);
    render();
}

void ExplanationPanel::setGlossaryLookup(GlossaryLookup lookup) {
    m_lookup = std::move(lookup);
}

void ExplanationPanel::setContent(const QString& heading, const QString& what, const QString& why,
                                  const QString& notice) {
    m_heading = heading;
    m_what = what;
    m_why = why;
    m_notice = notice;
    render();
}

void ExplanationPanel::showGlossaryEntry(const QString& term) {
    m_term = term;
    const QString html = m_lookup ? m_lookup(term) : QString();
    m_glossary->setHtml(html.isEmpty()
                            ? QStringLiteral("<p><b>%1</b></p><p>%2</p>")
                                  .arg(term.toHtmlEscaped(), tr("No glossary entry for this term."))
                            : html);
    m_glossary->setVisible(true);
    emit glossaryTermShown(term);
}

QString ExplanationPanel::plainText() const {
    return m_browser->toPlainText();
}

void ExplanationPanel::changeEvent(QEvent* event) {
    // The owner pushes new (translated) content on a language change; only the fixed headings
    // and the shown glossary entry are refreshed here.
    if (event->type() == QEvent::LanguageChange) {
        render();
        if (m_glossary->isVisible() && !m_term.isEmpty())
            showGlossaryEntry(m_term);
    }
    QWidget::changeEvent(event);
}

void ExplanationPanel::render() {
    QString html;
    if (!m_heading.isEmpty())
        html += QStringLiteral("<h3>%1</h3>").arg(m_heading);
    if (m_what.isEmpty() && m_why.isEmpty() && m_notice.isEmpty()) {
        html += QStringLiteral("<p style='color:#666'>%1</p>")
                    .arg(tr("Press Play or step with the arrow keys: each step of the close is "
                            "explained here."));
    }
    if (!m_what.isEmpty())
        html += QStringLiteral("<p style='font-size:large'>%1</p>").arg(m_what);
    if (!m_why.isEmpty())
        html += QStringLiteral("<h4>%1</h4><p>%2</p>").arg(tr("Why"), m_why);
    if (!m_notice.isEmpty())
        html += QStringLiteral("<h4>%1</h4><p>%2</p>").arg(tr("What to notice"), m_notice);
    m_browser->setHtml(html);
}

void ExplanationPanel::onAnchorClicked(const QUrl& url) {
    if (url.scheme() == QLatin1String("glossary"))
        showGlossaryEntry(url.path());
}

}  // namespace closelab::widgets
