#pragma once

#include <QColor>
#include <QList>
#include <QPair>
#include <QVector>
#include <QWidget>

class QCustomPlot;
class QCPItemStraightLine;
class QCPItemText;
class QLabel;
class QMouseEvent;

namespace closelab::widgets {

class GuardedPlot;

// Socket-state counts over time (QCustomPlot): one line per series, a legend, zoom and pan with
// the wheel and mouse, a crosshair with a readout of every series at the cursor, shaded windows
// where connects failed and a horizontal line for the port capacity.
class StatePlot : public QWidget {
    Q_OBJECT
public:
    struct Series {
        QString name;       // legend text, already translated
        QString stateName;  // TIME_WAIT etc., picks the colour
        QVector<double> values;
        bool dashed = false;  // the pinned run in a comparison
    };

    explicit StatePlot(QWidget* parent = nullptr);

    // Times in milliseconds of simulated time; every series has one value per time.
    void setData(const QVector<double>& timesMs, const QList<Series>& series);
    void setFailureWindows(const QList<QPair<double, double>>& windowsMs);
    // A horizontal line (e.g. the usable ephemeral ports); NaN removes it.
    void setCapacity(double value, const QString& label);
    void setTitles(const QString& title, const QString& xLabel, const QString& yLabel);
    void setCursorTime(double tMs);
    double cursorTime() const { return m_cursorMs; }
    void resetView();

    QCustomPlot* plot() const;
    // The crosshair readout: the time and every series' value at the cursor.
    QString readoutText() const;
    bool savePng(const QString& file, int width = 0, int height = 0);
    bool savePdf(const QString& file, int width = 0, int height = 0);
    // The plotted data, one row per time, one column per series (RFC 4180 quoting).
    QString toCsv() const;

signals:
    void cursorMoved(double tMs);

private:
    void onMouseMove(QMouseEvent* event);
    void updateReadout();

    GuardedPlot* m_plot = nullptr;
    QCPItemStraightLine* m_cursorLine = nullptr;
    QCPItemStraightLine* m_capacityLine = nullptr;
    QCPItemText* m_capacityText = nullptr;
    QLabel* m_readout = nullptr;
    QVector<double> m_timesMs;
    QList<Series> m_series;
    QList<QPair<double, double>> m_failureWindows;
    double m_cursorMs = 0;
    QString m_xLabel;
};

}  // namespace closelab::widgets
