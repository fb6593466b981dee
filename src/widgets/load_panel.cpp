#include "widgets/load_panel.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "models/host_names.h"
#include "widgets/bar_chart_view.h"
#include "widgets/load_form.h"
#include "widgets/state_palette.h"
#include "widgets/state_plot.h"

namespace closelab::widgets {

LoadPanel::LoadPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    layout->addWidget(splitter);

    // Left: the parameters, then the summary of the run below them.
    auto* left = new QSplitter(Qt::Vertical, splitter);
    auto* scroll = new QScrollArea(left);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_form = new LoadForm(scroll);
    scroll->setWidget(m_form);
    m_summary = new QTextBrowser(left);
    m_summary->setObjectName(QStringLiteral("loadSummary"));
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 2);
    // The form scrolls when the window is narrow (a 1024-pixel projector): it must not set the
    // window's minimum width.
    left->setMinimumWidth(std::min(m_form->sizeHint().width() + 20, 240));
    left->setMaximumWidth(m_form->sizeHint().width() + 80);

    auto* right = new QWidget(splitter);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto* top = new QHBoxLayout;
    m_hostLabel = new QLabel(right);
    m_host = new QComboBox(right);
    m_host->setObjectName(QStringLiteral("loadHost"));
    m_host->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_hostLabel->setBuddy(m_host);
    m_status = new QLabel(right);
    m_status->setObjectName(QStringLiteral("loadStatus"));
    top->addWidget(m_hostLabel);
    top->addWidget(m_host);
    top->addSpacing(12);
    top->addWidget(m_status, 1);
    m_progress = new QProgressBar(right);
    m_progress->setObjectName(QStringLiteral("loadProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_cancel = new QPushButton(right);
    m_cancel->setObjectName(QStringLiteral("loadCancel"));
    m_cancel->hide();
    top->addWidget(m_progress, 1);
    top->addWidget(m_cancel);
    rightLayout->addLayout(top);
    connect(m_cancel, &QPushButton::clicked, this, &LoadPanel::cancelRequested);
    // Esc anywhere in the window while the button shows (during a long run). Not the button's
    // own shortcut: that animates a click for 100 ms before it fires.
    auto* escape = new QShortcut(QKeySequence(Qt::Key_Escape), m_cancel);
    escape->setContext(Qt::WindowShortcut);
    connect(escape, &QShortcut::activated, this, &LoadPanel::cancelRequested);

    auto* vertical = new QSplitter(Qt::Vertical, right);
    m_plot = new StatePlot(vertical);
    // The charts keep the width their category names need and scroll when the window is
    // narrower; below that width they stack.
    auto* chartScroll = new QScrollArea(vertical);
    chartScroll->setObjectName(QStringLiteral("chartScroll"));
    chartScroll->setWidgetResizable(true);
    chartScroll->setFrameShape(QFrame::NoFrame);
    auto* bottom = new QSplitter(Qt::Horizontal, chartScroll);
    chartScroll->setWidget(bottom);
    m_charts = bottom;
    m_distribution = new BarChartView(bottom);
    m_distribution->setObjectName(QStringLiteral("distributionChart"));
    m_errno = new BarChartView(bottom);
    m_errno->setObjectName(QStringLiteral("errnoChart"));
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 2);
    bottom->setStretchFactor(0, 1);
    bottom->setStretchFactor(1, 1);
    rightLayout->addWidget(vertical, 1);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);

    connect(m_host, &QComboBox::currentIndexChanged, this, [this](int) { plotHost(); });
    connect(m_plot, &StatePlot::cursorMoved, this, &LoadPanel::updateDistribution);
    retranslate();
}

void LoadPanel::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    // Side by side they need twice a chart's minimum width; stacked, once.
    int needed = 0;
    for (int i = 0; i < m_charts->count(); ++i)
        needed += m_charts->widget(i)->minimumSizeHint().width() + m_charts->handleWidth();
    const int available = width() - m_form->parentWidget()->width();
    const Qt::Orientation wanted = available >= needed + 40 ? Qt::Horizontal : Qt::Vertical;
    if (m_charts->orientation() != wanted)
        m_charts->setOrientation(wanted);
}

