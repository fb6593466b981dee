#include "models/ladder_painter.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QtMath>

#include <algorithm>
#include <limits>

#include "models/ladder_scene.h"

namespace closelab::models {

namespace {

// The palette of qml/Ladder.qml.
QColor stateColor(const QString& key) {
    static const QHash<QString, QColor> colors{
        {QStringLiteral("LISTEN"), QColor(0xbf, 0xdb, 0xfe)},
        {QStringLiteral("SYN_SENT"), QColor(0x93, 0xc5, 0xfd)},
        {QStringLiteral("SYN_RECV"), QColor(0x93, 0xc5, 0xfd)},
        {QStringLiteral("ESTABLISHED"), QColor(0x86, 0xef, 0xac)},
        {QStringLiteral("FIN_WAIT_1"), QColor(0xfd, 0xe6, 0x8a)},
        {QStringLiteral("FIN_WAIT_2"), QColor(0xfd, 0xe6, 0x8a)},
        {QStringLiteral("CLOSING"), QColor(0xfd, 0xba, 0x74)},
        {QStringLiteral("LAST_ACK"), QColor(0xfd, 0xba, 0x74)},
        {QStringLiteral("CLOSE_WAIT"), QColor(0xfc, 0xa5, 0xa5)},
        {QStringLiteral("TIME_WAIT"), QColor(0xc4, 0xb5, 0xfd)},
    };
    return colors.value(key, QColor(0xe5, 0xe7, 0xeb));
}

const QColor kBackground(0xfb, 0xfb, 0xf8);
const QColor kArrow(0x1f, 0x29, 0x37);
const QColor kLost(0xc8, 0x1e, 0x1e);
const QColor kDelayed(0xb4, 0x53, 0x09);
const QColor kTimer(0x7e, 0x3a, 0xf2);
const QColor kBreak(0xe5, 0xe7, 0xeb);
const QColor kBreakLine(0x6b, 0x72, 0x80);
const QColor kLifeline(0x9c, 0xa3, 0xaf);

}  // namespace

LadderPainter::LadderPainter(const LadderScene& scene) : LadderPainter(scene, Style{}) {}

LadderPainter::LadderPainter(const LadderScene& scene, Style style)
    : m_scene(scene), m_style(style) {}

double LadderPainter::laneX(int lane) const {
    const double spacing = m_style.width / std::max(1, m_scene.laneCount());
    return spacing * (lane + 0.5);
}

double LadderPainter::posY(double pos) const {
    return m_style.fontPx * 4.5 + pos * m_style.unitPx;
}

double LadderPainter::slotOffset(int slot) const {
    if (slot == 0)
        return 0.0;
    return (slot % 2 == 1 ? 1 : -1) * std::ceil(slot / 2.0) * m_style.bandWidth * 1.15;
}

QSize LadderPainter::size() const {
    return QSize(int(m_style.width), int(posY(m_scene.displayLength()) + m_style.unitPx * 2));
}

void LadderPainter::paint(QPainter& p, bool upToPlayer) const {
    auto& scene = const_cast<LadderScene&>(m_scene);  // the item models' getters are non-const
    const double limit =
        upToPlayer ? scene.player()->displayPos() : std::numeric_limits<double>::infinity();
    const QSize sz = size();
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(QRect(QPoint(0, 0), sz), kBackground);
    QFont font = p.font();
    font.setPixelSize(int(m_style.fontPx));
    p.setFont(font);
    const QFontMetricsF fm(font);

    for (const auto& b : scene.breaks()->items()) {
        const QRectF r(0, posY(b.startPos), sz.width(), posY(b.endPos) - posY(b.startPos));
        p.fillRect(r, kBreak);
        p.setPen(QPen(kBreakLine, 1.5));
        p.drawLine(QPointF(0, r.top() + r.height() * 0.3),
                   QPointF(sz.width(), r.top() + r.height() * 0.3));
        p.drawLine(QPointF(0, r.top() + r.height() * 0.7),
                   QPointF(sz.width(), r.top() + r.height() * 0.7));
        QFont italic = font;
        italic.setItalic(true);
        p.setFont(italic);
        p.drawText(r, Qt::AlignCenter, b.label);
        p.setFont(font);
    }
    for (const auto& lane : scene.lanes()->items()) {
        const double x = laneX(lane.lane);
        p.setPen(QPen(kLifeline, 2));
        p.drawLine(QPointF(x, posY(0)), QPointF(x, sz.height()));
        QFont bold = font;
        bold.setBold(true);
        bold.setPixelSize(int(m_style.fontPx * 1.15));
        p.setFont(bold);
        p.setPen(kArrow);
        p.drawText(QRectF(x - 150, m_style.fontPx * 0.4, 300, m_style.fontPx * 1.6),
                   Qt::AlignHCenter | Qt::AlignTop, lane.label);
        p.setFont(font);
        p.setPen(kBreakLine);
        p.drawText(QRectF(x - 150, m_style.fontPx * 2.0, 300, m_style.fontPx * 1.4),
                   Qt::AlignHCenter | Qt::AlignTop, lane.detail);
    }
    const int lanes = scene.laneCount();
    for (const auto& b : scene.bands()->items()) {
        if (b.startPos > limit)
            continue;
        const double x = laneX(b.lane) + slotOffset(b.slot) - m_style.bandWidth / 2;
        const double y0 = posY(b.startPos);
        const double y1 = std::max(y0 + 2, posY(std::min(b.endPos, limit)));
        const QColor c = stateColor(b.key);
        p.setPen(QPen(c.darker(130), 1));
        p.setBrush(c);
        p.drawRoundedRect(QRectF(x, y0, m_style.bandWidth, y1 - y0), 3, 3);
        if (b.endPos <= b.startPos)
            continue;  // passed through in zero time: a sliver, no name
        p.setPen(c.darker(220));
        // Outer side of the lifeline, unless the name would leave the picture (as in the QML).
        const double w = fm.horizontalAdvance(b.label);
        const double need = w + m_style.bandWidth * 2 + 10;
        const bool left =
            b.lane < lanes / 2.0 ? laneX(b.lane) - need >= 0 : laneX(b.lane) + need > m_style.width;
        const double tx = left ? x - w - m_style.bandWidth - 10 : x + m_style.bandWidth * 2 + 10;
        p.drawText(QPointF(tx, y0 + fm.ascent()), b.label);
    }
    for (const auto& t : scene.timers()->items()) {
        if (t.startPos > limit)
            continue;
        const bool left = t.lane < lanes / 2.0;
        const double side = (left ? -1 : 1) * (m_style.bandWidth + 6);
        const double x = laneX(t.lane) + slotOffset(t.slot) + side;
        const double y0 = posY(t.startPos);
        const double y1 = std::max(y0 + 2, posY(std::min(t.endPos, limit)));
        p.setPen(QPen(kTimer, 4, Qt::SolidLine, Qt::FlatCap));
        p.drawLine(QPointF(x, y0), QPointF(x, y1));
        p.setPen(kTimer);
        const double w = fm.horizontalAdvance(t.label);
        p.drawText(QPointF(left ? x - w - 6 : x + 6, y1), t.label);
    }
    for (const auto& a : scene.arrows()->items()) {
        if (a.startPos > limit)
            continue;
        const bool lost = a.fate == LadderItem::Fate::Lost || !a.arrives;
        const bool dropped = a.fate == LadderItem::Fate::Dropped || a.rejected;
        const QColor color = lost || dropped                       ? kLost
                             : a.fate == LadderItem::Fate::Delayed ? kDelayed
                                                                   : kArrow;
        const double dir = a.toLane > a.lane ? 1.0 : -1.0;
        const QPointF p1(laneX(a.lane) + dir * m_style.bandWidth / 2, posY(a.startPos));
        const QPointF full(laneX(a.toLane) - dir * m_style.bandWidth / 2, posY(a.endPos));
        QPointF p2 = lost ? p1 + (full - p1) * 0.55 : full;
        double progress = 1.0;
        if (a.endPos > a.startPos)
            progress = std::clamp((limit - a.startPos) / (a.endPos - a.startPos), 0.0, 1.0);
        const QPointF tip = p1 + (p2 - p1) * progress;
        p.setPen(QPen(color, 2.2));
        p.drawLine(p1, tip);
        const double angle = std::atan2(tip.y() - p1.y(), tip.x() - p1.x());
        for (double wing : {qDegreesToRadians(152.0), qDegreesToRadians(-152.0)})
            p.drawLine(tip, tip + QPointF(std::cos(angle + wing), std::sin(angle + wing)) * 12);
        if ((lost || dropped) && progress >= 1.0) {
            const double r = m_style.fontPx * 0.6;
            p.setPen(QPen(kLost, 3.5, Qt::SolidLine, Qt::RoundCap));
            p.drawLine(p2 + QPointF(-r, -r), p2 + QPointF(r, r));
            p.drawLine(p2 + QPointF(-r, r), p2 + QPointF(r, -r));
        }
        const QString text = a.detail.isEmpty() ? a.label : QString(a.label + u'\n' + a.detail);
        const QRectF box = fm.boundingRect(QRectF(0, 0, 600, 400), Qt::AlignHCenter, text);
        const double cx = p1.x() + (full.x() - p1.x()) * 0.3;
        const double cy = p1.y() + (p2.y() - p1.y()) * 0.3 - box.height() - 2;
        p.setPen(color);
        p.drawText(QRectF(cx - box.width() / 2, cy, box.width(), box.height()), Qt::AlignHCenter,
                   text);
    }
    p.restore();
}

}  // namespace closelab::models
