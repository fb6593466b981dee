#include "models/beat_stepper.h"

#include <algorithm>

#include "models/player.h"

namespace closelab::models {

BeatStepper::BeatStepper(Player* player, QObject* parent) : QObject(parent), m_player(player) {
    m_frameTimer.setTimerType(Qt::PreciseTimer);
    m_frameTimer.setInterval(16);
    connect(&m_frameTimer, &QTimer::timeout, this, &BeatStepper::onFrame);
    connect(m_player, &Player::timeChanged, this, &BeatStepper::onPlayerTime);
    connect(m_player, &Player::timelineChanged, this, [this] {
        // A new run (option change): the animation's display positions no longer hold.
        if (m_animating)
            finishAnimation();
    });
}

void BeatStepper::setStops(std::vector<qint64> timesUs) {
    std::sort(timesUs.begin(), timesUs.end());
    if (m_animating) {
        m_frameTimer.stop();
        setAnimating(false);
    }
    m_stops = std::move(timesUs);
    emit stopsChanged();
    m_current = -2;  // force the notification
    onPlayerTime();
}

bool BeatStepper::atStop() const {
    return !m_animating && m_current >= 0 && m_player->timeUs() == m_stops[std::size_t(m_current)];
}

void BeatStepper::setCurrent(int index) {
    if (index == m_current)
        return;
    m_current = index;
    emit currentChanged(m_current);
}

void BeatStepper::setAnimating(bool animating) {
    if (animating == m_animating)
        return;
    m_animating = animating;
    emit animatingChanged(m_animating);
}

void BeatStepper::onPlayerTime() {
    if (m_seeking || m_animating)
        return;
    const auto it = std::upper_bound(m_stops.begin(), m_stops.end(), m_player->timeUs());
    setCurrent(int(it - m_stops.begin()) - 1);
}

void BeatStepper::land(int index) {
    m_frameTimer.stop();
    m_seeking = true;
    if (index < 0)
        m_player->jumpToStart();
    else
        m_player->seekTime(m_stops[std::size_t(index)]);
    m_seeking = false;
    setAnimating(false);
    setCurrent(index);
}

void BeatStepper::next() {
    if (m_animating) {
        finishAnimation();
        return;
    }
    if (m_current + 1 >= count())
        return;
    m_player->pause();
    const int to = m_current + 1;
    const double toPos = m_player->toDisplay(m_stops[std::size_t(to)]);
    if (m_animationMs <= 0 || toPos <= m_player->displayPos()) {
        land(to);  // already there (beats sharing an instant) or no animation wanted
        return;
    }
    m_target = to;
    m_fromPos = m_player->displayPos();
    m_toPos = toPos;
    m_elapsed = 0;
    setAnimating(true);
    m_clock.start();
    m_frameTimer.start();
}

void BeatStepper::previous() {
    if (m_animating) {
        land(m_current);  // back to the stop the animation left
        return;
    }
    m_player->pause();
    // Between two stops (scrubbed there), back goes to the one just passed.
    if (m_current >= 0 && !atStop())
        land(m_current);
    else if (m_current >= 0)
        land(m_current - 1);
}

void BeatStepper::first() {
    m_player->pause();
    if (count() > 0)
        land(0);
}

void BeatStepper::last() {
    m_player->pause();
    if (count() > 0)
        land(count() - 1);
}

void BeatStepper::jumpTo(int index) {
    if (index < 0 || index >= count())
        return;
    m_player->pause();
    land(index);
}

void BeatStepper::finishAnimation() {
    if (m_animating)
        land(m_target);
}

void BeatStepper::advance(double wallSeconds) {
    if (!m_animating || wallSeconds <= 0)
        return;
    m_elapsed += wallSeconds;
    const double t = m_elapsed * 1000.0 / m_animationMs;
    if (t >= 1.0) {
        land(m_target);
        return;
    }
    // Ease in and out: the segments start and settle gently instead of jumping off the line.
    const double eased = t * t * (3 - 2 * t);
    m_seeking = true;
    m_player->seekDisplay(m_fromPos + (m_toPos - m_fromPos) * eased);
    m_seeking = false;
}

void BeatStepper::onFrame() {
    const double elapsed = double(m_clock.nsecsElapsed()) / 1e9;
    m_clock.restart();
    advance(elapsed);
}

}  // namespace closelab::models
