#include "widgets/port_range_editor.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QRegularExpression>
#include <QSpinBox>

namespace closelab::widgets {

PortRangeEditor::PortRangeEditor(QWidget* parent) : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    m_low = new QSpinBox(this);
    m_high = new QSpinBox(this);
    m_low->setObjectName(QStringLiteral("portLow"));
    m_high->setObjectName(QStringLiteral("portHigh"));
    for (QSpinBox* box : {m_low, m_high}) {
        box->setRange(1, 65535);
        box->setFrame(false);
        connect(box, &QSpinBox::editingFinished, this, &PortRangeEditor::editingFinished);
    }
    m_dash = new QLabel(QStringLiteral("–"), this);
    layout->addWidget(m_low, 1);
    layout->addWidget(m_dash);
    layout->addWidget(m_high, 1);
    setFocusProxy(m_low);
    retranslate();
}

bool PortRangeEditor::setText(const QString& text) {
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d{1,5})[\\s,-]+(\\d{1,5})\\s*$"));
    const auto match = re.match(text);
    if (!match.hasMatch())
        return false;
    m_low->setValue(match.captured(1).toInt());
    m_high->setValue(match.captured(2).toInt());
    return true;
}

QString PortRangeEditor::text() const {
    return QString::number(m_low->value()) + u' ' + QString::number(m_high->value());
}

int PortRangeEditor::low() const {
    return m_low->value();
}

int PortRangeEditor::high() const {
    return m_high->value();
}

void PortRangeEditor::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void PortRangeEditor::retranslate() {
    m_low->setToolTip(tr("Lowest ephemeral port"));
    m_high->setToolTip(tr("Highest ephemeral port"));
}

}  // namespace closelab::widgets
