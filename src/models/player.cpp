#include "models/player.h"

#include <algorithm>

namespace closelab::models {

Player::Player(QObject* parent) : QObject(parent) {
    m_frameTimer.setTimerType(Qt::PreciseTimer);
    m_frameTimer.setInterval(16);
    connect(&m_frameTimer, &QTimer::timeout, this, &Player::onFrame);
}

void Player::setTimeline(std::vector<std::int64_t> events, TimeAxis axis) {
    std::sort(events.begin(), events.end());
    events.erase(std::unique(events.begin(), events.end()), events.end());
    m_events = std::move(events);
    m_axis = std::move(axis);
    emit timelineChanged();
    const qint64 t = std::clamp<qint64>(m_timeUs, 0, m_axis.endUs());
    m_timeUs = -1;  // force the notification: display positions moved with the new axis
    setPosition(t, m_axis.toDisplay(t));
}

void Player::setPosition(qint64 us, double display) {
    const auto it = std::upper_bound(m_events.begin(), m_events.end(), us);
    const int index = int(it - m_events.begin()) - 1;
    const bool changed = us != m_timeUs || display != m_displayPos;
    m_timeUs = us;
    m_displayPos = display;
    if (changed)
        emit timeChanged(m_timeUs);
    if (index != m_eventIndex) {
        m_eventIndex = index;
        emit eventIndexChanged(m_eventIndex);
    }
}

void Player::advance(double wallSeconds) {
    if (wallSeconds <= 0.0)
        return;
    const double pos =
        std::min(m_displayPos + wallSeconds * kUnitsPerSecond * m_speed, displayLength());
    setPosition(m_axis.toSim(pos), pos);
    if (atEnd())
        pause();
}

void Player::onFrame() {
    const double elapsed = double(m_clock.nsecsElapsed()) / 1e9;
    m_clock.restart();
    advance(elapsed);
}

void Player::play() {
    setPlaying(true);
}

void Player::pause() {
    setPlaying(false);
}

void Player::togglePlay() {
    setPlaying(!m_playing);
}

void Player::setPlaying(bool playing) {
    if (playing && atEnd())
        jumpToStart();  // play at the end replays, as media players do
    if (playing == m_playing)
        return;
    m_playing = playing;
    if (m_playing) {
        m_clock.start();
        m_frameTimer.start();
    } else {
        m_frameTimer.stop();
    }
    emit playingChanged(m_playing);
}

void Player::stepForward() {
    const auto it = std::upper_bound(m_events.begin(), m_events.end(), m_timeUs);
    if (it == m_events.end()) {
        jumpToEnd();
        return;
    }
    seekTime(*it);
}

void Player::stepBackward() {
    const auto it = std::lower_bound(m_events.begin(), m_events.end(), m_timeUs);
    if (it == m_events.begin()) {
        jumpToStart();
        return;
    }
    seekTime(*std::prev(it));
}

void Player::seekTime(qint64 us) {
    us = std::clamp<qint64>(us, 0, m_axis.endUs());
    setPosition(us, m_axis.toDisplay(us));
}

void Player::seekDisplay(double pos) {
    pos = std::clamp(pos, 0.0, displayLength());
    setPosition(m_axis.toSim(pos), pos);
}

void Player::seekEvent(int index) {
    if (index < 0 || index >= eventCount())
        return;
    seekTime(m_events[std::size_t(index)]);
}

void Player::jumpToStart() {
    setPosition(0, 0.0);
}

void Player::jumpToEnd() {
    setPosition(m_axis.endUs(), displayLength());
}

void Player::setSpeed(double speed) {
    speed = std::clamp(speed, kMinSpeed, kMaxSpeed);
    if (speed == m_speed)
        return;
    m_speed = speed;
    emit speedChanged(m_speed);
}

}  // namespace closelab::models
