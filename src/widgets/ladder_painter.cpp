#include "widgets/ladder_painter.h"

#include <QFontMetrics>
#include <QLineF>
#include <QPainter>
#include <QPainterPath>
#include <QtMath>
#include <algorithm>
#include <cmath>
#include <optional>

#include "models/ladder_item_model.h"
#include "models/ladder_palette.h"
#include "models/ladder_scene.h"

namespace closelab::widgets {

namespace {

constexpr double kHeader = 70;         // lane titles
constexpr double kPixelsPerUnit = 46;  // per TimeAxis display unit
constexpr double kFooter = 30;
constexpr double kLaneWidth = 330;

using models::LadderPalette;

// As qml/LadderArrow.qml colours its line.
QColor fateColor(models::LadderItem::Fate fate) {
    switch (fate) {
        case models::LadderItem::Fate::Lost:
        case models::LadderItem::Fate::Dropped:
            return LadderPalette::named(QStringLiteral("lost"));
        case models::LadderItem::Fate::Delayed:
            return LadderPalette::named(QStringLiteral("delayed"));
        default:
            return LadderPalette::named(QStringLiteral("arrow"));
    }
}

constexpr double kBandWidth = 14;
constexpr double kSlotStep = 16;
constexpr double kLabelGap = 6;
constexpr double kPad = 3;

QFont pixelFont(const QFont& base, int pixels, bool bold = false) {
    QFont font = base;
    font.setPixelSize(pixels);
    font.setBold(bold);
    return font;
}

struct Candidate {
    QRectF rect;
    bool brief = false;  // a segment label with its first line only
};

}  // namespace

LadderPainter::LadderPainter(models::LadderScene& scene, double untilPos, const QFont& base)
    : m_scene(scene), m_until(untilPos), m_base(base) {
    m_lanes = std::max(1, scene.laneCount());
    // A lane's column: the sockets alive side by side (scene.slotCount()), 0 on the lifeline,
    // then alternately right and left of it; at least one slot each side.
    m_columnHalf = std::max(1, scene.slotCount() / 2) * kSlotStep + kBandWidth / 2;
    m_width = std::max(700.0, kLaneWidth * m_lanes);
    placeLabels();
}

QSize LadderPainter::size() const {
    const double length =
        m_until < 0 ? m_scene.displayLength() : std::min(m_scene.displayLength(), m_until + 1.0);
    return QSize(int(m_width), int(kHeader + length * kPixelsPerUnit + kFooter));
}

double LadderPainter::headerHeight() {
    return kHeader;
}

double LadderPainter::laneX(int lane) const {
    return m_width * (lane + 0.5) / m_lanes;
}

double LadderPainter::y(double displayPos) const {
    return kHeader + displayPos * kPixelsPerUnit;
}

double LadderPainter::slotX(int lane, int slot) const {
    const double side = slot == 0 ? 0 : (slot % 2 == 1 ? 1 : -1) * ((slot + 1) / 2);
    return laneX(lane) + side * kSlotStep;
}

void LadderPainter::placeLabels() {
    models::LadderScene& scene = m_scene;
    const QFont title = pixelFont(m_base, 18, true);
    const QFont small = pixelFont(m_base, 11);
    const QFont state = pixelFont(m_base, 13);
    const QFont flags = pixelFont(m_base, 13);
    const QSizeF canvas(size());
    QList<QRectF> placed;
    // The free stretches between the lanes' columns.
    QList<std::pair<double, double>> gaps;
    double from = 0;
    for (int lane = 0; lane < m_lanes; ++lane) {
        gaps.append({from, laneX(lane) - m_columnHalf});
        from = laneX(lane) + m_columnHalf;
    }
    gaps.append({from, m_width});
    const auto fits = [&](const QRectF& r) {
        if (r.left() < 0 || r.right() > canvas.width() || r.top() < 0 ||
            r.bottom() > canvas.height())
            return false;
        for (int lane = 0; lane < m_lanes; ++lane) {
            if (r.left() < laneX(lane) + m_columnHalf && r.right() > laneX(lane) - m_columnHalf)
                return false;
        }
        const QRectF spaced = r.adjusted(-kLabelGap / 2, 0, kLabelGap / 2, 0);
        return std::none_of(placed.begin(), placed.end(),
                            [&](const QRectF& p) { return p.intersects(spaced); });
    };
    const auto besideLane = [&](int lane, bool left, double width) {
        return left ? laneX(lane) - m_columnHalf - kLabelGap - width
                    : laneX(lane) + m_columnHalf + kLabelGap;
    };
    const auto labelsLeftOf = [&](int lane) { return lane < m_lanes / 2.0; };

    // Lane titles and addresses, centred over the lifelines; nothing else goes up there.
    placed.append(QRectF(0, 0, m_width, 54));
    for (const models::LadderItem& lane : scene.lanes()->items()) {
        const double x = laneX(lane.lane);
        const double w = m_width / m_lanes - 8;
        m_labels.append({lane.label, QRectF(x - w / 2, 8, w, 26), title, QColor(0x22, 0x22, 0x22),
                         Qt::AlignCenter});
        m_labels.append({lane.detail, QRectF(x - w / 2, 34, w, 18), small, QColor(0x66, 0x66, 0x66),
                         Qt::AlignCenter});
    }
    // The skipped time of each break, in the gap nearest the middle that holds it (wrapped).
    for (const models::LadderItem& b : scene.breaks()->items()) {
        if (!shown(b.endPos))
            continue;
        const QFontMetricsF fm(small);
        auto sorted = gaps;
        std::sort(sorted.begin(), sorted.end(), [&](const auto& a, const auto& c) {
            return std::abs((a.first + a.second) / 2 - m_width / 2) <
                   std::abs((c.first + c.second) / 2 - m_width / 2);
        });
        for (const auto& [left, right] : sorted) {
            const QRectF box = fm.boundingRect(QRectF(0, 0, right - left - 2 * kLabelGap, 1e6),
                                               Qt::AlignCenter | Qt::TextWordWrap, b.label);
            const double mid = (y(b.startPos) + y(b.endPos)) / 2;
            const QRectF r((left + right - box.width()) / 2, mid - box.height() / 2, box.width(),
                           box.height());
            if (fits(r)) {
                placed.append(r);
                m_labels.append({b.label, r, small, QColor(0x66, 0x66, 0x66),
                                 Qt::AlignCenter | Qt::TextWordWrap});
                break;
            }
        }
    }
    // Segment labels: flags, then the smaller detail lines, horizontal, riding on the arrow a
    // third of the way from the sender first, then further along or below it; with the flags
    // line only when the whole label finds no room.
    for (const models::LadderItem& arrow : scene.arrows()->items()) {
        if (arrow.label.isEmpty() || !flying(arrow.startPos))
            continue;
        const QPointF p1(laneX(arrow.lane), y(arrow.startPos));
        const QPointF p2(laneX(arrow.toLane), y(arrow.endPos));
        const double maxWidth = m_width / m_lanes - 2 * m_columnHalf - 4 * kPad;
        const QFontMetricsF fmFlags(flags);
        const QFontMetricsF fmDetail(small);
        const QRectF head = fmFlags.boundingRect(QRectF(0, 0, maxWidth, 1e6),
                                                 Qt::AlignHCenter | Qt::TextWordWrap, arrow.label);
        const QRectF body =
            arrow.detail.isEmpty()
                ? QRectF()
                : fmDetail.boundingRect(QRectF(0, 0, maxWidth, 1e6),
                                        Qt::AlignHCenter | Qt::TextWordWrap, arrow.detail);
        const QColor color = fateColor(arrow.fate);
        std::optional<Candidate> chosen;
        for (const bool brief : {false, true}) {
            if (brief && arrow.detail.isEmpty())
                break;
            const QSizeF box(std::max(head.width(), brief ? 0.0 : body.width()) + 2 * kPad,
                             head.height() + (brief ? 0.0 : body.height()) + 2 * kPad);
            for (const double t : {0.35, 0.5, 0.2, 0.65, 0.8}) {
                const QPointF at = p1 + (p2 - p1) * t;
                const auto gap = std::find_if(gaps.begin(), gaps.end(), [&](const auto& g) {
                    return at.x() >= g.first && at.x() <= g.second;
                });
                if (gap == gaps.end())
                    continue;
                const double x = std::clamp(at.x() - box.width() / 2, gap->first + kPad,
                                            gap->second - kPad - box.width());
                for (const double top : {at.y() - box.height() - 2, at.y() + 2}) {
                    const QRectF r(QPointF(x, top), box);
                    if (!chosen && fits(r))
                        chosen = Candidate{r, brief};
                }
            }
            if (chosen)
                break;
        }
        if (!chosen)
            continue;
        placed.append(chosen->rect);
        const QRectF inner = chosen->rect.adjusted(kPad, kPad, -kPad, -kPad);
        m_labels.append({arrow.label,
                         QRectF(inner.left(), inner.top(), inner.width(), head.height()), flags,
                         color, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap});
        if (!chosen->brief && !arrow.detail.isEmpty())
            m_labels.append(
                {arrow.detail,
                 QRectF(inner.left(), inner.top() + head.height(), inner.width(), body.height()),
                 small, color.lighter(140), Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap});
    }
    // State names beside their band's start (down along it if that place is taken), then the
    // timers' names beside theirs.
    const auto placeBeside = [&](const models::LadderItem& item, const QFont& font,
                                 const QColor& color) {
        const QFontMetricsF fm(font);
        const QSizeF box(fm.horizontalAdvance(item.label) + 1, fm.height());
        const double top = y(item.startPos);
        const double last = std::max(top, y(clipped(item.endPos)) - box.height()) + box.height();
        for (const bool left : {labelsLeftOf(item.lane), !labelsLeftOf(item.lane)}) {
            const double x = besideLane(item.lane, left, box.width());
            for (double t = top; t <= last; t += box.height() / 2) {
                const QRectF r(QPointF(x, t), box);
                if (fits(r)) {
                    placed.append(r);
                    m_labels.append({item.label, r, font, color, Qt::AlignLeft | Qt::AlignTop});
                    return;
                }
            }
        }
    };
    for (const models::LadderItem& band : scene.bands()->items()) {
        if (band.endPos > band.startPos && !band.label.isEmpty() && shown(band.startPos))
            placeBeside(band, state, LadderPalette::state(band.key).darker(220));
    }
    for (const models::LadderItem& timer : scene.timers()->items()) {
        if (!timer.label.isEmpty() && shown(timer.startPos))
            placeBeside(timer, small, LadderPalette::named(QStringLiteral("timer")));
    }
}

void LadderPainter::paint(QPainter& painter) const {
    models::LadderScene& scene = m_scene;
    const QSize canvas = size();
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor background = LadderPalette::named(QStringLiteral("background"));
    painter.fillRect(QRectF(QPointF(0, 0), QSizeF(canvas)), background);

    // Breaks first: the compressed stretches are a shaded strip across every lane.
    for (const models::LadderItem& b : scene.breaks()->items()) {
        if (!shown(b.endPos))
            continue;
        const QRectF strip(0, y(b.startPos), m_width, y(b.endPos) - y(b.startPos));
        painter.fillRect(strip, LadderPalette::named(QStringLiteral("break")));
        painter.setPen(QPen(LadderPalette::named(QStringLiteral("breakLine")), 1, Qt::DashLine));
        painter.drawLine(QPointF(0, strip.top()), QPointF(m_width, strip.top()));
        painter.drawLine(QPointF(0, strip.bottom()), QPointF(m_width, strip.bottom()));
    }
    // Lifelines.
    for (const models::LadderItem& lane : scene.lanes()->items()) {
        const double x = laneX(lane.lane);
        painter.setPen(QPen(LadderPalette::named(QStringLiteral("lifeline")), 1.5));
        painter.drawLine(QPointF(x, kHeader - 6), QPointF(x, canvas.height() - kFooter / 2));
    }
    // State bands: sockets of one host alive at once stand side by side in its column.
    for (const models::LadderItem& band : scene.bands()->items()) {
        if (!shown(band.startPos))
            continue;
        const QRectF rect(slotX(band.lane, band.slot) - kBandWidth / 2, y(band.startPos),
                          kBandWidth, std::max(2.0, y(clipped(band.endPos)) - y(band.startPos)));
        const QColor color = LadderPalette::state(band.key);
        painter.setPen(QPen(color.darker(130), 1));
        painter.setBrush(color);
        painter.drawRect(rect);
    }
    painter.setBrush(Qt::NoBrush);
    // Timers: a dashed strip along the edge of their socket's band.
    for (const models::LadderItem& timer : scene.timers()->items()) {
        if (!shown(timer.startPos))
            continue;
        const double x = slotX(timer.lane, timer.slot) + kBandWidth / 2 - 3;
        painter.setPen(QPen(LadderPalette::named(QStringLiteral("timer")), 2, Qt::DashLine));
        painter.drawLine(QPointF(x, y(timer.startPos)), QPointF(x, y(clipped(timer.endPos))));
    }
    // Segments: arrows from sender to receiver; a lost one stops halfway with a cross.
    for (const models::LadderItem& arrow : scene.arrows()->items()) {
        if (!flying(arrow.startPos))
            continue;
        const QPointF from(laneX(arrow.lane), y(arrow.startPos));
        QPointF to(laneX(arrow.toLane), y(arrow.endPos));
        if (!arrow.arrives)
            to = from + (to - from) * 0.6;
        // Still in flight at the moment drawn: as far as it has flown (as on screen).
        bool inFlight = false;
        if (m_until >= 0 && arrow.endPos > m_until) {
            const double flown = (m_until - arrow.startPos) / (arrow.endPos - arrow.startPos);
            const QPointF whole(laneX(arrow.toLane), y(arrow.endPos));
            const QPointF tip = from + (whole - from) * flown;
            inFlight = arrow.arrives || QLineF(from, tip).length() < QLineF(from, to).length();
            if (inFlight)
                to = tip;
        }
        const QColor color = fateColor(arrow.fate);
        painter.setPen(QPen(color, 1.6));
        painter.drawLine(from, to);
        const double angle = std::atan2(to.y() - from.y(), to.x() - from.x());
        if (arrow.arrives || inFlight) {
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
    }
    // The moment drawn.
    if (m_until >= 0) {
        painter.setPen(QPen(LadderPalette::named(QStringLiteral("highlight")), 2));
        painter.drawLine(QPointF(0, y(m_until)), QPointF(m_width, y(m_until)));
    }
    // Text last, on a light backing so lines passing behind it do not cross the glyphs.
    for (const Label& label : m_labels) {
        if (label.rect.top() > kHeader - 10)
            painter.fillRect(label.rect,
                             QColor(background.red(), background.green(), background.blue(), 200));
        painter.setFont(label.font);
        painter.setPen(label.color);
        painter.drawText(label.rect, label.flags, label.text);
    }
}

}  // namespace closelab::widgets