void LoadPanel::setData(const LoadData& data) {
    const QString host = currentHost();
    m_data = data;
    {
        const QSignalBlocker blocker(m_host);
        m_host->clear();
        for (const QString& h : data.hosts)
            m_host->addItem(models::hostDisplayName(h.toStdString()), h);
        // Keep the host the user looked at; otherwise the one with the most sockets.
        int index = int(data.hosts.indexOf(host));
        if (index < 0) {
            double best = -1;
            for (int i = 0; i < data.hosts.size(); ++i) {
                double peak = 0;
                for (const auto& s : data.series.value(data.hosts[i]))
                    peak = std::max(peak, *std::max_element(s.values.begin(), s.values.end()));
                if (peak > best) {
                    best = peak;
                    index = i;
                }
            }
        }
        m_host->setCurrentIndex(std::max(0, index));
    }
    m_summary->setHtml(data.summaryHtml);
    plotHost();
    QStringList errnos;
    QList<double> counts;
    for (const auto& [name, count] : data.failuresByErrno) {
        errnos << name;
        counts << count;
    }
    m_errno->setData(errnos, errnos.isEmpty()
                                 ? QList<BarChartView::Group>{}
                                 : QList<BarChartView::Group>{
                                       {tr("failed connects"), counts, QColor(0xc6, 0x28, 0x28)}});
}

QString LoadPanel::currentHost() const {
    return m_host->currentData().toString();
}

void LoadPanel::setCurrentHost(const QString& host) {
    const int index = m_host->findData(host);
    if (index >= 0)
        m_host->setCurrentIndex(index);
}

void LoadPanel::setBusy(bool busy, const QString& message) {
    m_status->setText(busy ? tr("Simulating…") : message);
    if (!busy) {
        m_progress->hide();
        m_cancel->hide();
    }
}

void LoadPanel::setProgress(double doneS, double totalS, double elapsedS, double leftS) {
    if (elapsedS < 0.5 || totalS <= 0)
        return;  // short runs just say "Simulating…"
    m_progress->setValue(int(std::lround(std::clamp(doneS / totalS, 0.0, 1.0) * 1000)));
    m_progress->show();
    m_cancel->show();
    const QString done = QLocale().toString(doneS, 'f', 1);
    const QString total = QLocale().toString(totalS, 'f', 1);
    m_status->setText(leftS < 0
                          ? tr("%1 of %2 s simulated").arg(done, total)
                          : tr("%1 of %2 s simulated, about %3 s left")
                                .arg(done, total, QLocale().toString(std::ceil(leftS), 'f', 0)));
}

void LoadPanel::showCancelled() {
    setBusy(false, tr("Cancelled: the previous result stays on screen."));
}

void LoadPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void LoadPanel::retranslate() {
    m_hostLabel->setText(tr("&Host:"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop this run (Esc); the previous result stays on screen"));
    m_host->setToolTip(tr("Whose sockets the plot counts"));
    m_plot->setTitles(tr("Sockets per state over time"), tr("simulated time (s)"), tr("sockets"));
    m_distribution->setTitles(tr("States at the cursor"), tr("sockets"));
    m_errno->setTitles(tr("Failed connects by errno"), tr("connects"));
    m_errno->setEmptyText(tr("none"));
    m_summary->setPlaceholderText(tr("Run a load to see its summary."));
    if (!m_data.isEmpty())
        setData(LoadData(m_data));
}

void LoadPanel::plotHost() {
    const auto& states = m_data.series.value(currentHost());
    QList<StatePlot::Series> series;
    for (const auto& s : states) {
        // A state that never occurs only clutters the legend.
        if (std::all_of(s.values.begin(), s.values.end(), [](double v) { return v == 0; }))
            continue;
        series.append({s.state, s.state, s.values, false});
    }
    m_plot->setData(m_data.timesMs, series);
    m_plot->setFailureWindows(m_data.failureWindowsMs);
    // The port capacity only bounds the sockets of a client (its ephemeral ports).
    const bool capacity = m_data.capacityHosts.contains(currentHost());
    m_plot->setCapacity(capacity ? m_data.portCapacity : std::nan(""),
                        tr("usable ports: %L1").arg(m_data.portCapacity, 0, 'f', 0));
    if (!m_data.timesMs.isEmpty())
        m_plot->setCursorTime(m_data.timesMs.back());
    updateDistribution(m_plot->cursorTime());
}

void LoadPanel::updateDistribution(double tMs) {
    const auto& states = m_data.series.value(currentHost());
    const auto it = std::upper_bound(m_data.timesMs.begin(), m_data.timesMs.end(), tMs);
    const qsizetype index = std::max<qsizetype>(0, (it - m_data.timesMs.begin()) - 1);
    QStringList names;
    QList<double> values;
    // Only the states present at the cursor: an empty state would be a bar of nothing.
    for (const auto& s : states) {
        const double v = index < s.values.size() ? s.values[index] : 0.0;
        if (v == 0)
            continue;
        names << s.state;
        values << v;
    }
    m_distribution->setData(
        names, names.isEmpty() ? QList<BarChartView::Group>{}
                               : QList<BarChartView::Group>{{currentHost(), values, QColor()}});
    m_distribution->setTitles(tr("States at t = %1 s").arg(tMs / 1000, 0, 'f', 1), tr("sockets"));
}

}  // namespace closelab::widgets
