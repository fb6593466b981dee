#pragma once

#include <qcustomplot.h>

namespace closelab::widgets {

// A QCustomPlot that draws only while it can be seen. QCustomPlot::replot() paints into
// buffers the size of the widget; on a hidden tab (or a widget laid out to zero height) those
// buffers are null pixmaps and every layer prints "QPainter::begin: Paint device returned
// engine == 0" and "paint buffer returned inactive painter". Replots asked for while hidden
// or empty are remembered and done once, on the next show or non-empty resize.
//
// No Q_OBJECT: it adds no signals or slots, and moc's compilation unit must not include
// qcustomplot.h (its templates use `foreach`, see widgets.cmake).
class GuardedPlot : public QCustomPlot {
public:
    explicit GuardedPlot(QWidget* parent = nullptr);

    // Replots now when visible with a non-empty size, otherwise on the next show/resize.
    void requestReplot();
    // Coalesces several requests from one event into a single replot in the event loop.
    void requestQueuedReplot();
    bool replotPending() const { return m_pending; }
    bool canPaint() const;

protected:
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    bool m_pending = false;
    bool m_queued = false;
};

}  // namespace closelab::widgets
