// Typography, measured rather than eyeballed: in the real main window (offscreen, in English
// and Simplified Chinese, at 1366x768 and 1920x1080; CTest runs it again with QT_SCALE_FACTOR=2),
// no two pieces of ladder text overlap, none leaves the diagram or hides under a state band or
// a timer bar, at every playback step of every built-in scenario; the SVG export's texts fit
// their boxes and never overlap either; and every label, button and
// check box of the window gets at least the size its text needs (sizeHint from the font's
// metrics, so CJK's wider and taller glyphs count).
#include <QAbstractButton>
#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QFontMetricsF>
#include <QLabel>
#include <QQuickItem>
#include <QQuickWidget>
#include <QSettings>
#include <QStandardPaths>
#include <QStyleOptionViewItem>
#include <QTabBar>
#include <QTableView>
#include <QTest>
#include <QTreeView>

#include <algorithm>
#include <cmath>

#include "core/scenario.h"
#include "models/language_manager.h"
#include "models/player.h"
#include "test_window.h"
#include "warning_guard.h"
#include "widgets/ladder_painter.h"
#include "widgets/ladder_view.h"
#include "widgets/main_window.h"

using namespace closelab;
using closelab::widgets::MainWindow;

namespace {

// One piece of text the ladder shows, in the ladder's coordinates.
struct Shown {
    QString text;
    QRectF rect;
    bool inCanvas = false;  // scrolls with the diagram (clipped by the viewport)
};

// Text items count when they are effectively visible and not fully transparent.
bool effectivelyVisible(const QQuickItem* item) {
    for (const QQuickItem* i = item; i; i = i->parentItem()) {
        if (!i->isVisible() || i->opacity() <= 0.01)
            return false;
    }
    return true;
}

// The rectangle the glyphs occupy: the content box, placed by the item's alignment.
QRectF textRect(QQuickItem* text, QQuickItem* root) {
    const double w = std::min(text->property("contentWidth").toDouble(),
                              text->width() > 0 ? text->width() : 1e9);
    const double h = std::min(text->property("contentHeight").toDouble(),
                              text->height() > 0 ? text->height() : 1e9);
    double x = 0;
    const int align = text->property("horizontalAlignment").toInt();
    if (align & Qt::AlignHCenter)
        x = (text->width() - w) / 2;
    else if (align & Qt::AlignRight)
        x = text->width() - w;
    double y = 0;
    const int valign = text->property("verticalAlignment").toInt();
    if (valign & Qt::AlignVCenter)
        y = (text->height() - h) / 2;
    else if (valign & Qt::AlignBottom)
        y = text->height() - h;
    return text->mapRectToItem(root, QRectF(x, y, w, h));
}

// The visual tree (Repeater delegates are visual children, not QObject children, of their item).
void collectItems(QQuickItem* item, QList<QQuickItem*>& out) {
    out << item;
    const auto children = item->childItems();
    for (QQuickItem* child : children)
        collectItems(child, out);
}

bool isAncestor(const QQuickItem* ancestor, const QQuickItem* item) {
    for (const QQuickItem* i = item; i; i = i->parentItem()) {
        if (i == ancestor)
            return true;
    }
    return false;
}

// Overlap beyond a pixel of anti-aliasing in both directions.
bool overlaps(const QRectF& a, const QRectF& b) {
    const QRectF i = a.intersected(b);
    return i.width() > 1.0 && i.height() > 1.0;
}

QString describe(const QRectF& r) {
    return QStringLiteral("[%1,%2 %3x%4]")
        .arg(r.x(), 0, 'f', 0)
        .arg(r.y(), 0, 'f', 0)
        .arg(r.width(), 0, 'f', 0)
        .arg(r.height(), 0, 'f', 0);
}

// Problems of the ladder as it is shown now, one line each.
QStringList ladderProblems(QQuickItem* root) {
    QStringList problems;
    QList<QQuickItem*> items;
    collectItems(root, items);
    QQuickItem* flick = nullptr;
    for (QQuickItem* item : std::as_const(items)) {
        if (item->objectName() == QLatin1String("ladderFlickable"))
            flick = item;
    }
    if (!flick)
        return {QStringLiteral("no ladderFlickable in the ladder")};
    const QRectF viewport =
        flick->mapRectToItem(root, QRectF(0, 0, flick->width(), flick->height()));
    QList<Shown> texts;
    QList<QRectF> marks;  // state bands, timer bars and crosses
    int seen = 0;
    for (QQuickItem* item : std::as_const(items)) {
        if (!effectivelyVisible(item))
            continue;
        const bool inCanvas = isAncestor(flick, item);
        if (item->objectName() == QLatin1String("cross")) {
            // Two bars of 1.4 font sizes at +-45 degrees: about a square of one font size.
            const double size = root->property("fontPx").toDouble();
            const QPointF c = item->mapToItem(root, QPointF(0, 0));
            const QRectF r(c.x() - size / 2, c.y() - size / 2, size, size);
            if (r.intersects(viewport))
                marks << r.intersected(viewport);
            continue;
        }
        if (item->objectName() == QLatin1String("bandRect") ||
            item->objectName() == QLatin1String("timerBar")) {
            const QRectF r = item->mapRectToItem(root, QRectF(0, 0, item->width(), item->height()));
            if (r.intersects(viewport))
                marks << r.intersected(viewport);
            continue;
        }
        if (!item->inherits("QQuickText"))
            continue;
        const QString text = item->property("text").toString();
        if (text.trimmed().isEmpty())
            continue;
        ++seen;
        QRectF r = textRect(item, root);
        if (inCanvas) {
            // Scrolled out of view: not shown. Cut by the viewport's edge: only what shows counts.
            if (!r.intersects(viewport))
                continue;
            r = r.intersected(viewport);
        }
        if (r.left() < -0.5 || r.right() > root->width() + 0.5)
            problems << QStringLiteral("'%1' %2 leaves the diagram (width %3)")
                            .arg(text, describe(r))
                            .arg(root->width());
        if (item->property("truncated").toBool() && !text.contains(u'\n'))
            problems << QStringLiteral("'%1' is elided").arg(text);
        texts << Shown{text, r, inCanvas};
    }
    // The lane titles at least: a walk that finds no text would prove nothing.
    if (seen == 0)
        problems << QStringLiteral("no text found in the ladder");
    for (qsizetype i = 0; i < texts.size(); ++i) {
        for (qsizetype j = i + 1; j < texts.size(); ++j) {
            if (overlaps(texts[i].rect, texts[j].rect))
                problems << QStringLiteral("'%1' %2 overlaps '%3' %4")
                                .arg(texts[i].text, describe(texts[i].rect), texts[j].text,
                                     describe(texts[j].rect));
        }
        if (!texts[i].inCanvas)
            continue;
        for (const QRectF& mark : std::as_const(marks)) {
            if (overlaps(texts[i].rect, mark)) {
                problems << QStringLiteral("'%1' %2 lies on a band, timer or cross %3")
                                .arg(texts[i].text, describe(texts[i].rect), describe(mark));
                break;
            }
        }
    }
    return problems;
}

// Cells of an item view (rows on screen) whose text the delegate would elide: the column is
// narrower than the cell's size hint (measured with the cell's own font, bold rows included).
// A view that wraps its text must give each row the height the wrapped text needs instead.
QStringList elidedCells(QAbstractItemView* view, int& checkedCells) {
    QStringList found;
    const QAbstractItemModel* model = view->model();
    if (!model || !view->isVisible() || view->inherits("QComboBoxListView"))
        return found;
    const auto* tree = qobject_cast<QTreeView*>(view);
    const auto* table = qobject_cast<QTableView*>(view);
    const bool wraps = (tree && tree->wordWrap()) || (table && table->wordWrap());
    QList<QModelIndex> pending{QModelIndex()};
    int checked = 0;
    while (!pending.isEmpty() && checked < 400) {
        const QModelIndex parent = pending.takeFirst();
        for (int row = 0; row < model->rowCount(parent); ++row) {
            for (int column = 0; column < model->columnCount(parent); ++column) {
                const QModelIndex index = model->index(row, column, parent);
                if (column == 0 && tree && tree->isExpanded(index))
                    pending << index;
                const QRect rect = view->visualRect(index);
                if (rect.isEmpty() || !view->viewport()->rect().intersects(rect))
                    continue;
                const QString text = index.data().toString();
                if (text.isEmpty())
                    continue;
                ++checked;
                ++checkedCells;
                QStyleOptionViewItem option;
                option.initFrom(view->viewport());
                option.rect = rect;
                option.font = view->font();
                if (const QVariant font = index.data(Qt::FontRole); font.isValid())
                    option.font = font.value<QFont>();
                option.fontMetrics = QFontMetrics(option.font);
                const QSize need = view->itemDelegateForIndex(index)->sizeHint(option, index);
                const bool cut =
                    wraps ? need.height() > rect.height() + 1 : need.width() > rect.width() + 1;
                if (cut)
                    found << QStringLiteral("%1 cell '%2' is %3x%4 but needs %5x%6")
                                 .arg(view->objectName(), text)
                                 .arg(rect.width())
                                 .arg(rect.height())
                                 .arg(need.width())
                                 .arg(need.height());
            }
        }
    }
    return found;
}

QString builtinId(const core::BuiltinScenario& b) {
    return QString::fromLatin1(b.id.data(), qsizetype(b.id.size()));
}

}  // namespace

class TextLayoutTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        m_window = widgets::test::openTestWindow(this, m_languages);
        QVERIFY(m_window);
    }
    void cleanupTestCase() { delete m_window; }
    void cleanup() {
        const QStringList warnings = widgets::test::takeWarnings();
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
    }

    void ladderTextNeitherOverlapsNorLeavesTheDiagram_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QSize>("size");
        for (const char* lang : {"en", "zh_CN"}) {
            for (const QSize size : {QSize(1366, 768), QSize(1920, 1080)}) {
                QTest::addRow("%s-%dx%d", lang, size.width(), size.height())
                    << QString::fromLatin1(lang) << size;
            }
        }
    }
    void ladderTextNeitherOverlapsNorLeavesTheDiagram() {
        QFETCH(QString, language);
        QFETCH(QSize, size);
        QVERIFY(m_languages->setLanguage(language, false));
        m_window->showTab(MainWindow::Tab::Ladder);
        m_window->resize(size);
        QCoreApplication::processEvents();
        QQuickWidget* quick = m_window->ladderView()->quickWidget();
        QQuickItem* root = quick->rootObject();
        QVERIFY(root);
        models::Player* player = m_window->player();
        QStringList failures;
        for (const core::BuiltinScenario& builtin : core::builtinScenarios()) {
            const QString id = builtinId(builtin);
            QVERIFY2(m_window->openScenario(id), qPrintable(m_window->lastError()));
            QVERIFY(m_window->waitForIdle());
            player->jumpToStart();
            // Every event, and half way to the next one (segments in flight, timers counting).
            for (int step = 0; step <= player->eventCount() + 1; ++step) {
                const double here = player->displayPos();
                for (const double pos : {here, -1.0}) {
                    if (pos < 0) {
                        if (player->atEnd())
                            break;
                        player->stepForward();
                        const double next = player->displayPos();
                        player->seekDisplay((here + next) / 2);
                    }
                    // The ladder places its labels in a call queued after the change, and
                    // positioners lay out when a frame is prepared: measure what a drawn frame
                    // shows.
                    for (int round = 0; round < 2; ++round) {
                        QCoreApplication::processEvents();
                        quick->grabFramebuffer();
                    }
                    const QStringList problems = ladderProblems(root);
                    for (const QString& p : problems)
                        failures << QStringLiteral("%1 at t=%2 us: %3")
                                        .arg(id)
                                        .arg(player->timeUs())
                                        .arg(p);
                }
                if (player->atEnd())
                    break;
                player->stepForward();
            }
        }
        failures.removeDuplicates();
        const qsizetype count = failures.size();
        if (count > 40)
            failures.resize(40);
        QVERIFY2(failures.isEmpty(), qPrintable(QStringLiteral("%1 problems, first ones:\n%2")
                                                    .arg(count)
                                                    .arg(failures.join(u'\n'))));
    }

    void exportedLadderTextNeitherOverlapsNorOverflows_data() {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }
    // The SVG export (LadderPainter) draws the whole run at once: its texts, measured with the
    // fonts they are drawn in, fit their boxes, stay in the picture and never overlap.
    void exportedLadderTextNeitherOverlapsNorOverflows() {
        QFETCH(QString, language);
        QVERIFY(m_languages->setLanguage(language, false));
        QStringList failures;
        int total = 0;
        for (const core::BuiltinScenario& builtin : core::builtinScenarios()) {
            const QString id = builtinId(builtin);
            QVERIFY2(m_window->openScenario(id), qPrintable(m_window->lastError()));
            QVERIFY(m_window->waitForIdle());
            const widgets::LadderPainter painter(*m_window->ladderScene());
            const QRectF canvas(QPointF(0, 0), QSizeF(painter.size()));
            const auto& labels = painter.labels();
            total += int(labels.size());
            for (qsizetype i = 0; i < labels.size(); ++i) {
                const auto& a = labels[i];
                const QRectF needed = QFontMetricsF(a.font).boundingRect(a.rect, a.flags, a.text);
                if (needed.width() > a.rect.width() + 1 || needed.height() > a.rect.height() + 1)
                    failures << QStringLiteral("%1: '%2' needs %3 but has %4")
                                    .arg(id, a.text, describe(needed), describe(a.rect));
                if (!canvas.contains(a.rect))
                    failures << QStringLiteral("%1: '%2' %3 leaves the picture %4")
                                    .arg(id, a.text, describe(a.rect), describe(canvas));
                for (qsizetype j = i + 1; j < labels.size(); ++j) {
                    if (overlaps(a.rect, labels[j].rect))
                        failures << QStringLiteral("%1: '%2' %3 overlaps '%4' %5")
                                        .arg(id, a.text, describe(a.rect), labels[j].text,
                                             describe(labels[j].rect));
                }
            }
        }
        // Lane titles alone give two texts per lane; a painter that placed nothing would pass.
        QVERIFY2(total > 200, qPrintable(QString::number(total)));
        const qsizetype count = failures.size();
        if (count > 40)
            failures.resize(40);
        QVERIFY2(failures.isEmpty(), qPrintable(QStringLiteral("%1 problems, first ones:\n%2")
                                                    .arg(count)
                                                    .arg(failures.join(u'\n'))));
    }

    void everyLabelAndButtonGetsTheSizeItsTextNeeds_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("tab");
        for (const char* lang : {"en", "zh_CN"}) {
            QTest::addRow("%s-ladder", lang) << QString::fromLatin1(lang) << 0;
            QTest::addRow("%s-load", lang) << QString::fromLatin1(lang) << 1;
            QTest::addRow("%s-compare", lang) << QString::fromLatin1(lang) << 2;
        }
    }
    void everyLabelAndButtonGetsTheSizeItsTextNeeds() {
        QFETCH(QString, language);
        QFETCH(int, tab);
        QVERIFY(m_languages->setLanguage(language, false));
        m_window->resize(1366, 768);
        QVERIFY(m_window->openScenario(QStringLiteral("lb-web-db")));
        QVERIFY(m_window->waitForIdle());
        m_window->showTab(MainWindow::Tab(tab));
        QVERIFY(m_window->waitForIdle());
        // Mid-run, as in the screenshots: the current row of the trace is bold.
        m_window->player()->seekTime(1031000);
        QTest::qWait(50);
        if (tab == 2) {
            m_window->pinLoad();
            QVERIFY(m_window->applyOption(QStringLiteral("net.ipv4.tcp_tw_reuse=1")));
            m_window->runLoad();
            QVERIFY(m_window->waitForIdle());
        }
        QCoreApplication::processEvents();
        QStringList failures;
        int cells = 0;
        const auto widgets = m_window->findChildren<QWidget*>();
        for (QWidget* w : widgets) {
            if (!w->isVisible() || w->width() <= 0)
                continue;
            // Inside a scroll area the user can scroll to it; only what is laid out counts.
            QString text;
            QSize need;
            if (auto* label = qobject_cast<QLabel*>(w)) {
                text = label->text();
                if (text.isEmpty() || label->pixmap().cacheKey() != 0)
                    continue;
                need = label->wordWrap() ? QSize(label->minimumSizeHint().width(),
                                                 label->heightForWidth(label->width()))
                                         : label->sizeHint();
            } else if (auto* button = qobject_cast<QAbstractButton*>(w)) {
                text = button->text();
                if (text.isEmpty())
                    continue;
                need = button->sizeHint();
            } else if (auto* view = qobject_cast<QAbstractItemView*>(w)) {
                failures << elidedCells(view, cells);
                continue;
            } else if (auto* combo = qobject_cast<QComboBox*>(w)) {
                text = combo->currentText();
                if (text.isEmpty())
                    continue;
                need = combo->sizeHint();
            } else {
                continue;
            }
            // A tab bar's own scroll buttons and the dock title buttons draw icons only.
            if (qobject_cast<QTabBar*>(w->parentWidget()))
                continue;
            if (w->width() < need.width() || w->height() < need.height())
                failures << QStringLiteral("%1 '%2' is %3x%4 but needs %5x%6")
                                .arg(QString::fromLatin1(w->metaObject()->className()) + u' ' +
                                         w->objectName() + u' ' +
                                         (w->parentWidget() ? w->parentWidget()->objectName()
                                                            : QString()),
                                     text)
                                .arg(w->width())
                                .arg(w->height())
                                .arg(need.width())
                                .arg(need.height());
        }
        // The trace or the option tree is on screen in every tab: cells must have been checked.
        QVERIFY2(cells > 20, qPrintable(QString::number(cells)));
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
    }

private:
    models::LanguageManager* m_languages = nullptr;
    MainWindow* m_window = nullptr;
};

QTEST_MAIN(TextLayoutTest)
#include "text_layout_test.moc"
