#include "warning_guard.h"

#include <QMutex>
#include <QtGlobal>
#include <cstdio>

namespace closelab::widgets::test {

namespace {

QMutex gMutex;
QStringList gWarnings;
QtMessageHandler gPrevious = nullptr;

void handler(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    // The offscreen platform plugin warns whenever a QMainWindow relayouts its docks; it is a
    // limitation of the test platform (QOffscreenWindow has no propagateSizeHints()), not of
    // closelab, and it is the only message let through.
    const bool offscreenNoise =
        message == QLatin1String("This plugin does not support propagateSizeHints()");
    // QCustomPlot reports painting into a null buffer (a replot while hidden or at zero size)
    // with qDebug(), next to Qt's own "QPainter::begin" warning; it counts as a warning here.
    const bool plotBufferDebug =
        type == QtDebugMsg && message.contains(QLatin1String("paint buffer returned inactive"));
    if (!offscreenNoise &&
        (plotBufferDebug || type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg)) {
        const QMutexLocker lock(&gMutex);
        gWarnings << message;
    }
    if (gPrevious)
        gPrevious(type, context, message);
}

}  // namespace

void installWarningGuard() {
    gPrevious = qInstallMessageHandler(handler);
}

QStringList takeWarnings() {
    const QMutexLocker lock(&gMutex);
    QStringList out;
    out.swap(gWarnings);
    return out;
}

}  // namespace closelab::widgets::test
