#pragma once

#include <QCoreApplication>
#include <QSize>

class QPainter;

namespace closelab::models {
class LadderScene;
}

namespace closelab::widgets {

// Draws the whole ladder of a run with QPainter from the LadderScene's item models: lifelines,
// state bands, arrows (lost ones end in a cross), timers and the breaks of compressed time. Used
// for the SVG export, so the file is real vector drawing rather than a screenshot.
class LadderPainter {
    Q_DECLARE_TR_FUNCTIONS(closelab::widgets::LadderPainter)
public:
    explicit LadderPainter(models::LadderScene& scene);

    QSize size() const;
    void paint(QPainter& painter) const;

private:
    double laneX(int lane) const;
    double y(double displayPos) const;

    models::LadderScene& m_scene;
    int m_lanes = 1;
    double m_width = 800;
};

}  // namespace closelab::widgets
