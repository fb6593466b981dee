#pragma once

#include <QtGlobal>

#include <cstdio>
#include <cstdlib>

namespace closelab::tests {

// Any Qt warning (a QML binding error, a model tester complaint) fails the test run at once.
inline void failOnWarnings(QtMsgType type, const QMessageLogContext& context, const QString& msg) {
    const QByteArray text = msg.toLocal8Bit();
    if (type == QtDebugMsg || type == QtInfoMsg) {
        std::fprintf(stderr, "%s\n", text.constData());
        return;
    }
    std::fprintf(stderr, "FAIL on Qt message (%s:%d): %s\n", context.file ? context.file : "?",
                 context.line, text.constData());
    std::abort();
}

inline void installStrictMessageHandler() {
    qInstallMessageHandler(failOnWarnings);
}

}  // namespace closelab::tests
