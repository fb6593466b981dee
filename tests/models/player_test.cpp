#include <QSignalSpy>
#include <QTest>

#include "models/player.h"
#include "test_support.h"

using closelab::models::Player;
using closelab::models::TimeAxis;

namespace {

const std::vector<std::int64_t> kEvents{0, 40, 80, 120, 30'000, 60'000'120, 60'000'160};

void load(Player& player) {
    player.setTimeline(kEvents, TimeAxis(kEvents));
}

}  // namespace

class PlayerTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { closelab::tests::installStrictMessageHandler(); }

    void stepsForwardThroughEveryEventExactly() {
        Player player;
        load(player);
        QSignalSpy indexSpy(&player, &Player::eventIndexChanged);
        QCOMPARE(player.timeUs(), 0);
        QCOMPARE(player.eventIndex(), 0);
        for (std::size_t i = 1; i < kEvents.size(); ++i) {
            player.stepForward();
            QCOMPARE(player.timeUs(), kEvents[i]);
            QCOMPARE(player.eventIndex(), int(i));
            QCOMPARE(player.displayPos(), player.axis().toDisplay(kEvents[i]));
        }
        QCOMPARE(indexSpy.count(), int(kEvents.size()) - 1);
        QVERIFY(player.atEnd());
        player.stepForward();  // at the end: stays
        QCOMPARE(player.timeUs(), kEvents.back());
    }

    void stepsBackExactlyToEachPreviousEvent() {
        Player player;
        load(player);
        player.jumpToEnd();
        for (std::size_t i = kEvents.size() - 1; i-- > 0;) {
            player.stepBackward();
            QCOMPARE(player.timeUs(), kEvents[i]);
            QCOMPARE(player.eventIndex(), int(i));
        }
        QVERIFY(player.atStart());
    }

    void stepBackFromBetweenEventsLandsOnTheEarlierEvent() {
        Player player;
        load(player);
        player.seekTime(100);
        QCOMPARE(player.eventIndex(), 2);
        player.stepBackward();
        QCOMPARE(player.timeUs(), 80);
        player.seekTime(100);
        player.stepForward();
        QCOMPARE(player.timeUs(), 120);
    }

    void forwardThenBackIsTheIdentity() {
        Player player;
        load(player);
        player.seekTime(80);
        const double pos = player.displayPos();
        player.stepForward();
        player.stepBackward();
        QCOMPARE(player.timeUs(), 80);
        QCOMPARE(player.displayPos(), pos);
    }

    void advanceMovesInDisplayUnitsAndStopsAtTheEnd() {
        Player player;
        load(player);
        QSignalSpy timeSpy(&player, &Player::timeChanged);
        QSignalSpy playingSpy(&player, &Player::playingChanged);
        player.play();
        QVERIFY(player.isPlaying());
        player.advance(0.5);
        QCOMPARE(player.displayPos(), 0.5 * Player::kUnitsPerSecond);
        QCOMPARE(player.timeUs(), player.axis().toSim(player.displayPos()));
        player.setSpeed(8.0);
        player.advance(1e6);
        QVERIFY(player.atEnd());
        QCOMPARE(player.timeUs(), kEvents.back());
        QVERIFY(!player.isPlaying());
        QCOMPARE(playingSpy.count(), 2);
        QCOMPARE(timeSpy.count(), 2);
    }

    void theSixtySecondTimerTakesBoundedWallTime() {
        Player player;
        load(player);
        // Walking from the last handshake event across TIME_WAIT must take a few seconds at 1x.
        const double wall =
            (player.toDisplay(60'000'120) - player.toDisplay(30'000)) / Player::kUnitsPerSecond;
        QVERIFY(wall > 0.5);
        QVERIFY(wall < 5.0);
    }

    void speedIsClamped() {
        Player player;
        QSignalSpy spy(&player, &Player::speedChanged);
        player.setSpeed(100.0);
        QCOMPARE(player.speed(), Player::kMaxSpeed);
        player.setSpeed(0.01);
        QCOMPARE(player.speed(), Player::kMinSpeed);
        player.setSpeed(0.25);
        QCOMPARE(spy.count(), 2);
    }

    void seekClampsAndNewTimelineKeepsTime() {
        Player player;
        load(player);
        player.seekTime(-50);
        QCOMPARE(player.timeUs(), 0);
        QCOMPARE(player.eventIndex(), 0);
        player.seekTime(99'999'999'999);
        QCOMPARE(player.timeUs(), kEvents.back());
        player.seekTime(120);
        QSignalSpy timelineSpy(&player, &Player::timelineChanged);
        const std::vector<std::int64_t> shorter{0, 40, 80};
        player.setTimeline(shorter, TimeAxis(shorter));
        QCOMPARE(timelineSpy.count(), 1);
        QCOMPARE(player.timeUs(), 80);
        QCOMPARE(player.eventCount(), 3);
    }

    void seekEventAndPlayFromEndRestarts() {
        Player player;
        load(player);
        player.seekEvent(4);
        QCOMPARE(player.timeUs(), 30'000);
        player.seekEvent(99);
        QCOMPARE(player.timeUs(), 30'000);
        player.jumpToEnd();
        player.togglePlay();
        QVERIFY(player.isPlaying());
        QVERIFY(player.atStart());
        player.togglePlay();
        QVERIFY(!player.isPlaying());
    }
};

QTEST_GUILESS_MAIN(PlayerTest)
#include "player_test.moc"
