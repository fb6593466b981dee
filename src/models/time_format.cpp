#include "models/time_format.h"

#include <QCoreApplication>

namespace closelab::models {

namespace {

// A number and its unit stay on one line ("242.000 ms" never wraps between them).
QString joined(QString text) {
    return text.replace(u' ', QChar(0x00a0));
}

}  // namespace

QString formatTime(std::int64_t us) {
    if (us < 0)
        return QStringLiteral("-") + formatTime(-us);
    if (us < 1'000)
        return joined(QCoreApplication::translate("closelab::Time", "%1 µs").arg(us));
    if (us < 1'000'000)
        return joined(QCoreApplication::translate("closelab::Time", "%1 ms")
                          .arg(double(us) / 1e3, 0, 'f', 3));
    return joined(
        QCoreApplication::translate("closelab::Time", "%1 s").arg(double(us) / 1e6, 0, 'f', 3));
}

QString formatDuration(std::int64_t us) {
    if (us < 0)
        us = 0;
    if (us < 1'000)
        return joined(QCoreApplication::translate("closelab::Time", "%1 µs").arg(us));
    if (us < 1'000'000)
        return joined(QCoreApplication::translate("closelab::Time", "%1 ms")
                          .arg(double(us) / 1e3, 0, 'f', us < 10'000 ? 1 : 0));
    return joined(
        QCoreApplication::translate("closelab::Time", "%1 s").arg(double(us) / 1e6, 0, 'f', 1));
}

}  // namespace closelab::models
