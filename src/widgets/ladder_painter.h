#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QList>
#include <QRectF>
#include <QSize>
#include <QString>

#include <algorithm>

class QPainter;

namespace closelab::models {
class LadderScene;
}

namespace closelab::widgets {

// Draws the whole ladder of a run with QPainter from the LadderScene's item models: lifelines,
// state bands, arrows (lost ones end in a cross), timers and the breaks of compressed time. Used
// for the SVG export, so the file is real vector drawing rather than a screenshot.
//
// Text is placed as on screen (qml/Ladder.qml): every label is measured with QFontMetrics of its
// font and goes to the first of its candidate places that neither crosses a lane's column of
// sockets nor touches text already placed; a label with no free place is left out.
class LadderPainter {
    Q_DECLARE_TR_FUNCTIONS(closelab::widgets::LadderPainter)
public:
    // One piece of text as it will be drawn.
    struct Label {
        QString text;
        QRectF rect;
        QFont font;
        QColor color;
        int flags = 0;  // Qt::AlignmentFlag | Qt::TextFlag for QPainter::drawText
    };

    // untilPos >= 0 draws the run only up to that display position (a handout's page for one
    // beat): later segments, bands and timers are left out, those in progress end there, and a
    // line marks the moment. Text is drawn in `base` (its family; sizes are the painter's).
    explicit LadderPainter(models::LadderScene& scene, double untilPos = -1,
                           const QFont& base = QFont());

    QSize size() const;
    // Height of the lane titles on top, and the y of a display position.
    static double headerHeight();
    double y(double displayPos) const;
    void paint(QPainter& painter) const;
    // Every text of the picture (lane titles included), placed.
    const QList<Label>& labels() const { return m_labels; }

private:
    double laneX(int lane) const;
    bool shown(double startPos) const { return m_until < 0 || startPos <= m_until; }
    // A segment sent at the very moment drawn has not flown yet: left out.
    bool flying(double startPos) const { return m_until < 0 || startPos < m_until; }
    double clipped(double endPos) const { return m_until < 0 ? endPos : std::min(endPos, m_until); }
    double slotX(int lane, int slot) const;
    void placeLabels();

    models::LadderScene& m_scene;
    int m_lanes = 1;
    double m_width = 800;
    double m_columnHalf = 0;
    double m_until = -1;
    QFont m_base;  // half the width of a lane's column of sockets
    QList<Label> m_labels;
};

}  // namespace closelab::widgets
