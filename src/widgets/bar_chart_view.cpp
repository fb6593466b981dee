#include "widgets/bar_chart_view.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
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
    m_valueAxis->setLabelFormat(QStringLiteral("%d"));
    m_valueAxis->setMin(0);
    chart->addAxis(m_categoryAxis, Qt::AlignLeft);
    chart->addAxis(m_valueAxis, Qt::AlignBottom);
    m_series->attachAxis(m_categoryAxis);
    m_series->attachAxis(m_valueAxis);
    setChart(chart);
    setMinimumSize(220, 190);
}

void BarChartView::setData(const QStringList& categories, const QList<Group>& groups) {
    m_series->clear();
    double top = 0;
    for (const Group& group : groups) {
        auto* set = new QBarSet(group.name);
        if (group.color.isValid())
            set->setColor(group.color);
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
    m_valueAxis->setTickCount(3);
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
