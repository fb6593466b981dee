#include "widgets/bar_chart_view.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QFontMetrics>
#include <QHorizontalBarSeries>
#include <QLocale>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace closelab::widgets {

BarChartView::BarChartView(QWidget* parent) : QChartView(parent) {
    setRenderHint(QPainter::Antialiasing);
    auto* chart = new QChart();
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->setMargins(QMargins(4, 4, 4, 4));
    m_series = new QHorizontalBarSeries(chart);
    chart->addSeries(m_series);
    m_categoryAxis = new QBarCategoryAxis(chart);
    m_valueAxis = new QValueAxis(chart);
    // Whole numbers with the locale's digit grouping, as the table beside the chart writes them
    // ("158,840"): Qt Charts formats a localised "%.0f" (not "%d") through QChart::locale().
    chart->setLocalizeNumbers(true);
    m_valueAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_valueAxis->setMin(0);
    m_series->setLabelsPrecision(15);
    // An errno name cut to "EADDRNO…" says nothing; the plot area gives up width instead.
    m_categoryAxis->setTruncateLabels(false);
    chart->addAxis(m_categoryAxis, Qt::AlignLeft);
    chart->addAxis(m_valueAxis, Qt::AlignBottom);
    m_series->attachAxis(m_categoryAxis);
    m_series->attachAxis(m_valueAxis);
    setChart(chart);
    setMinimumSize(kMinimumWidth, 190);
}

void BarChartView::resizeEvent(QResizeEvent* event) {
    QChartView::resizeEvent(event);
    fitTicks();
}

void BarChartView::fitToCategories() {
    // Qt Charts gives the category axis at most about 40 % of the chart's width (ChartLayout)
    // and lets a longer, untruncated name run off the left edge ("DDRNOTAVAIL"): ask for the
    // width the longest name needs.
    const QFontMetrics metrics(m_categoryAxis->labelsFont());
    int widest = 0;
    for (const QString& category : m_categoryAxis->categories())
        widest = std::max(widest, metrics.horizontalAdvance(category));
    m_categoryWidth = widest + kAxisPadding;
    setMinimumWidth(std::max(kMinimumWidth, int(std::ceil(m_categoryWidth / 0.4))));
    fitTicks();
}

void BarChartView::fitTicks() {
    // Three ticks (0, middle, top) when their grouped labels fit side by side, else two: at the
    // window's minimum width "100,000" and "200,000" would overlap.
    const QFontMetrics metrics(m_valueAxis->labelsFont());
    const int labelWidth =
        metrics.horizontalAdvance(chart()->locale().toString(qint64(m_valueAxis->max())));
    const double plotWidth = width() - std::min(double(m_categoryWidth), 0.4 * width()) -
                             labelWidth / 2.0 - 2 * kAxisPadding;
    m_valueAxis->setTickCount(plotWidth / 2 >= labelWidth + kAxisPadding ? 3 : 2);
}

void BarChartView::setData(const QStringList& categories, const QList<Group>& groups) {
    chart()->setLocale(QLocale());
    m_series->clear();
    double top = 0;
    for (const Group& group : groups) {
        auto* set = new QBarSet(group.name);
        if (group.color.isValid())
            set->setColor(group.color);
        // The value sits beyond the bar's end, on the chart's background: the theme's white
        // label colour (meant for labels inside a bar) would be invisible there.
        set->setLabelColor(palette().color(QPalette::WindowText));
        for (double v : group.values) {
            set->append(v);
            top = std::max(top, v);
        }
        m_series->append(set);
    }
    m_categoryAxis->setCategories(categories);
    // A round top so the tick labels are whole numbers.
    const double magnitude = std::pow(10.0, std::floor(std::log10(std::max(1.0, top))));
    m_valueAxis->setRange(0, std::max(1.0, std::ceil(top * 1.1 / magnitude) * magnitude));
    fitToCategories();
    m_series->setLabelsVisible(categories.size() <= 12);
    m_series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    m_empty = categories.isEmpty();
    chart()->legend()->setVisible(groups.size() > 1);
    updateEmptyState();
}

void BarChartView::setTitles(const QString& title, const QString& valueLabel) {
    m_title = title;
    m_valueAxis->setTitleText(valueLabel);
    updateEmptyState();
}

void BarChartView::setEmptyText(const QString& text) {
    m_emptyText = text;
    updateEmptyState();
}

void BarChartView::updateEmptyState() {
    if (m_empty && !m_emptyText.isEmpty())
        chart()->setTitle(m_title + QStringLiteral(" — ") + m_emptyText);
    else
        chart()->setTitle(m_title);
}

}  // namespace closelab::widgets
