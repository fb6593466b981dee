#include "widgets/linger_editor.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QRegularExpression>
#include <QSpinBox>

namespace closelab::widgets {

LingerEditor::LingerEditor(QWidget* parent) : QWidget(parent) {
    setAutoFillBackground(true);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(2, 0, 0, 0);
    layout->setSpacing(4);
    m_on = new QCheckBox(this);
    m_on->setObjectName(QStringLiteral("lingerOn"));
    m_seconds = new QSpinBox(this);
    m_seconds->setObjectName(QStringLiteral("lingerSeconds"));
    // l_linger is an int of seconds; the kernel caps the wait at MAX_SCHEDULE_TIMEOUT.
    m_seconds->setRange(0, 86400);
    m_seconds->setFrame(false);
    layout->addWidget(m_on);
    layout->addWidget(m_seconds, 1);
    connect(m_on, &QCheckBox::toggled, m_seconds, &QSpinBox::setEnabled);
    connect(m_on, &QCheckBox::clicked, this, &LingerEditor::editingFinished);
    connect(m_seconds, &QSpinBox::editingFinished, this, &LingerEditor::editingFinished);
    m_seconds->setEnabled(false);
    setFocusProxy(m_on);
    retranslate();
}

bool LingerEditor::setText(const QString& text) {
    static const QRegularExpression re(QStringLiteral("^\\s*([01])\\s*[,: ]\\s*(\\d{1,5})\\s*$"));
    const auto match = re.match(text);
    if (!match.hasMatch())
        return false;
    m_on->setChecked(match.captured(1) == u'1');
    m_seconds->setValue(match.captured(2).toInt());
    m_seconds->setEnabled(m_on->isChecked());
    return true;
}

QString LingerEditor::text() const {
    return (m_on->isChecked() ? QStringLiteral("1,") : QStringLiteral("0,")) +
           QString::number(m_seconds->value());
}

void LingerEditor::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void LingerEditor::retranslate() {
    m_on->setText(tr("on"));
    m_on->setToolTip(tr("l_onoff: close() lingers (or resets when the time is 0)"));
    m_seconds->setSuffix(tr(" s"));
    m_seconds->setToolTip(tr("l_linger: seconds close() waits for unsent data; 0 sends RST"));
}

}  // namespace closelab::widgets
