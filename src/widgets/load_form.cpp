#include "widgets/load_form.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace closelab::widgets {

LoadForm::LoadForm(QWidget* parent) : QWidget(parent) {
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(4, 4, 4, 4);
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    outer->addLayout(m_form);

    m_rate = new QDoubleSpinBox(this);
    m_rate->setObjectName(QStringLiteral("loadRate"));
    m_rate->setRange(0, 1'000'000);
    m_rate->setDecimals(1);
    m_poisson = new QCheckBox(this);
    m_count = new QSpinBox(this);
    m_count->setRange(0, 100'000'000);
    m_duration = new QSpinBox(this);
    m_duration->setObjectName(QStringLiteral("loadDuration"));
    m_duration->setRange(1, 24 * 3600);
    m_closer = new QComboBox(this);
    m_closer->setObjectName(QStringLiteral("loadCloser"));
    m_closer->addItem(QString(), QStringLiteral("client"));
    m_closer->addItem(QString(), QStringLiteral("server"));
    m_peerClose = new QComboBox(this);
    m_peerClose->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_peerClose->setMinimumContentsLength(14);
    m_peerClose->addItem(QString(), QStringLiteral("normal"));
    m_peerClose->addItem(QString(), QStringLiteral("never"));
    m_peerClose->addItem(QString(), QStringLiteral("delay"));
    m_peerDelay = new QSpinBox(this);
    m_peerDelay->setRange(0, 3'600'000);
    m_peerDelay->setValue(5000);
    m_peerDelay->setEnabled(false);
    m_pool = new QSpinBox(this);
    m_pool->setRange(0, 100'000);
    m_clients = new QSpinBox(this);
    m_clients->setRange(1, 64);
    m_nat = new QCheckBox(this);
    m_serverPorts = new QSpinBox(this);
    m_serverPorts->setRange(1, 64);
    m_rtt = new QDoubleSpinBox(this);
    m_rtt->setRange(0.01, 10'000);
    m_rtt->setDecimals(2);
    m_loss = new QDoubleSpinBox(this);
    // The core takes a loss probability from 0 up to, not including, 1 (validateLoadSpec()).
    m_loss->setRange(0, 99.99);
    m_loss->setDecimals(2);
    m_loopback = new QCheckBox(this);
    m_sample = new QSpinBox(this);
    m_sample->setRange(1, 600'000);
    m_seed = new QSpinBox(this);
    m_seed->setRange(0, std::numeric_limits<int>::max());

    auto* peer = new QHBoxLayout;
    peer->setContentsMargins(0, 0, 0, 0);
    peer->addWidget(m_peerClose, 1);
    peer->addWidget(m_peerDelay);
    m_peerRow = peer;
    // Row labels are placeholders here; retranslate() gives them their text.
    m_form->addRow(QStringLiteral("rate"), m_rate);
    m_form->addRow(QStringLiteral("poisson"), m_poisson);
    m_form->addRow(QStringLiteral("count"), m_count);
    m_form->addRow(QStringLiteral("duration"), m_duration);
    m_form->addRow(QStringLiteral("closer"), m_closer);
    m_form->addRow(QStringLiteral("peer"), peer);
    m_form->addRow(QStringLiteral("pool"), m_pool);
    m_form->addRow(QStringLiteral("clients"), m_clients);
    m_form->addRow(QStringLiteral("nat"), m_nat);
    m_form->addRow(QStringLiteral("ports"), m_serverPorts);
    m_form->addRow(QStringLiteral("rtt"), m_rtt);
    m_form->addRow(QStringLiteral("loss"), m_loss);
    m_form->addRow(QStringLiteral("loopback"), m_loopback);
    m_form->addRow(QStringLiteral("sample"), m_sample);
    m_form->addRow(QStringLiteral("seed"), m_seed);

    auto* buttons = new QHBoxLayout;
    m_run = new QPushButton(this);
    m_run->setObjectName(QStringLiteral("loadRun"));
    m_run->setDefault(true);
    m_pin = new QPushButton(this);
    m_pin->setObjectName(QStringLiteral("loadPin"));
    buttons->addWidget(m_run);
    buttons->addWidget(m_pin);
    outer->addLayout(buttons);
    outer->addStretch(1);

    connect(m_peerClose, &QComboBox::currentIndexChanged, this, [this](int) {
        m_peerDelay->setEnabled(m_peerClose->currentData() == QLatin1String("delay"));
    });
    connect(m_run, &QPushButton::clicked, this, &LoadForm::runRequested);
    connect(m_pin, &QPushButton::clicked, this, &LoadForm::pinRequested);
    setValues(Values{});
    retranslate();
}

LoadForm::Values LoadForm::values() const {
    Values v;
    v.rate = m_rate->value();
    v.poisson = m_poisson->isChecked();
    v.count = m_count->value();
    v.durationS = m_duration->value();
    v.closer = m_closer->currentData().toString();
    v.peerClose = m_peerClose->currentData().toString();
    if (v.peerClose == QLatin1String("delay"))
        v.peerClose = QStringLiteral("delay:") + QString::number(m_peerDelay->value());
    v.pool = m_pool->value();
    v.clients = m_clients->value();
    v.nat = m_nat->isChecked();
    v.serverPorts = m_serverPorts->value();
    v.rttMs = m_rtt->value();
    v.lossPercent = m_loss->value();
    v.loopback = m_loopback->isChecked();
    v.sampleMs = m_sample->value();
    v.seed = m_seed->value();
    return v;
}

void LoadForm::setValues(const Values& v) {
    m_rate->setValue(v.rate);
    m_poisson->setChecked(v.poisson);
    m_count->setValue(v.count);
    m_duration->setValue(v.durationS);
    m_closer->setCurrentIndex(std::max(0, m_closer->findData(v.closer)));
    const QString peer = v.peerClose.section(u':', 0, 0);
    m_peerClose->setCurrentIndex(std::max(0, m_peerClose->findData(peer)));
    if (peer == QLatin1String("delay"))
        m_peerDelay->setValue(v.peerClose.section(u':', 1).toInt());
    m_pool->setValue(v.pool);
    m_clients->setValue(v.clients);
    m_nat->setChecked(v.nat);
    m_serverPorts->setValue(v.serverPorts);
    m_rtt->setValue(v.rttMs);
    m_loss->setValue(v.lossPercent);
    m_loopback->setChecked(v.loopback);
    m_sample->setValue(v.sampleMs);
    m_seed->setValue(v.seed);
}

void LoadForm::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void LoadForm::retranslate() {
    const auto label = [this](QWidget* field, const QString& text, const QString& tip) {
        if (auto* l = qobject_cast<QLabel*>(m_form->labelForField(field))) {
            l->setText(text);
            l->setToolTip(tip);
        }
        field->setToolTip(tip);
    };
    label(m_rate, tr("Rate (conn/s)"),
          tr("New connections per second; 0 with a count: back to back"));
    label(m_poisson, tr("Poisson arrivals"), tr("Random arrival times with the same average rate"));
    label(m_count, tr("Count"), tr("Stop after this many connects (0: no limit)"));
    label(m_duration, tr("Duration (s)"), tr("Simulated time to run"));
    label(m_closer, tr("Closes first"), tr("Which side calls close() first: it gets TIME_WAIT"));
    m_closer->setItemText(0, tr("client"));
    m_closer->setItemText(1, tr("server"));
    if (auto* l = qobject_cast<QLabel*>(m_form->labelForField(m_peerRow)))
        l->setText(tr("Other side"));
    m_peerClose->setToolTip(tr("What the other application does after the first close()"));
    m_peerClose->setItemText(0, tr("closes at once"));
    m_peerClose->setItemText(1, tr("never closes (CLOSE_WAIT leak)"));
    m_peerClose->setItemText(2, tr("closes after a delay"));
    m_peerDelay->setSuffix(tr(" ms"));
    label(m_pool, tr("Keep-alive pool"), tr("Reuse this many connections (0: one per request)"));
    label(m_clients, tr("Client hosts"), tr("Number of client machines"));
    label(m_nat, tr("Behind one NAT"), tr("All clients share one public address"));
    label(m_serverPorts, tr("Server ports"), tr("Destinations: each one has its own port space"));
    label(m_rtt, tr("RTT (ms)"), tr("Round-trip time of the link"));
    label(m_loss, tr("Loss (%)"), tr("Share of segments lost on the link"));
    label(m_loopback, tr("Loopback"), tr("Client and server on 127.0.0.1 of one host"));
    label(m_sample, tr("Sample every (ms)"), tr("Distance between two samples of the counts"));
    label(m_seed, tr("Seed"), tr("Same seed, same run"));
    m_run->setText(tr("&Run"));
    m_run->setToolTip(tr("Simulate this load with the current options"));
    m_pin->setText(tr("&Pin for compare"));
    m_pin->setToolTip(tr("Keep this run to compare it with the next one"));
}

}  // namespace closelab::widgets
