#pragma once

#include <QString>
#include <QStringList>

namespace closelab::widgets::test {

// Installs a message handler that records every Qt warning, critical and fatal message; the
// tests call takeWarnings() in cleanup() and fail when any arrived. Debug/info pass through,
// except QCustomPlot's qDebug() about an inactive paint buffer.
void installWarningGuard();
QStringList takeWarnings();

}  // namespace closelab::widgets::test
