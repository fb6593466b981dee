#include "widgets/explanation_panel.h"

#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

#include "models/host_names.h"

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
    // The scenario's "try" suggestions and what the last one changed.
    m_tryBox = new QWidget(this);
    m_tryBox->setObjectName(QStringLiteral("tryBox"));
    m_tryLayout = new QVBoxLayout(m_tryBox);
    m_tryLayout->setContentsMargins(4, 2, 4, 2);
    m_tryLayout->setSpacing(3);
    m_tryResult = new QLabel(m_tryBox);
    m_tryResult->setObjectName(QStringLiteral("tryResult"));
    m_tryResult->setWordWrap(true);
    m_tryResult->setTextFormat(Qt::RichText);
    m_tryResult->setVisible(false);
    m_undoTry = new QPushButton(m_tryBox);
    m_undoTry->setObjectName(QStringLiteral("undoTry"));
    m_undoTry->setVisible(false);
    m_tryLayout->addWidget(m_tryResult);
    m_tryLayout->addWidget(m_undoTry);
    m_tryBox->setVisible(false);
    layout->addWidget(m_tryBox);
    connect(m_undoTry, &QPushButton::clicked, this, &ExplanationPanel::undoTryRequested);
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
    // Open at the entry's heading, not where the previous entry was scrolled to.
    m_glossary->moveCursor(QTextCursor::Start);
    m_glossary->verticalScrollBar()->setValue(0);
    emit glossaryTermShown(term);
}

QString ExplanationPanel::plainText() const {
    return m_browser->toPlainText();
}

void ExplanationPanel::setSuggestions(const QStringList& assignments) {
    qDeleteAll(m_tryButtons);
    m_tryButtons.clear();
    m_suggestions = assignments;
    for (int i = 0; i < assignments.size(); ++i) {
        auto* button = new QPushButton(m_tryBox);
        button->setObjectName(QStringLiteral("tryButton%1").arg(i));
        const QString assignment = assignments[i];
        connect(button, &QPushButton::clicked, this,
                [this, assignment] { emit trySuggestion(assignment); });
        m_tryLayout->insertWidget(i, button);
        m_tryButtons << button;
    }
    setTryResult(QString());
    retranslateTry();
}

void ExplanationPanel::setTryResult(const QString& html) {
    m_tryResult->setText(html);
    m_tryResult->setVisible(!html.isEmpty());
    m_undoTry->setVisible(!html.isEmpty());
    m_tryBox->setVisible(!m_tryButtons.isEmpty() || !html.isEmpty());
}

QString ExplanationPanel::tryResultText() const {
    return m_tryResult->isVisible() ? m_tryResult->text() : QString();
}

void ExplanationPanel::retranslateTry() {
    for (int i = 0; i < m_tryButtons.size(); ++i) {
        // "client.net.ipv4.tcp_fin_timeout=10" reads as "Client: tcp_fin_timeout=10".
        QString shown = m_suggestions[i];
        shown.replace(QLatin1String("net.ipv4."), QString());
        const int dot = int(shown.indexOf(u'.'));
        const int eq = int(shown.indexOf(u'='));
        if (dot > 0 && (eq < 0 || dot < eq) && !shown.startsWith(QLatin1String("closelab.")))
            shown = tr("%1: %2").arg(models::hostDisplayName(shown.left(dot).toStdString()),
                                     shown.mid(dot + 1));
        m_tryButtons[i]->setText(tr("Try: %1").arg(shown));
        m_tryButtons[i]->setToolTip(
            tr("Run the scenario again with %1 and say what changed").arg(m_suggestions[i]));
    }
    m_undoTry->setText(tr("&Undo the change"));
}

void ExplanationPanel::changeEvent(QEvent* event) {
    // The owner pushes new (translated) content on a language change; only the fixed headings
    // and the shown glossary entry are refreshed here.
    if (event->type() == QEvent::LanguageChange) {
        retranslateTry();
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
