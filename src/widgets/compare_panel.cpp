#include "widgets/compare_panel.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QSignalBlocker>
#include <QSplitter>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "models/host_names.h"
#include "widgets/bar_chart_view.h"
#include "widgets/state_plot.h"

namespace closelab::widgets {

namespace {

bool allZero(const QVector<double>& values) {
    return std::all_of(values.begin(), values.end(), [](double v) { return v == 0; });
}

// Resamples a series onto other sample times (step function: value at or before t).
QVector<double> resample(const QVector<double>& fromTimes, const QVector<double>& values,
                         const QVector<double>& toTimes) {
    QVector<double> out;
    out.reserve(toTimes.size());
    for (double t : toTimes) {
        const auto it = std::upper_bound(fromTimes.begin(), fromTimes.end(), t);
        const qsizetype i = (it - fromTimes.begin()) - 1;
        out.append(i >= 0 && i < values.size() ? values[i] : 0.0);
    }
    return out;
}

}  // namespace

ComparePanel::ComparePanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* top = new QHBoxLayout;
    m_hostLabel = new QLabel(this);
    m_host = new QComboBox(this);
    m_host->setObjectName(QStringLiteral("compareHost"));
    m_host->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_hostLabel->setBuddy(m_host);
    m_unpin = new QPushButton(this);
    m_unpin->setObjectName(QStringLiteral("compareUnpin"));
    top->addWidget(m_hostLabel);
    top->addWidget(m_host);
    top->addStretch(1);
    top->addWidget(m_unpin);
    layout->addLayout(top);
    m_differences = new QLabel(this);
    m_differences->setObjectName(QStringLiteral("compareDifferences"));
    m_differences->setWordWrap(true);
    m_differences->setTextFormat(Qt::RichText);
    layout->addWidget(m_differences);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    m_plot = new StatePlot(splitter);
    m_errno = new BarChartView(splitter);
    m_errno->setObjectName(QStringLiteral("compareErrnoChart"));
    splitter->setStretchFactor(0, 5);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);
    connect(m_host, &QComboBox::currentIndexChanged, this, [this](int) { replot(); });
    connect(m_unpin, &QPushButton::clicked, this, &ComparePanel::unpinRequested);
    retranslate();
}

void ComparePanel::setRuns(const LoadData& pinned, const LoadData& current,
                           const QStringList& differences) {
    m_pinned = pinned;
    m_current = current;
    m_differenceLines = differences;
    const QString host = m_host->currentData().toString();
    QStringList hosts = current.hosts;
    for (const QString& h : pinned.hosts) {
        if (!hosts.contains(h))
            hosts << h;
    }
    {
        const QSignalBlocker blocker(m_host);
        m_host->clear();
        for (const QString& h : std::as_const(hosts))
            m_host->addItem(models::hostDisplayName(h.toStdString()), h);
        int index = int(hosts.indexOf(host));
        if (index < 0)
            index = int(hosts.indexOf(QStringLiteral("client")));
        m_host->setCurrentIndex(std::max(0, index));
    }
    retranslate();
}

void ComparePanel::clear() {
    setRuns({}, {}, {});
}

QString ComparePanel::differencesText() const {
    return m_differences->text();
}

void ComparePanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ComparePanel::retranslate() {
    m_hostLabel->setText(tr("&Host:"));
    m_unpin->setText(tr("&Unpin"));
    m_unpin->setEnabled(!m_pinned.isEmpty());
    m_plot->setTitles(tr("Pinned run (dashed) and current run (solid)"), tr("simulated time (s)"),
                      tr("sockets"));
    m_errno->setTitles(tr("Failed connects by errno"), tr("connects"));
    m_errno->setEmptyText(tr("none in either run"));
    if (m_pinned.isEmpty()) {
        m_differences->setText(
            tr("Nothing pinned yet. On the Load tab, run a load and press <b>Pin for compare</b>; "
               "then change options and run again."));
    } else if (m_differenceLines.isEmpty()) {
        m_differences->setText(tr("The two runs use the same parameters and options."));
    } else {
        QStringList escaped;
        for (const QString& line : std::as_const(m_differenceLines))
            escaped << line.toHtmlEscaped();
        // Each item is "what: old → new"; the separator between such clauses is the
        // language's own (Chinese uses the full-width semicolon, without spaces).
        m_differences->setText(
            tr("<b>What differs</b> (pinned → current): %1")
                .arg(escaped.join(tr("; ", "separator between the differences of two runs"))));
    }
    replot();
}

void ComparePanel::replot() {
    const QString host = m_host->currentData().toString();
    // The current run's sample times are the x axis; the pinned run is resampled onto them.
    const QVector<double>& times = m_current.isEmpty() ? m_pinned.timesMs : m_current.timesMs;
    QList<StatePlot::Series> series;
    QSet<QString> states;
    for (const auto& s : m_pinned.series.value(host)) {
        if (!allZero(s.values))
            states.insert(s.state);
    }
    for (const auto& s : m_current.series.value(host)) {
        if (!allZero(s.values))
            states.insert(s.state);
    }
    for (const auto& s : m_current.series.value(host)) {
        if (states.contains(s.state))
            series.append({tr("%1 (current)").arg(s.state), s.state, s.values, false});
    }
    for (const auto& s : m_pinned.series.value(host)) {
        if (states.contains(s.state))
            series.append({tr("%1 (pinned)").arg(s.state), s.state,
                           resample(m_pinned.timesMs, s.values, times), true});
    }
    m_plot->setData(times, series);
    if (!times.isEmpty())
        m_plot->setCursorTime(times.back());
    m_plot->setFailureWindows(m_current.failureWindowsMs);
    m_plot->setCapacity(
        m_current.capacityHosts.contains(host) ? m_current.portCapacity : std::nan(""),
        tr("usable ports: %L1").arg(m_current.portCapacity, 0, 'f', 0));

    QStringList errnos;
    for (const auto& [name, count] : m_pinned.failuresByErrno)
        errnos << name;
    for (const auto& [name, count] : m_current.failuresByErrno) {
        if (!errnos.contains(name))
            errnos << name;
    }
    const auto valuesOf = [&errnos](const LoadData& data) {
        QList<double> values;
        for (const QString& e : std::as_const(errnos)) {
            double v = 0;
            for (const auto& [name, count] : data.failuresByErrno) {
                if (name == e)
                    v = count;
            }
            values << v;
        }
        return values;
    };
    if (errnos.isEmpty())
        m_errno->setData({}, {});
    else
        m_errno->setData(errnos, {{tr("pinned"), valuesOf(m_pinned), QColor(0x9e, 0x9e, 0x9e)},
                                  {tr("current"), valuesOf(m_current), QColor(0xc6, 0x28, 0x28)}});
}

}  // namespace closelab::widgets
