#pragma once

#include <QPointer>
#include <QString>
#include <QWidget>

#include <memory>
#include <vector>

#include "models/lesson_beats.h"

class QLabel;
class QKeyEvent;

namespace closelab::core {
struct Recording;
}

namespace closelab::models {
class BeatStepper;
class LadderScene;
class Player;
}  // namespace closelab::models

namespace closelab::widgets {

class LadderView;

// Presentation mode: the ladder alone, full screen, with a large caption of the current beat
// (between beats, the current note's sentence) and a footer (beat n of m, time). Stepped like
// slides by a clicker or the keyboard, whatever has the focus in this window or in the windows
// added with addKeySource() (the presenter view):
//   next: PageDown, Right, Down, Space, Enter; previous: PageUp, Left, Up; Home, End;
//   B or . blanks the screen (any key returns); digits then Enter jump to that beat;
//   Ctrl+= / Ctrl+- / Ctrl+0 zoom; P asks for the presenter view; Esc leaves.
// Sizes follow the window: at 1024x768 no text is below 18 px and state names, host names and
// the caption are at least 28 px; larger screens scale everything up.
class PresentationWindow : public QWidget {
    Q_OBJECT
public:
    static constexpr double kMinZoom = 1.0;
    static constexpr double kMaxZoom = 2.0;

    // The Player is the application's (the main window's views follow the presentation).
    explicit PresentationWindow(models::Player* player, QWidget* parent = nullptr);
    ~PresentationWindow() override;

    // A new run (or the same run again after an option change): beats, ladder and stops.
    void setRun(std::shared_ptr<const core::Recording> recording, const QString& title);
    void setChinese(bool chinese);
    bool isChinese() const { return m_chinese; }
    void setTheme(const QString& theme);
    QString theme() const { return m_theme; }
    void setZoom(double zoom);
    double zoom() const { return m_zoom; }
    void zoomIn();
    void zoomOut();

    models::BeatStepper* stepper() const { return m_stepper; }
    models::LadderScene* scene() const { return m_scene; }
    LadderView* ladderView() const { return m_ladder; }
    const std::vector<models::LessonBeat>& beats() const { return m_beats; }
    bool hasBeats() const { return !m_beats.empty(); }
    // The caption shown now (the beat's, or the current note's sentence between beats).
    QString captionText() const;
    bool isBlanked() const { return m_blanked; }
    // The vertical range of the ladder's canvas in sight, and the range the current beat is
    // about (its time and its focus segments, in canvas pixels); empty ranges when none.
    std::pair<double, double> visibleRange() const;
    std::pair<double, double> beatRange() const;
    void setBlanked(bool blanked);

    // Keys typed into `window` step this presentation too.
    void addKeySource(QWidget* window);
    // A key of the presentation's set (see the class comment); true when it was one.
    bool handleKey(QKeyEvent* event);

    // Retranslates and relabels (the main window calls this after a language switch).
    void retranslate();

signals:
    void exitRequested();
    void presenterViewRequested();
    void zoomChanged(double zoom);
    void themeChanged(const QString& theme);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void applySizes();
    void applyColours();
    void updateCaption();

    models::Player* m_player;
    models::LadderScene* m_scene;
    models::BeatStepper* m_stepper;
    LadderView* m_ladder = nullptr;
    QWidget* m_rule = nullptr;
    QLabel* m_caption = nullptr;
    QLabel* m_footer = nullptr;
    QWidget* m_blank = nullptr;
    std::vector<models::LessonBeat> m_beats;
    QString m_title;
    QString m_theme = QStringLiteral("projector");
    QString m_digits;  // typed beat number, until Enter
    QList<QPointer<QWidget>> m_keySources;
    double m_zoom = 1.0;
    bool m_chinese = false;
    bool m_blanked = false;
};

}  // namespace closelab::widgets
