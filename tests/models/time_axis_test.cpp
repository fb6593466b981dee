#include <QTest>

#include "models/time_axis.h"
#include "test_support.h"

using closelab::models::TimeAxis;

class TimeAxisTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { closelab::tests::installStrictMessageHandler(); }

    void emptyAxisMapsEverythingToZero() {
        const TimeAxis axis;
        QCOMPARE(axis.toDisplay(5'000), 0.0);
        QCOMPARE(axis.toSim(3.0), 0);
        QCOMPARE(axis.displayLength(), 0.0);
        QVERIFY(axis.breaks().empty());
    }

    void anchorsRoundTripExactly() {
        const std::vector<std::int64_t> anchors{0, 37, 80, 10'080, 60'010'080, 60'010'117};
        const TimeAxis axis(anchors);
        for (auto a : anchors)
            QCOMPARE(axis.toSim(axis.toDisplay(a)), a);
    }

    void mappingIsStrictlyMonotone() {
        const TimeAxis axis({0, 50, 100, 20'000, 5'000'000, 65'000'000});
        double last = -1.0;
        for (std::int64_t t = 0; t <= 65'000'000; t += 9'973) {
            const double d = axis.toDisplay(t);
            QVERIFY2(d > last, qPrintable(QString::number(t)));
            last = d;
        }
    }

    void microsecondRttIsVisibleAndSixtySecondsIsCompressed() {
        // A 50 µs loopback RTT must get a readable length; a 60 s TIME_WAIT must not swamp it.
        const TimeAxis axis({0, 50, 100, 60'000'100});
        const double rtt = axis.toDisplay(100) - axis.toDisplay(0);
        const double timeWait = axis.toDisplay(60'000'100) - axis.toDisplay(100);
        QVERIFY(rtt >= 2 * axis.config().minGap);
        QCOMPARE(timeWait, axis.config().breakGap);
        QVERIFY(timeWait < 5 * rtt);
    }

    void longGapsBecomeBreaksWithMarkers() {
        const TimeAxis axis({0, 1'000, 1'500'000, 61'500'000, 61'501'000});
        QCOMPARE(axis.breaks().size(), std::size_t(1));
        const auto& br = axis.breaks().front();
        QCOMPARE(br.fromUs, std::int64_t(1'500'000));
        QCOMPARE(br.toUs, std::int64_t(61'500'000));
        QCOMPARE(br.fromDisplay, axis.toDisplay(1'500'000));
        QCOMPARE(br.toDisplay, axis.toDisplay(61'500'000));
        QCOMPARE(br.toDisplay - br.fromDisplay, axis.config().breakGap);
    }

    void gapsBelowThresholdGrowWithLength() {
        const TimeAxis axis;
        QCOMPARE(axis.gapLength(0), 0.0);
        QVERIFY(axis.gapLength(100) < axis.gapLength(10'000));
        QVERIFY(axis.gapLength(10'000) < axis.gapLength(1'000'000));
    }

    void unsortedDuplicateAndNegativeAnchorsAreNormalised() {
        const TimeAxis axis({500, -7, 100, 500, 100});
        QCOMPARE(axis.anchors(), (std::vector<std::int64_t>{0, 100, 500}));
        QCOMPARE(axis.endUs(), std::int64_t(500));
    }

    void inverseClampsOutsideTheRun() {
        const TimeAxis axis({0, 1'000, 2'000});
        QCOMPARE(axis.toSim(-4.0), std::int64_t(0));
        QCOMPARE(axis.toSim(axis.displayLength() + 10.0), std::int64_t(2'000));
        QCOMPARE(axis.toDisplay(99'999), axis.displayLength());
    }

    void interpolatesLinearlyInsideAStretch() {
        const TimeAxis axis({0, 1'000});
        QCOMPARE(axis.toDisplay(500), axis.displayLength() / 2);
        QCOMPARE(axis.toSim(axis.displayLength() / 4), std::int64_t(250));
    }
};

QTEST_GUILESS_MAIN(TimeAxisTest)
#include "time_axis_test.moc"
