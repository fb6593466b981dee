#include "widgets/state_plot.h"

#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "widgets/guarded_plot.h"
#include "widgets/state_palette.h"

namespace closelab::widgets {

namespace {

QString csvField(const QString& text) {
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n'))
        return text;
    QString quoted = text;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

}  // namespace

StatePlot::StatePlot(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_plot = new GuardedPlot(this);
    m_plot->setObjectName(QStringLiteral("statePlot"));
    layout->addWidget(m_plot, 1);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->legend->setVisible(true);
    m_plot->legend->setBrush(QColor(255, 255, 255, 230));
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, new QCPTextElement(m_plot, QString(), QFont()));
    // The legend sits right of the axis rect, never over the data.
    auto* side = new QCPLayoutGrid;
    m_plot->plotLayout()->addElement(1, 1, side);
    side->addElement(0, 0, m_plot->legend);
    side->addElement(1, 0, new QCPLayoutElement(m_plot));
    side->setRowStretchFactor(0, 0.001);
    side->setMargins(QMargins(0, 0, 10, 0));
    m_plot->plotLayout()->setColumnStretchFactor(1, 0.001);
    m_plot->yAxis->setRangeLower(0);

    m_cursorLine = new QCPItemStraightLine(m_plot);
    m_cursorLine->setPen(QPen(QColor(60, 60, 60), 1, Qt::DashLine));
    m_cursorLine->setLayer(QStringLiteral("overlay"));
    m_capacityLine = new QCPItemStraightLine(m_plot);
    m_capacityLine->setPen(QPen(QColor(0x21, 0x21, 0x21), 1.5, Qt::DashDotLine));
    m_capacityLine->setVisible(false);
    m_capacityText = new QCPItemText(m_plot);
    m_capacityText->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_capacityText->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    m_capacityText->position->setTypeY(QCPItemPosition::ptPlotCoords);
    m_capacityText->setVisible(false);
    m_readout = new QLabel(this);
    m_readout->setObjectName(QStringLiteral("plotReadout"));
    m_readout->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_readout->setWordWrap(true);
    m_readout->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    layout->addWidget(m_readout);

    m_plot->setMouseTracking(true);
    connect(m_plot, &QCustomPlot::mouseMove, this, &StatePlot::onMouseMove);
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this](QMouseEvent*) { resetView(); });
}

void StatePlot::setData(const QVector<double>& timesMs, const QList<Series>& series) {
    m_timesMs = timesMs;
    m_series = series;
    m_plot->clearGraphs();
    QVector<double> keys(timesMs.size());
    std::transform(timesMs.begin(), timesMs.end(), keys.begin(), [](double t) { return t / 1000; });
    for (const Series& s : series) {
        QCPGraph* graph = m_plot->addGraph();
        graph->setName(s.name);
        QPen pen(stateColor(s.stateName), s.dashed ? 1.5 : 2.0);
        if (s.dashed)
            pen.setStyle(Qt::DashLine);
        graph->setPen(pen);
        graph->setLineStyle(QCPGraph::lsStepLeft);
        graph->setData(keys, s.values, true);
    }
    resetView();
    updateReadout();
}

void StatePlot::setFailureWindows(const QList<QPair<double, double>>& windowsMs) {
    m_failureWindows = windowsMs;
    for (int i = m_plot->itemCount() - 1; i >= 0; --i) {
        if (m_plot->item(i)->property("failureWindow").toBool())
            m_plot->removeItem(i);
    }
    for (const auto& [from, to] : windowsMs) {
        auto* rect = new QCPItemRect(m_plot);
        rect->setProperty("failureWindow", true);
        rect->setLayer(QStringLiteral("background"));
        rect->topLeft->setTypeX(QCPItemPosition::ptPlotCoords);
        rect->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
        rect->bottomRight->setTypeX(QCPItemPosition::ptPlotCoords);
        rect->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
        rect->topLeft->setCoords(from / 1000, 0);
        rect->bottomRight->setCoords(to / 1000, 1);
        rect->setPen(Qt::NoPen);
        rect->setBrush(QColor(229, 57, 53, 40));
    }
    m_plot->requestReplot();
}

