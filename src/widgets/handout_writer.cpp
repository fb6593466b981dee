#include "widgets/handout_writer.h"

#include <QDate>
#include <QFile>
#include <QFontMetricsF>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <algorithm>

#include "models/handout_content.h"
#include "models/ladder_item_model.h"
#include "models/ladder_palette.h"
#include "models/ladder_scene.h"
#include "models/player.h"
#include "models/time_format.h"
#include "widgets/ladder_painter.h"

namespace closelab::widgets {

namespace {

constexpr int kDpi = 300;
constexpr double kMarginMm = 15;

// The handout's font: for Chinese the Simplified Chinese face first, else fontconfig may pick
// another CJK face whose Han glyphs take the Japanese forms.
QFont baseFont(bool chinese) {
    QFont font;
    if (chinese)
        font.setFamilies({QStringLiteral("Noto Sans CJK SC"), font.family()});
    return font;
}

// Lays text out down a page, in device units of the PDF writer.
class PageFlow {
public:
    PageFlow(QPainter& painter, const QRectF& area, const QFont& base)
        : m_painter(painter), m_area(area), m_base(base) {
        m_y = area.top();
    }
    double y() const { return m_y; }
    double bottom() const { return m_area.bottom(); }
    void skip(double dy) { m_y += dy; }
    // Writes `text` wrapped to the area's width; returns the height used.
    double text(const QString& text, double pointSize, bool bold = false,
                const QColor& color = Qt::black) {
        if (text.isEmpty())
            return 0;
        QFont font = m_base;
        font.setPointSizeF(pointSize);
        font.setBold(bold);
        m_painter.setFont(font);
        m_painter.setPen(color);
        const QRectF box(m_area.left(), m_y, m_area.width(), m_area.bottom() - m_y);
        const QRectF used = m_painter.boundingRect(box, Qt::TextWordWrap | Qt::AlignLeft, text);
        m_painter.drawText(box, Qt::TextWordWrap | Qt::AlignLeft, text);
        m_y += used.height();
        return used.height();
    }

private:
    QPainter& m_painter;
    QRectF m_area;
    QFont m_base;
    double m_y = 0;
};

// The ladder up to `untilPos` (negative: the whole run), scaled into `area`: the whole of it when
// it fits, else the lane titles and the last stretch before the moment, as on screen.
void drawLadder(QPainter& painter, models::LadderScene& scene, double untilPos, const QRectF& area,
                const QFont& base) {
    const LadderPainter ladder(scene, untilPos, base);
    const QSizeF size(ladder.size());
    const double scale = std::min(area.width() / size.width(), 1e9);
    const double visible = area.height() / scale;  // painter units that fit
    const double header = LadderPainter::headerHeight();
    painter.save();
    painter.translate(area.left() + (area.width() - size.width() * scale) / 2, area.top());
    painter.scale(scale, scale);
    if (size.height() <= visible) {
        painter.setClipRect(QRectF(QPointF(0, 0), size));
        ladder.paint(painter);
    } else {
        // Titles on top, then the window that ends just below the moment.
        painter.save();
        painter.setClipRect(QRectF(0, 0, size.width(), header));
        ladder.paint(painter);
        painter.restore();
        const double end = size.height();
        const double from = end - (visible - header);
        painter.save();
        painter.setClipRect(QRectF(0, header, size.width(), visible - header));
        painter.translate(0, header - from);
        ladder.paint(painter);
        painter.restore();
        // A rule where the picture is cut.
        painter.setPen(QPen(QColor(0x6b, 0x72, 0x80), 1, Qt::DashLine));
        painter.drawLine(QPointF(0, header), QPointF(size.width(), header));
    }
    painter.restore();
}

}  // namespace

int HandoutWriter::pageCount(const models::HandoutContent& content) {
    return 1 + std::max<int>(1, int(content.beats.size()));
}

bool HandoutWriter::write(const QString& file, const models::HandoutContent& content,
                          std::shared_ptr<const core::Recording> recording, QString* error) {
    // Opened here, so a path that cannot be written is a plain error, not a Qt warning.
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(file, out.errorString());
        return false;
    }
    QPdfWriter pdf(&out);
    pdf.setResolution(kDpi);
    pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                  QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm),
                                  QPageLayout::Millimeter));
    pdf.setTitle(tr("%1 — handout").arg(content.title));
    pdf.setCreator(QStringLiteral("closelab"));
    QPainter painter;
    if (!painter.begin(&pdf)) {
        if (error)
            *error = tr("Cannot write %1.").arg(file);
        return false;
    }
    const QRectF page(QPointF(0, 0), QSizeF(pdf.width(), pdf.height()));
    const double mm = kDpi / 25.4;
    const QColor grey(0x55, 0x55, 0x55);
    const int pages = pageCount(content);
    const QFont base = baseFont(content.chinese);

    // A private player and scene: the handout does not move the application's time.
    models::Player player;
    models::LadderScene scene(&player);
    scene.setRecording(recording);

    const auto footer = [&](int number) {
        QFont font = base;
        font.setPointSizeF(8);
        painter.setFont(font);
        painter.setPen(grey);
        painter.drawText(QRectF(page.left(), page.bottom() - 6 * mm, page.width(), 6 * mm),
                         Qt::AlignLeft | Qt::AlignBottom, content.title);
        painter.drawText(QRectF(page.left(), page.bottom() - 6 * mm, page.width(), 6 * mm),
                         Qt::AlignRight | Qt::AlignBottom,
                         tr("Page %1 of %2").arg(number).arg(pages));
    };

    // The title page.
    {
        PageFlow flow(painter, page.adjusted(0, 0, 0, -10 * mm), base);
        flow.text(content.title, 24, true);
        flow.skip(2 * mm);
        flow.text(tr("Scenario %1 · kernel profile %2 · %3")
                      .arg(content.scenarioId, content.kernel,
                           QLocale().toString(QDate::currentDate(), QLocale::LongFormat)),
                  10, false, grey);
        flow.skip(6 * mm);
        flow.text(content.description, 12);
        flow.skip(6 * mm);
        if (!content.lesson.isEmpty()) {
            flow.text(tr("What to notice"), 14, true);
            flow.skip(2 * mm);
            flow.text(content.lesson, 12);
            flow.skip(6 * mm);
        }
        flow.text(tr("Options that differ from the defaults"), 14, true);
        flow.skip(2 * mm);
        flow.text(content.options.isEmpty() ? tr("None: every host runs the kernel profile's "
                                                 "defaults.")
                                            : content.options.join(u'\n'),
                  11);
        flow.skip(6 * mm);
        if (!content.beats.empty()) {
            flow.text(tr("Beats"), 14, true);
            flow.skip(2 * mm);
            QStringList lines;
            int n = 1;
            for (const models::LessonBeat& beat : content.beats)
                lines << tr("%1. %2 (t = %3)")
                             .arg(n++)
                             .arg(beat.caption(content.chinese), models::formatTime(beat.timeUs));
            flow.text(lines.join(u'\n'), 11);
        }
        footer(1);
    }
    // One page per beat (or one for the whole run).
    const int beatPages = std::max<int>(1, int(content.beats.size()));
    for (int i = 0; i < beatPages; ++i) {
        if (!pdf.newPage()) {
            if (error)
                *error = tr("Cannot write %1.").arg(file);
            return false;
        }
        PageFlow flow(painter, page.adjusted(0, 0, 0, -10 * mm), base);
        double until = -1;
        if (!content.beats.empty()) {
            const models::LessonBeat& beat = content.beats[std::size_t(i)];
            // Up to the beat, and as far as the segments it is about fly: a page about a lost
            // ACK shows its cross, one about a retransmission the segment arriving.
            until = player.toDisplay(beat.timeUs);
            for (const models::LadderItem& arrow : scene.arrows()->items()) {
                if (std::find(beat.focusSegments.begin(), beat.focusSegments.end(),
                              arrow.sourceIndex) != beat.focusSegments.end())
                    until = std::max(until, arrow.endPos);
            }
            flow.text(tr("Beat %1 of %2 · t = %3")
                          .arg(i + 1)
                          .arg(int(content.beats.size()))
                          .arg(models::formatTime(beat.timeUs)),
                      10, false, grey);
            flow.skip(1 * mm);
            flow.text(beat.caption(content.chinese), 16, true);
        } else {
            flow.text(tr("The whole run"), 16, true);
        }
        flow.skip(4 * mm);
        const QString notes = content.beats.empty()
                                  ? QString()
                                  : content.beats[std::size_t(i)].notes(content.chinese);
        // The notes get the space they need under the picture (at most a third of the page).
        QFont notesFont = base;
        notesFont.setPointSizeF(11);
        painter.setFont(notesFont);
        const double notesHeight =
            notes.isEmpty()
                ? 0
                : std::min(page.height() / 3,
                           painter.boundingRect(QRectF(0, 0, page.width(), page.height()),
                                                Qt::TextWordWrap, notes)
                                   .height() +
                               6 * mm);
        const QRectF picture(page.left(), flow.y(), page.width(),
                             flow.bottom() - flow.y() - notesHeight);
        drawLadder(painter, scene, until, picture, base);
        flow.skip(picture.height() + 4 * mm);
        if (!notes.isEmpty())
            flow.text(notes, 11);
        footer(i + 2);
    }
    return painter.end();
}

}  // namespace closelab::widgets
