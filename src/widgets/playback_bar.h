#pragma once

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QSlider;
class QToolButton;

namespace closelab::widgets {

// The transport controls under the ladder: start, step back, play/pause, step forward, end, a
// scrub slider over the whole run and the playback speed. The buttons show the main window's
// actions so menu, shortcut and button are one command.
class PlaybackBar : public QWidget {
    Q_OBJECT
public:
    struct Actions {
        QAction* toStart = nullptr;
        QAction* stepBack = nullptr;
        QAction* playPause = nullptr;
        QAction* stepForward = nullptr;
        QAction* toEnd = nullptr;
    };

    explicit PlaybackBar(const Actions& actions, QWidget* parent = nullptr);

    // Speeds offered, 0.25x to 8x.
    static const QList<double>& speeds();

    double speed() const;
    void setSpeed(double speed);
    void setScrubRange(int maximum);
    void setScrubValue(int value);
    int scrubValue() const;
    void setTimeText(const QString& text);

signals:
    void scrubbed(int value);
    void speedChanged(double speed);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QSlider* m_slider = nullptr;
    QComboBox* m_speed = nullptr;
    QLabel* m_speedLabel = nullptr;
    QLabel* m_time = nullptr;
};

}  // namespace closelab::widgets
