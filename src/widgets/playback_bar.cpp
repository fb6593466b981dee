#include "widgets/playback_bar.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QToolButton>

#include "models/time_format.h"

namespace closelab::widgets {

PlaybackBar::PlaybackBar(const Actions& actions, QWidget* parent) : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    for (QAction* action : {actions.toStart, actions.stepBack, actions.playPause,
                            actions.stepForward, actions.toEnd}) {
        if (!action)
            continue;
        auto* button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setAutoRaise(true);
        button->setToolButtonStyle(Qt::ToolButtonIconOnly);
        button->setIconSize(QSize(22, 22));
        layout->addWidget(button);
    }
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setObjectName(QStringLiteral("scrubSlider"));
    m_slider->setRange(0, 0);
    m_slider->setMinimumWidth(100);
    layout->addWidget(m_slider, 1);
    m_time = new QLabel(this);
    m_time->setObjectName(QStringLiteral("playbackTime"));
    m_time->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    layout->addWidget(m_time);
    m_speedLabel = new QLabel(this);
    layout->addWidget(m_speedLabel);
    m_speed = new QComboBox(this);
    m_speed->setObjectName(QStringLiteral("speedCombo"));
    for (double s : speeds())
        m_speed->addItem(QString::number(s) + QStringLiteral("×"), s);
    m_speed->setCurrentIndex(int(speeds().indexOf(1.0)));
    m_speedLabel->setBuddy(m_speed);
    layout->addWidget(m_speed);

    connect(m_slider, &QSlider::valueChanged, this, [this](int value) {
        // Only user moves are re-broadcast; programmatic updates are blocked in setScrubValue().
        emit scrubbed(value);
    });
    connect(m_speed, &QComboBox::currentIndexChanged, this,
            [this](int) { emit speedChanged(speed()); });
    retranslate();
}

const QList<double>& PlaybackBar::speeds() {
    static const QList<double> kSpeeds{0.25, 0.5, 1.0, 2.0, 4.0, 8.0};
    return kSpeeds;
}

double PlaybackBar::speed() const {
    return m_speed->currentData().toDouble();
}

void PlaybackBar::setSpeed(double speed) {
    const int index = m_speed->findData(speed);
    if (index >= 0)
        m_speed->setCurrentIndex(index);
}

void PlaybackBar::setScrubRange(int maximum) {
    const QSignalBlocker blocker(m_slider);
    m_slider->setRange(0, maximum);
    m_slider->setPageStep(qMax(1, maximum / 20));
}

void PlaybackBar::setScrubValue(int value) {
    if (m_slider->isSliderDown())
        return;
    const QSignalBlocker blocker(m_slider);
    m_slider->setValue(value);
}

int PlaybackBar::scrubValue() const {
    return m_slider->value();
}

void PlaybackBar::setTimeText(const QString& text) {
    m_time->setText(text);
}

void PlaybackBar::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void PlaybackBar::retranslate() {
    // Wide enough for "888.888 ms" in the current language (the longest formatTime() text), and
    // no wider: the bar sets the ladder tab's minimum width, which must fit a 1024-pixel
    // projector with the docks.
    m_time->setMinimumWidth(m_time->fontMetrics().horizontalAdvance(models::formatTime(888'888)) +
                            4);
    m_slider->setToolTip(tr("Drag to move through the whole run"));
    m_speedLabel->setText(tr("&Speed:"));
    // What 1x means: the Player moves along the compressed time axis (Player::kUnitsPerSecond).
    const QString meaning =
        tr("Playback speed. 1× plays about two steps of the diagram per second of wall time. "
           "The time axis is compressed (idle stretches are cut short, microsecond gaps "
           "stretched), so a second of wall time shows anything from microseconds to tens of "
           "seconds of simulated time; the time beside the slider is the simulated time.");
    m_speed->setToolTip(meaning);
    m_speedLabel->setToolTip(meaning);
}

}  // namespace closelab::widgets
