#include "widgets/ladder_painter.h"

#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>
#include <QtMath>
#include <algorithm>

#include "models/ladder_item_model.h"
#include "models/ladder_scene.h"
#include "widgets/state_palette.h"

namespace closelab::widgets {

namespace {

constexpr double kHeader = 70;         // lane titles
constexpr double kPixelsPerUnit = 46;  // per TimeAxis display unit
constexpr double kFooter = 30;
constexpr double kLaneWidth = 330;

QColor fateColor(models::LadderItem::Fate fate) {
    switch (fate) {
        case models::LadderItem::Fate::Lost:
            return QColor(0xc6, 0x28, 0x28);
        case models::LadderItem::Fate::Dropped:
            return QColor(0xef, 0x6c, 0x00);
        case models::LadderItem::Fate::Delayed:
            return QColor(0x6a, 0x1b, 0x9a);
        default:
            return QColor(0x33, 0x33, 0x33);
    }
}

}  // namespace

LadderPainter::LadderPainter(models::LadderScene& scene) : m_scene(scene) {
    m_lanes = std::max(1, scene.laneCount());
    m_width = std::max(700.0, kLaneWidth * m_lanes);
}

QSize LadderPainter::size() const {
    return QSize(int(m_width), int(kHeader + m_scene.displayLength() * kPixelsPerUnit + kFooter));
}

double LadderPainter::laneX(int lane) const {
    return m_width * (lane + 0.5) / m_lanes;
}

double LadderPainter::y(double displayPos) const {
    return kHeader + displayPos * kPixelsPerUnit;
}

void LadderPainter::paint(QPainter& painter) const {
    models::LadderScene& scene = m_scene;
    const QSize canvas = size();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(QRectF(QPointF(0, 0), QSizeF(canvas)), QColor(0xfb, 0xfb, 0xf8));
    QFont base = painter.font();
    base.setPixelSize(13);
    QFont small = base;
    small.setPixelSize(11);
    QFont title = base;
    title.setPixelSize(18);
    title.setBold(true);

    // Breaks first: the compressed stretches are a shaded strip across every lane.
    for (const models::LadderItem& b : scene.breaks()->items()) {
        const QRectF strip(0, y(b.startPos), m_width, y(b.endPos) - y(b.startPos));
        painter.fillRect(strip, QColor(0xee, 0xee, 0xe8));
        painter.setPen(QPen(QColor(0x99, 0x99, 0x99), 1, Qt::DashLine));
        painter.drawLine(QPointF(0, strip.top()), QPointF(m_width, strip.top()));
        painter.drawLine(QPointF(0, strip.bottom()), QPointF(m_width, strip.bottom()));
        painter.setFont(small);
        painter.setPen(QColor(0x66, 0x66, 0x66));
        painter.drawText(strip, Qt::AlignCenter, b.label);
    }
    // Lifelines with their host and address.
    for (const models::LadderItem& lane : scene.lanes()->items()) {
        const double x = laneX(lane.lane);
        painter.setPen(QPen(QColor(0x55, 0x55, 0x55), 1.5));
        painter.drawLine(QPointF(x, kHeader - 6), QPointF(x, canvas.height() - kFooter / 2));
        painter.setFont(title);
        painter.setPen(QColor(0x22, 0x22, 0x22));
        painter.drawText(QRectF(x - kLaneWidth / 2, 8, kLaneWidth, 26), Qt::AlignCenter,
                         lane.label);
        painter.setFont(small);
        painter.setPen(QColor(0x66, 0x66, 0x66));
        painter.drawText(QRectF(x - kLaneWidth / 2, 34, kLaneWidth, 18), Qt::AlignCenter,
                         lane.detail);
    }
    // State bands beside each lifeline, with the state name where the band starts.
    for (const models::LadderItem& band : scene.bands()->items()) {
        const double x = laneX(band.lane) - 7 + band.slot * 16;
        const QRectF rect(x, y(band.startPos), 14,
                          std::max(2.0, y(band.endPos) - y(band.startPos)));
        QColor color = stateColor(band.key);
        painter.setPen(QPen(color.darker(130), 1));
        color.setAlpha(150);
        painter.setBrush(color);
        painter.drawRect(rect);
        painter.setFont(small);
        painter.setPen(stateColor(band.key).darker(140));
        const bool left = band.lane == 0;
        const QRectF text = left ? QRectF(x - 150, rect.top(), 144, 16)
                                 : QRectF(x + 18 + band.slot * 4, rect.top(), 150, 16);
        painter.drawText(text, (left ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignTop, band.label);
    }
    painter.setBrush(Qt::NoBrush);
    // Timers: a dashed line outside the band with its name and length.
    for (const models::LadderItem& timer : scene.timers()->items()) {
        const bool left = timer.lane == 0;
        const double x = laneX(timer.lane) + (left ? -24 : 24) + (left ? -1 : 1) * timer.slot * 8;
        painter.setPen(QPen(QColor(0x15, 0x65, 0xc0), 1.5, Qt::DashLine));
        painter.drawLine(QPointF(x, y(timer.startPos)), QPointF(x, y(timer.endPos)));
        painter.setFont(small);
        painter.setPen(QColor(0x15, 0x65, 0xc0));
        const QRectF text = left ? QRectF(x - 160, y(timer.startPos) + 14, 154, 16)
                                 : QRectF(x + 6, y(timer.startPos) + 14, 154, 16);
        painter.drawText(text, (left ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignTop, timer.label);
    }
    // Segments: arrows from sender to receiver; a lost one stops halfway with a cross.
    for (const models::LadderItem& arrow : scene.arrows()->items()) {
        const QPointF from(laneX(arrow.lane), y(arrow.startPos));
        QPointF to(laneX(arrow.toLane), y(arrow.endPos));
        if (!arrow.arrives)
            to = from + (to - from) * 0.6;
        const QColor color = fateColor(arrow.fate);
        painter.setPen(QPen(color, 1.6));
        painter.drawLine(from, to);
        const double angle = std::atan2(to.y() - from.y(), to.x() - from.x());
        if (arrow.arrives) {
            QPainterPath head;
            head.moveTo(to);
            head.lineTo(to - QPointF(std::cos(angle - 0.4) * 11, std::sin(angle - 0.4) * 11));
            head.lineTo(to - QPointF(std::cos(angle + 0.4) * 11, std::sin(angle + 0.4) * 11));
            head.closeSubpath();
            painter.fillPath(head, color);
        } else {
            painter.setPen(QPen(color, 2.5));
            painter.drawLine(to + QPointF(-7, -7), to + QPointF(7, 7));
            painter.drawLine(to + QPointF(-7, 7), to + QPointF(7, -7));
        }
        // The label sits above the middle of the arrow, along it.
        const QPointF mid = (from + to) / 2;
        painter.save();
        painter.translate(mid);
        double degrees = qRadiansToDegrees(angle);
        if (degrees > 90 || degrees < -90)
            degrees += 180;
        painter.rotate(degrees);
        painter.setFont(base);
        painter.setPen(color);
        painter.drawText(QRectF(-150, -34, 300, 17), Qt::AlignCenter, arrow.label);
        painter.setFont(small);
        painter.setPen(color.lighter(140));
        painter.drawText(QRectF(-150, -18, 300, 15), Qt::AlignCenter, arrow.detail);
        painter.restore();
    }
}

}  // namespace closelab::widgets
