#pragma once

#include <QSize>

class QPainter;

namespace closelab::models {

class LadderScene;

// Paints the ladder of a LadderScene with QPainter, as vectors: the same lanes, state bands,
// arrows, crosses, timers and break markers as qml/Ladder.qml, for SVG/PDF/PNG export (a
// QSvgGenerator gets real lines and text, not a screenshot). Draws the whole run, or only what has
// happened up to the Player's time when `upToPlayer` is set.
class LadderPainter {
public:
    struct Style {
        double fontPx = 14.0;
        double unitPx = 36.0;  // pixels per TimeAxis display unit
        double bandWidth = 12.0;
        double width = 1000.0;  // the height follows from the run
    };

    explicit LadderPainter(const LadderScene& scene);
    LadderPainter(const LadderScene& scene, Style style);

    // Size of the picture for this scene and style.
    QSize size() const;
    void paint(QPainter& painter, bool upToPlayer = false) const;

private:
    double laneX(int lane) const;
    double posY(double pos) const;
    double slotOffset(int slot) const;

    const LadderScene& m_scene;
    Style m_style;
};

}  // namespace closelab::models
