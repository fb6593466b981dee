// Test helper, not a test: records attempts into the progress file given as argv[1], one after
// another, and prints "committed N" after record() returned for attempt N. The SIGKILL test kills
// it mid-write and checks that every attempt it reported is in the file.
#include <QCoreApplication>
#include <QDateTime>

#include <cstdio>

#include "models/progress_store.h"

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: progress_writer FILE COUNT\n");
        return 2;
    }
    closelab::models::ProgressStore store;
    if (!store.open(QString::fromLocal8Bit(argv[1]))) {
        std::fprintf(stderr, "progress_writer: %s\n", qPrintable(store.errorString()));
        return 1;
    }
    const int count = QString::fromLocal8Bit(argv[2]).toInt();
    const QDateTime start = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < count; ++i) {
        closelab::models::PracticeAttempt a;
        a.questionId = QStringLiteral("q-%1").arg(i % 37);
        a.topic = QStringLiteral("topic-%1").arg(i % 5);
        a.variantSeed = std::uint64_t(i);
        a.answeredAt = start.addSecs(i);
        // A long answer makes each transaction span several pages.
        a.answer = QStringLiteral("attempt-%1:").arg(i) + QString(600, u'x');
        a.correct = i % 3 != 0;
        a.confidence = closelab::core::Confidence(i % 3);
        a.seconds = 1.5 + i;
        if (!store.record(a)) {
            std::fprintf(stderr, "progress_writer: %s\n", qPrintable(store.errorString()));
            return 1;
        }
        std::printf("committed %d\n", i);
        std::fflush(stdout);
    }
    return 0;
}
