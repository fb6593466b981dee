#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QList>
#include <QRectF>
#include <QSize>
#include <QString>

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

    explicit LadderPainter(models::LadderScene& scene);

    QSize size() const;
    void paint(QPainter& painter) const;
    // Every text of the picture (lane titles included), placed.
    const QList<Label>& labels() const { return m_labels; }

private:
    double laneX(int lane) const;
    double y(double displayPos) const;
    double slotX(int lane, int slot) const;
    void placeLabels();

    models::LadderScene& m_scene;
    int m_lanes = 1;
    double m_width = 800;
    double m_columnHalf = 0;  // half the width of a lane's column of sockets
    QList<Label> m_labels;
};

}  // namespace closelab::widgets