void StatePlot::setCapacity(double value, const QString& label) {
    const bool on = !std::isnan(value);
    m_capacityLine->setVisible(on);
    m_capacityText->setVisible(on);
    if (on) {
        m_capacityLine->point1->setCoords(0, value);
        m_capacityLine->point2->setCoords(1, value);
        m_capacityText->position->setCoords(0.01, value);
        m_capacityText->setText(label);
    }
    resetView();
}

void StatePlot::setTitles(const QString& title, const QString& xLabel, const QString& yLabel) {
    if (auto* element = qobject_cast<QCPTextElement*>(m_plot->plotLayout()->element(0, 0)))
        element->setText(title);
    m_xLabel = xLabel;
    m_plot->xAxis->setLabel(xLabel);
    m_plot->yAxis->setLabel(yLabel);
    updateReadout();
}

void StatePlot::setCursorTime(double tMs) {
    m_cursorMs = tMs;
    updateReadout();
}

void StatePlot::resetView() {
    m_plot->rescaleAxes(true);
    double top = m_plot->yAxis->range().upper;
    if (m_capacityLine->visible())
        top = std::max(top, m_capacityLine->point1->coords().y());
    m_plot->yAxis->setRange(0, std::max(1.0, top * 1.08));
    if (!m_timesMs.isEmpty())
        m_plot->xAxis->setRange(m_timesMs.front() / 1000, m_timesMs.back() / 1000);
    m_plot->requestReplot();
}

void StatePlot::onMouseMove(QMouseEvent* event) {
    if (m_timesMs.isEmpty() || event->buttons() != Qt::NoButton)
        return;
    const double tMs = m_plot->xAxis->pixelToCoord(event->position().x()) * 1000;
    m_cursorMs = std::clamp(tMs, m_timesMs.front(), m_timesMs.back());
    updateReadout();
    emit cursorMoved(m_cursorMs);
}

void StatePlot::updateReadout() {
    const bool on = !m_timesMs.isEmpty();
    m_cursorLine->setVisible(on);
    if (on) {
        const double t = m_cursorMs / 1000;
        m_cursorLine->point1->setCoords(t, 0);
        m_cursorLine->point2->setCoords(t, 1);
        // The sample at or before the cursor: counts are sampled, not interpolated.
        const auto it = std::upper_bound(m_timesMs.begin(), m_timesMs.end(), m_cursorMs);
        const qsizetype index = std::max<qsizetype>(0, (it - m_timesMs.begin()) - 1);
        QStringList parts{tr("t = %1 s").arg(m_timesMs[index] / 1000, 0, 'f', 1)};
        for (const Series& s : m_series) {
            if (index < s.values.size())
                parts << tr("%1: %L2").arg(s.name).arg(s.values[index], 0, 'f', 0);
        }
        m_readout->setText(parts.join(QStringLiteral("   ")));
    } else {
        m_readout->clear();
    }
    m_plot->requestQueuedReplot();
}

QCustomPlot* StatePlot::plot() const {
    return m_plot;
}

QString StatePlot::readoutText() const {
    return m_readout->text();
}

bool StatePlot::savePng(const QString& file, int width, int height) {
    return m_plot->savePng(file, width, height);
}

bool StatePlot::savePdf(const QString& file, int width, int height) {
    return m_plot->savePdf(file, width, height);
}

QString StatePlot::toCsv() const {
    QStringList header{QStringLiteral("t_ms")};
    for (const Series& s : m_series)
        header << csvField(s.name);
    QString csv = header.join(u',') + u'\n';
    for (qsizetype i = 0; i < m_timesMs.size(); ++i) {
        QStringList row{QString::number(m_timesMs[i], 'f', 0)};
        for (const Series& s : m_series)
            row << (i < s.values.size() ? QString::number(s.values[i], 'g', 12) : QString());
        csv += row.join(u',') + u'\n';
    }
    return csv;
}

}  // namespace closelab::widgets
