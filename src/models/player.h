#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <cstdint>
#include <vector>

#include "models/time_axis.h"

namespace closelab::models {

// The time cursor over one Recording. Views never own time: they read Player::timeUs().
// Playback advances in display units of the TimeAxis (kUnitsPerSecond at 1x), so a 50 µs RTT and
// a 60 s TIME_WAIT both take a watchable amount of wall time. Stepping jumps between the distinct
// event times of the recording and is exact both ways: after stepForward() the time is exactly the
// next event's time, and stepBackward() returns exactly to the previous one.
class Player : public QObject {
    Q_OBJECT
    Q_PROPERTY(qint64 timeUs READ timeUs WRITE seekTime NOTIFY timeChanged)
    Q_PROPERTY(double displayPos READ displayPos WRITE seekDisplay NOTIFY timeChanged)
    Q_PROPERTY(double displayLength READ displayLength NOTIFY timelineChanged)
    Q_PROPERTY(qint64 durationUs READ durationUs NOTIFY timelineChanged)
    Q_PROPERTY(int eventIndex READ eventIndex NOTIFY eventIndexChanged)
    Q_PROPERTY(int eventCount READ eventCount NOTIFY timelineChanged)
    Q_PROPERTY(bool playing READ isPlaying WRITE setPlaying NOTIFY playingChanged)
    Q_PROPERTY(double speed READ speed WRITE setSpeed NOTIFY speedChanged)
    Q_PROPERTY(bool atStart READ atStart NOTIFY timeChanged)
    Q_PROPERTY(bool atEnd READ atEnd NOTIFY timeChanged)

public:
    static constexpr double kUnitsPerSecond = 2.0;  // display units per wall second at 1x
    static constexpr double kMinSpeed = 0.25;
    static constexpr double kMaxSpeed = 8.0;

    explicit Player(QObject* parent = nullptr);

    // Replaces the timeline. events: the recording's event times (any order, duplicates allowed).
    // Keeps the current time when it still lies inside the new run (an option change should not
    // throw the learner back to the start), else clamps it.
    void setTimeline(std::vector<std::int64_t> events, TimeAxis axis);

    const TimeAxis& axis() const { return m_axis; }
    const std::vector<std::int64_t>& events() const { return m_events; }

    qint64 timeUs() const { return m_timeUs; }
    double displayPos() const { return m_displayPos; }
    double displayLength() const { return m_axis.displayLength(); }
    qint64 durationUs() const { return m_axis.endUs(); }
    // Index of the last event at or before the current time, -1 before the first event.
    int eventIndex() const { return m_eventIndex; }
    int eventCount() const { return int(m_events.size()); }
    bool isPlaying() const { return m_playing; }
    double speed() const { return m_speed; }
    bool atStart() const { return m_displayPos <= 0.0; }
    bool atEnd() const { return m_displayPos >= displayLength(); }

    // Advance playback by a wall-clock interval (what the frame timer calls; tests call it too).
    void advance(double wallSeconds);

    Q_INVOKABLE double toDisplay(qint64 us) const { return m_axis.toDisplay(us); }
    Q_INVOKABLE qint64 toSim(double display) const { return m_axis.toSim(display); }

public slots:
    void play();
    void pause();
    void togglePlay();
    void setPlaying(bool playing);
    void stepForward();
    void stepBackward();
    void seekTime(qint64 us);
    void seekDisplay(double pos);
    void seekEvent(int index);
    void jumpToStart();
    void jumpToEnd();
    void setSpeed(double speed);

signals:
    void timeChanged(qint64 timeUs);
    void eventIndexChanged(int index);
    void timelineChanged();
    void playingChanged(bool playing);
    void speedChanged(double speed);

private:
    void setPosition(qint64 us, double display);
    void onFrame();

    TimeAxis m_axis;
    std::vector<std::int64_t> m_events;  // sorted, unique
    qint64 m_timeUs = 0;
    double m_displayPos = 0.0;
    int m_eventIndex = -1;
    bool m_playing = false;
    double m_speed = 1.0;
    QTimer m_frameTimer;
    QElapsedTimer m_clock;
};

}  // namespace closelab::models
