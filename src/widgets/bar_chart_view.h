#pragma once

#include <QChartView>
#include <QColor>
#include <QList>

class QBarCategoryAxis;
class QHorizontalBarSeries;
class QValueAxis;

namespace closelab::widgets {

// A small Qt Charts bar chart (horizontal bars, so state and errno names stay readable): the state
// distribution at the plot cursor, or the failed connects by errno. Categories are labels; each
// group is one bar set (e.g. current and pinned).
class BarChartView : public QChartView {
    Q_OBJECT
public:
    struct Group {
        QString name;
        QList<double> values;  // one per category
        QColor color;          // invalid: per-category colours are not used; default palette
    };

    explicit BarChartView(QWidget* parent = nullptr);

    void setData(const QStringList& categories, const QList<Group>& groups);
    void setTitles(const QString& title, const QString& valueLabel);
    // Shown in place of the bars when there is nothing to count (e.g. "no failed connects").
    void setEmptyText(const QString& text);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    static constexpr int kMinimumWidth = 220;
    static constexpr int kAxisPadding = 16;  // chart margin and label padding, in pixels

    void updateEmptyState();
    void fitToCategories();
    void fitTicks();

    QHorizontalBarSeries* m_series = nullptr;
    QBarCategoryAxis* m_categoryAxis = nullptr;
    QValueAxis* m_valueAxis = nullptr;
    QString m_title;
    QString m_emptyText;
    int m_categoryWidth = 0;
    bool m_empty = true;
};

}  // namespace closelab::widgets
