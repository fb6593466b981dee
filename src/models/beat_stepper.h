#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <vector>

namespace closelab::models {

class Player;

// Steps a Player from stop to stop (a lesson's beats, or every event of a run without beats), the
// way a presentation clicker steps slides. Going forward animates the Player's display position
// over a fixed wall time, so a beat 0.5 ms after the last and one 60 s after it both take a few
// seconds to watch (the TimeAxis already compresses idle time; the animation evens out the rest);
// asking for the next stop during an animation lands on its target at once. Going back, Home, End
// and jumps are immediate. Seeking the Player by other means (scrubbing) moves the current stop
// to the last one at or before the new time.
class BeatStepper : public QObject {
    Q_OBJECT
    Q_PROPERTY(int current READ current NOTIFY currentChanged)
    Q_PROPERTY(int count READ count NOTIFY stopsChanged)
    Q_PROPERTY(bool animating READ isAnimating NOTIFY animatingChanged)

public:
    static constexpr int kBeatAnimationMs = 2500;   // between two beats
    static constexpr int kEventAnimationMs = 1200;  // between two events (no beats)

    explicit BeatStepper(Player* player, QObject* parent = nullptr);

    // The stops in simulated microseconds (sorted; several may share an instant). The current
    // stop becomes the last one at or before the Player's time (-1 when before the first).
    void setStops(std::vector<qint64> timesUs);
    const std::vector<qint64>& stops() const { return m_stops; }
    int count() const { return int(m_stops.size()); }
    // Index of the stop shown (or being left, during an animation), -1 before the first.
    int current() const { return m_current; }
    // Where an animation is heading, else current().
    int target() const { return m_animating ? m_target : m_current; }
    bool isAnimating() const { return m_animating; }
    // True when the Player stands exactly on the current stop (not between two).
    bool atStop() const;
    void setAnimationMs(int ms) { m_animationMs = ms; }
    int animationMs() const { return m_animationMs; }

    // Moves the animation on by a wall-clock interval (what the frame timer calls; tests too).
    void advance(double wallSeconds);

public slots:
    void next();
    void previous();
    void first();
    void last();
    // Index 0..count()-1; out of range is ignored.
    void jumpTo(int index);
    // Ends a running animation on its target.
    void finishAnimation();

signals:
    void currentChanged(int index);
    void stopsChanged();
    void animatingChanged(bool animating);

private:
    void land(int index);
    void setCurrent(int index);
    void setAnimating(bool animating);
    void onPlayerTime();
    void onFrame();

    Player* m_player;
    std::vector<qint64> m_stops;
    int m_current = -1;
    int m_target = -1;
    bool m_animating = false;
    bool m_seeking = false;  // our own seeks do not re-sync the current stop
    int m_animationMs = kBeatAnimationMs;
    double m_fromPos = 0;
    double m_toPos = 0;
    double m_elapsed = 0;  // seconds into the animation
    QTimer m_frameTimer;
    QElapsedTimer m_clock;
};

}  // namespace closelab::models
