#pragma once

#include <QWidget>

#include "widgets/load_data.h"

class QComboBox;
class QLabel;
class QSplitter;
class QProgressBar;
class QPushButton;
class QTextBrowser;

namespace closelab::widgets {

class BarChartView;
class LoadForm;
class StatePlot;

// The Load tab: the parameters, the state counts over time of one host (QCustomPlot), the state
// distribution at the plot's cursor and the failed connects by errno (Qt Charts), the summary.
class LoadPanel : public QWidget {
    Q_OBJECT
public:
    explicit LoadPanel(QWidget* parent = nullptr);

    LoadForm* form() const { return m_form; }
    StatePlot* plot() const { return m_plot; }
    BarChartView* distributionChart() const { return m_distribution; }
    BarChartView* errnoChart() const { return m_errno; }

    void setData(const LoadData& data);
    const LoadData& data() const { return m_data; }
    QString currentHost() const;
    void setCurrentHost(const QString& host);
    void setBusy(bool busy, const QString& message = QString());
    // A run's progress (Session::loadProgress): the bar and Cancel appear once it has taken
    // half a second; setBusy(false) hides them.
    void setProgress(double doneS, double totalS, double elapsedS, double leftS);
    // The run was cancelled: says so; the previous result stays as it is.
    void showCancelled();

signals:
    // Cancel pressed, or Esc while the run's progress is shown.
    void cancelRequested();

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void retranslate();
    void plotHost();
    void updateDistribution(double tMs);

    LoadForm* m_form = nullptr;
    QLabel* m_hostLabel = nullptr;
    QComboBox* m_host = nullptr;
    QLabel* m_status = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancel = nullptr;
    StatePlot* m_plot = nullptr;
    BarChartView* m_distribution = nullptr;
    BarChartView* m_errno = nullptr;
    QSplitter* m_charts = nullptr;  // the two bar charts: side by side, or stacked when narrow
    QTextBrowser* m_summary = nullptr;
    LoadData m_data;
};

}  // namespace closelab::widgets
