#include "widgets/guarded_plot.h"

#include <QTimer>

namespace closelab::widgets {

GuardedPlot::GuardedPlot(QWidget* parent) : QCustomPlot(parent) {
    // Nothing has been drawn yet: the first show draws.
    m_pending = true;
}

bool GuardedPlot::canPaint() const {
    return isVisible() && width() > 0 && height() > 0;
}

void GuardedPlot::requestReplot() {
    if (!canPaint()) {
        m_pending = true;
        return;
    }
    m_pending = false;
    replot();
}

void GuardedPlot::requestQueuedReplot() {
    if (m_queued)
        return;
    m_queued = true;
    QTimer::singleShot(0, this, [this] {
        m_queued = false;
        requestReplot();
    });
}

void GuardedPlot::resizeEvent(QResizeEvent* event) {
    // QCustomPlot::resizeEvent() resizes the paint buffers and replots at once; a hidden or
    // empty widget keeps its old buffers until it can be seen.
    if (!canPaint()) {
        m_pending = true;
        return;
    }
    m_pending = false;
    QCustomPlot::resizeEvent(event);
}

void GuardedPlot::showEvent(QShowEvent* event) {
    QCustomPlot::showEvent(event);
    if (m_pending && canPaint()) {
        m_pending = false;
        setViewport(rect());
        replot();
    }
}

}  // namespace closelab::widgets
