#pragma once

#include <QWidget>

#include "widgets/load_data.h"

class QComboBox;
class QLabel;
class QPushButton;

namespace closelab::widgets {

class BarChartView;
class StatePlot;

// Compare: the pinned load run (dashed) and the current one (solid) on one plot, with a legend
// that says what differs, and their failed connects side by side.
class ComparePanel : public QWidget {
    Q_OBJECT
public:
    explicit ComparePanel(QWidget* parent = nullptr);

    // differences: one translated line per option or parameter that differs.
    void setRuns(const LoadData& pinned, const LoadData& current, const QStringList& differences);
    void clear();
    bool hasPinned() const { return !m_pinned.isEmpty(); }
    StatePlot* plot() const { return m_plot; }
    BarChartView* errnoChart() const { return m_errno; }
    QString differencesText() const;

signals:
    void unpinRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void replot();

    QLabel* m_hostLabel = nullptr;
    QComboBox* m_host = nullptr;
    QPushButton* m_unpin = nullptr;
    QLabel* m_differences = nullptr;
    StatePlot* m_plot = nullptr;
    BarChartView* m_errno = nullptr;
    LoadData m_pinned;
    LoadData m_current;
    QStringList m_differenceLines;
};

}  // namespace closelab::widgets
