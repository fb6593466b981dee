// The window on classroom screens (1024x768 and 1280x720 projectors), offscreen: where it opens,
// that tab switches keep its size and every tab fits, that the playback keys reach the playback
// wherever the focus is, that the ladder keeps the current step in view, the segment label
// detail levels and relative sequence numbers, and the fixes a teacher found (the Options tree's
// per-host values, the explanation's note, the try suggestions, the help texts).
#include <QAbstractProxyModel>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QQuickItem>
#include <QQuickWidget>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>
#include <cstdio>

#include "core/recording.h"
#include "models/current_note.h"
#include "models/ladder_scene.h"
#include "models/language_manager.h"
#include "models/options_model.h"
#include "models/player.h"
#include "models/session.h"
#include "models/trace_model.h"
#include "test_window.h"
#include "warning_guard.h"
#include "widgets/explanation_panel.h"
#include "widgets/ladder_view.h"
#include "widgets/main_window.h"
#include "widgets/option_editor.h"
#include "widgets/playback_bar.h"
#include "widgets/recording_export.h"
#include "widgets/table_panel.h"
#include "widgets/window_geometry.h"

using namespace closelab;
using closelab::widgets::MainWindow;

namespace {

QQuickItem* ladderRoot(MainWindow* window) {
    return window->ladderView()->quickWidget()->rootObject();
}

QQuickItem* flickable(MainWindow* window) {
    return ladderRoot(window)->findChild<QQuickItem*>(QStringLiteral("ladderFlickable"));
}

void collect(QQuickItem* item, QList<QQuickItem*>& out) {
    out << item;
    for (QQuickItem* child : item->childItems())
        collect(child, out);
}

// Whether the segment p-q passes through rectangle r (Liang-Barsky).
bool crosses(const QRectF& r, QPointF p, QPointF q) {
    double t0 = 0;
    double t1 = 1;
    const double dx = q.x() - p.x();
    const double dy = q.y() - p.y();
    const double edges[4][2] = {{-dx, p.x() - r.left()},
                                {dx, r.right() - p.x()},
                                {-dy, p.y() - r.top()},
                                {dy, r.bottom() - p.y()}};
    for (const auto& [pe, qe] : edges) {
        if (pe == 0) {
            if (qe < 0)
                return false;
            continue;
        }
        const double t = qe / pe;
        if (pe < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 > t1)
            return false;
    }
    return true;
}

}  // namespace

class ClassroomTest : public QObject {
    Q_OBJECT

private:
    MainWindow* m_window = nullptr;
    models::LanguageManager* m_languages = nullptr;

    bool open(const QString& id) {
        if (!m_window->openScenario(id))
            return false;
        return m_window->waitForIdle();
    }
    void settle() {
        for (int i = 0; i < 3; ++i) {
            QCoreApplication::processEvents();
            QTest::qWait(5);
        }
    }

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

    void firstStartGeometryFitsTheScreen_data() {
        QTest::addColumn<QRect>("available");
        QTest::addColumn<QRect>("expected");
        QTest::newRow("1920x1080") << QRect(0, 0, 1920, 1040) << QRect(144, 78, 1632, 884);
        QTest::newRow("1280x720") << QRect(0, 0, 1280, 720) << QRect(96, 10, 1088, 700);
        QTest::newRow("1024x768 with a panel")
            << QRect(0, 32, 1024, 736) << QRect(0, 50, 1024, 700);
        QTest::newRow("800x600") << QRect(0, 0, 800, 600) << QRect(0, 0, 800, 600);
        QTest::newRow("second screen") << QRect(1920, 0, 1366, 768) << QRect(2022, 34, 1161, 700);
    }
    void firstStartGeometryFitsTheScreen() {
        QFETCH(QRect, available);
        QFETCH(QRect, expected);
        QCOMPARE(widgets::firstStartGeometry(available), expected);
    }

    void firstStartOpensAtTheScreensSize() {
        QSettings().clear();
        MainWindow window(m_languages);
        window.setInteractive(false);
        window.restoreSettings();
        const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
        QCOMPARE(window.geometry().size(), widgets::firstStartGeometry(available).size());
        QVERIFY(window.waitForIdle());
    }

    void tabSwitchesKeepTheWindowSize_data() {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1024x768") << QSize(1024, 768);
        QTest::newRow("1280x720") << QSize(1280, 720);
    }
    void tabSwitchesKeepTheWindowSize() {
        QFETCH(QSize, size);
        QVERIFY(open(QStringLiteral("lost-final-ack")));
        m_window->showTab(MainWindow::Tab::Ladder);
        m_window->resize(size);
        settle();
        QCOMPARE(m_window->size(), size);
        for (const auto tab :
             {MainWindow::Tab::Load, MainWindow::Tab::Compare, MainWindow::Tab::Practice,
              MainWindow::Tab::Ladder, MainWindow::Tab::Load, MainWindow::Tab::Practice,
              MainWindow::Tab::Ladder}) {
            m_window->showTab(tab);
            QVERIFY(m_window->waitForIdle());
            settle();
            if (m_window->size() != size) {
                for (QWidget* w : m_window->findChildren<QWidget*>()) {
                    if (w->isVisible() &&
                        (qobject_cast<QDockWidget*>(w) || w == m_window->centralWidget() ||
                         w->minimumSizeHint().width() > 200))
                        std::fprintf(stderr, "%s %s hint %d min %d w %d\n",
                                     w->metaObject()->className(), qPrintable(w->objectName()),
                                     w->minimumSizeHint().width(), w->minimumSize().width(),
                                     w->width());
                }
            }
            QVERIFY2(m_window->size() == size, qPrintable(QStringLiteral("tab %1: %2x%3")
                                                              .arg(int(tab))
                                                              .arg(m_window->width())
                                                              .arg(m_window->height())));
            // Nothing on the tab asks for more than a 1024-pixel projector has.
            QVERIFY2(m_window->minimumSizeHint().width() <= 1024,
                     qPrintable(QString::number(m_window->minimumSizeHint().width())));
            QVERIFY2(m_window->minimumSize().width() <= 1024,
                     qPrintable(QString::number(m_window->minimumSize().width())));
        }
        m_window->resize(1366, 768);
    }

    void playbackKeysWorkWhereverTheFocusIs() {
        QVERIFY(open(QStringLiteral("lost-final-ack")));
        m_window->showTab(MainWindow::Tab::Ladder);
        m_window->activateWindow();
        models::Player* player = m_window->player();
        const QList<QWidget*> places{
            m_window->optionEditor()->findChild<QTreeView*>(QStringLiteral("optionTree")),
            m_window->explanationPanel()->findChild<QTextBrowser*>(
                QStringLiteral("explanationText")),
            m_window->tracePanel()->findChild<QAbstractItemView*>(),
            m_window->ladderView()->quickWidget(),
        };
        for (QWidget* place : places) {
            QVERIFY(place);
            place->setFocus();
            QTRY_VERIFY(place->hasFocus());
            player->jumpToStart();
            QTest::keyClick(place, Qt::Key_Right);
            QVERIFY2(player->timeUs() > 0, qPrintable(place->objectName()));
            const qint64 first = player->timeUs();
            QTest::keyClick(place, Qt::Key_PageDown);
            QVERIFY2(player->timeUs() > first, qPrintable(place->objectName()));
            QTest::keyClick(place, Qt::Key_PageUp);
            QCOMPARE(player->timeUs(), first);
            QTest::keyClick(place, Qt::Key_End);
            QVERIFY2(player->atEnd(), qPrintable(place->objectName()));
            QTest::keyClick(place, Qt::Key_Home);
            QVERIFY2(player->atStart(), qPrintable(place->objectName()));
            QTest::keyClick(place, Qt::Key_Space);
            QVERIFY2(player->isPlaying(), qPrintable(place->objectName()));
            QTest::keyClick(place, Qt::Key_Space);
            QVERIFY(!player->isPlaying());
        }
        // Typing into the option filter: Space is a space; Esc hands the focus to the ladder.
        auto* filter =
            m_window->optionEditor()->findChild<QLineEdit*>(QStringLiteral("optionFilter"));
        QVERIFY(filter);
        filter->setFocus();
        QTRY_VERIFY(filter->hasFocus());
        player->jumpToStart();
        QTest::keyClicks(filter, QStringLiteral("tw "));
        QCOMPARE(filter->text(), QStringLiteral("tw "));
        QVERIFY(!player->isPlaying());
        QTest::keyClick(filter, Qt::Key_Right);
        QVERIFY(player->atStart());
        // The trailing space does not empty the tree.
        auto* tree = m_window->optionEditor()->findChild<QTreeView*>(QStringLiteral("optionTree"));
        QVERIFY(tree->model()->rowCount() > 0);
        QTest::keyClick(filter, Qt::Key_Escape);
        QTRY_VERIFY(m_window->ladderView()->quickWidget()->hasFocus());
        QTest::keyClick(m_window->ladderView()->quickWidget(), Qt::Key_Space);
        QVERIFY(player->isPlaying());
        player->pause();
        filter->clear();
    }

    void theCurrentStepStaysInView_data() {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QString>("scenario");
        for (const QSize size : {QSize(1280, 720), QSize(1024, 768)}) {
            for (const char* id :
                 {"lost-final-ack", "normal-close", "server-closes-first", "nat-tw-recycle"}) {
                QTest::addRow("%dx%d-%s", size.width(), size.height(), id)
                    << size << QString::fromLatin1(id);
            }
        }
    }
    void theCurrentStepStaysInView() {
        QFETCH(QSize, size);
        QFETCH(QString, scenario);
        if (!m_window->openScenario(scenario))
            QSKIP(qPrintable(m_window->lastError()));
        QVERIFY(m_window->waitForIdle());
        m_window->showTab(MainWindow::Tab::Ladder);
        m_window->resize(size);
        settle();
        QQuickItem* root = ladderRoot(m_window);
        QQuickItem* flick = flickable(m_window);
        QVERIFY(root && flick);
        models::LadderScene* scene = m_window->ladderScene();
        models::Player* player = m_window->player();
        player->jumpToStart();
        int checked = 0;
        QStringList failures;
        for (int step = 0; step < 400 && !player->atEnd(); ++step) {
            player->stepForward();
            settle();
            const int segment = scene->currentSegment();
            if (segment < 0)
                continue;
            const double unit = root->property("unitPx").toDouble();
            const double top = root->property("topMargin").toDouble();
            const double contentY = flick->property("contentY").toDouble();
            const double height = flick->height();
            const auto span = scene->segmentSpan(segment);
            const double y1 = top + span.first * unit;
            const double y2 = top + span.second * unit;
            // A view too short for the whole step keeps the playhead: only check what fits
            // (with room for a label above and below).
            const double playhead = top + player->displayPos() * unit;
            const double margins = root->property("fontPx").toDouble() * 5;
            if (std::max(y2, playhead) - y1 + margins > height)
                continue;
            ++checked;
            if (y1 < contentY - 0.5 || std::min(y2, playhead) > contentY + height + 0.5)
                failures << QStringLiteral("t=%1 segment %2: arrow %3..%4, view %5..%6")
                                .arg(player->timeUs())
                                .arg(segment)
                                .arg(y1)
                                .arg(y2)
                                .arg(contentY)
                                .arg(contentY + height);
            // A retransmission keeps the segment it repeats (the lost one and its cross) in view.
            const double focusTop = top + scene->focusStart() * unit;
            const double focusBottom = top + scene->focusEnd() * unit;
            if (std::max(focusBottom, playhead) - focusTop + margins <= height &&
                (focusTop < contentY - 0.5))
                failures << QStringLiteral("t=%1: repeated segment above the view (%2 < %3)")
                                .arg(player->timeUs())
                                .arg(focusTop)
                                .arg(contentY);
        }
        QVERIFY2(checked > 3, qPrintable(QString::number(checked)));
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
        m_window->resize(1366, 768);
    }

    void lostFinalAckAndItsCrossAreInViewAt242ms() {
        QVERIFY(open(QStringLiteral("lost-final-ack")));
        m_window->showTab(MainWindow::Tab::Ladder);
        m_window->resize(1280, 720);
        settle();
        models::LadderScene* scene = m_window->ladderScene();
        models::Player* player = m_window->player();
        player->jumpToStart();
        player->seekTime(242000);
        settle();
        const auto* rec = scene->recording();
        int lost = -1;
        for (std::size_t i = 0; i < rec->segments.size(); ++i) {
            if (rec->segments[i].fate != core::Fate::Delivered && rec->segments[i].tUs <= 242000)
                lost = int(i);
        }
        QVERIFY(lost >= 0);
        QQuickItem* root = ladderRoot(m_window);
        QQuickItem* flick = flickable(m_window);
        const double unit = root->property("unitPx").toDouble();
        const double top = root->property("topMargin").toDouble();
        const auto span = scene->segmentSpan(lost);
        const double start = top + span.first * unit;
        const double cross = start + (top + span.second * unit - start) * 0.55;
        const double contentY = flick->property("contentY").toDouble();
        QVERIFY2(start >= contentY && cross <= contentY + flick->height(),
                 qPrintable(QStringLiteral("lost ACK %1..%2, view %3..%4")
                                .arg(start)
                                .arg(cross)
                                .arg(contentY)
                                .arg(contentY + flick->height())));
        m_window->resize(1366, 768);
    }

    void labelsStayWithTheirArrows_data() {
        QTest::addColumn<QString>("scenario");
        for (const char* id : {"lost-final-ack", "tw-reuse", "lb-web-db", "nat-tw-recycle"})
            QTest::newRow(id) << QString::fromLatin1(id);
    }
    void labelsStayWithTheirArrows() {
        // Above the playhead (in what has happened), below the sticky host header (in view),
        // and no other segment's line through them; at 1280x720, on every step.
        QFETCH(QString, scenario);
        QVERIFY(open(scenario));
        m_window->showTab(MainWindow::Tab::Ladder);
        m_window->resize(1280, 720);
        settle();
        QQuickItem* root = ladderRoot(m_window);
        QQuickItem* flick = flickable(m_window);
        models::Player* player = m_window->player();
        player->jumpToStart();
        QStringList failures;
        int labels = 0;
        for (int step = 0; step < 120 && !player->atEnd(); ++step) {
            player->stepForward();
            settle();
            QTest::qWait(20);  // the label pass runs on Qt.callLater
            const double contentY = flick->property("contentY").toDouble();
            const double playheadY = root->property("playheadY").toDouble();
            QList<QQuickItem*> items;
            collect(flick, items);
            QList<QQuickItem*> arrows;
            for (QQuickItem* item : items) {
                if (item->property("x1").isValid() && item->property("progress").isValid())
                    arrows << item;
            }
            for (QQuickItem* item : items) {
                if (item->objectName() != QLatin1String("arrowLabel") || !item->isVisible())
                    continue;
                ++labels;
                QQuickItem* own = item->parentItem();
                const QRectF r(item->x(), item->y(), item->width(), item->height());
                const QString where = QStringLiteral("t=%1 label at %2,%3 %4x%5")
                                          .arg(player->timeUs())
                                          .arg(r.x())
                                          .arg(r.y())
                                          .arg(r.width())
                                          .arg(r.height());
                if (r.bottom() > playheadY + 3.5)
                    failures << where + QStringLiteral(" below the playhead %1").arg(playheadY);
                if (r.top() < contentY - 0.5)
                    failures
                        << where + QStringLiteral(" under the header (view from %1)").arg(contentY);
                for (QQuickItem* arrow : arrows) {
                    if (arrow == own || !arrow->isVisible())
                        continue;
                    const double progress = arrow->property("progress").toDouble();
                    if (progress <= 0)
                        continue;
                    const QPointF p(arrow->property("x1").toDouble(),
                                    arrow->property("y1").toDouble());
                    const QPointF q(arrow->property("x2").toDouble(),
                                    arrow->property("y2").toDouble());
                    // Shrunk by a pixel: a line that only touches the edge is not through it.
                    if (crosses(r.adjusted(1, 1, -1, -1), p, p + (q - p) * progress))
                        failures << where + QStringLiteral(" crossed by another segment");
                }
            }
        }
        m_window->resize(1366, 768);
        QVERIFY2(labels > 10, qPrintable(QString::number(labels)));
        QVERIFY2(failures.isEmpty(),
                 qPrintable(QStringLiteral("%1 problems:\n").arg(failures.size()) +
                            failures.mid(0, 12).join(u'\n')));
    }

    void segmentLabelsHaveThreeDetailLevels() {
        QVERIFY(open(QStringLiteral("normal-close")));
        models::LadderScene* scene = m_window->ladderScene();
        auto* arrows = scene->arrows();
        const int detailRole = arrows->roleNames().key("detail");
        const int labelRole = arrows->roleNames().key("label");
        QVERIFY(detailRole > 0 && labelRole > 0);
        const auto detailOf = [&](int row) {
            return arrows->index(row).data(detailRole).toString();
        };
        // Relative by default: the SYN is seq=0, the next segments of its side seq=1.
        QCOMPARE(scene->detailLevel(), models::LadderScene::DetailLevel::Numbers);
        QVERIFY2(detailOf(0).startsWith(QStringLiteral("seq=0\u00a0ack=0")),
                 qPrintable(detailOf(0)));
        QVERIFY(!detailOf(0).contains(QStringLiteral("TSval")));
        auto* cycle = m_window->findChild<QAction*>(QStringLiteral("actionLabelDetailCycle"));
        QVERIFY(cycle);
        QCOMPARE(cycle->shortcut(), QKeySequence(Qt::Key_D));
        cycle->trigger();
        QCOMPARE(scene->detailLevel(), models::LadderScene::DetailLevel::Options);
        QVERIFY2(detailOf(0).contains(QStringLiteral("TSval=")), qPrintable(detailOf(0)));
        QVERIFY(detailOf(0).contains(QStringLiteral("win=")));
        cycle->trigger();
        QCOMPARE(scene->detailLevel(), models::LadderScene::DetailLevel::Flags);
        QVERIFY2(detailOf(0).isEmpty(), qPrintable(detailOf(0)));
        QVERIFY(!arrows->index(0).data(labelRole).toString().isEmpty());
        auto* numbers = m_window->findChild<QAction*>(QStringLiteral("actionLabelDetail1"));
        QVERIFY(numbers && numbers->isCheckable());
        numbers->trigger();
        QCOMPARE(scene->detailLevel(), models::LadderScene::DetailLevel::Numbers);

        // Absolute on request, in the ladder and the trace alike.
        const core::RecSegment& syn = scene->recording()->segments.front();
        models::TraceModel* trace = m_window->traceModel();
        QCOMPARE(trace->index(0, models::TraceModel::SeqColumn).data().toULongLong(), 0ull);
        auto* absolute =
            m_window->findChild<QAction*>(QStringLiteral("actionAbsoluteSequenceNumbers"));
        QVERIFY(absolute && !absolute->isChecked());
        absolute->trigger();
        QVERIFY(detailOf(0).startsWith(QStringLiteral("seq=%1").arg(syn.seq)));
        QCOMPARE(trace->index(0, models::TraceModel::SeqColumn).data().toULongLong(),
                 qulonglong(syn.seq));
        absolute->trigger();
        QCOMPARE(trace->index(0, models::TraceModel::SeqColumn).data().toULongLong(), 0ull);
        // The CSV export keeps the wire's numbers and adds the relative ones.
        const QStringList csv = widgets::traceCsv(*scene->recording()).split(u'\n');
        QVERIFY(csv.first().endsWith(QStringLiteral(",rel_seq,rel_ack")));
        const QStringList first = csv.at(1).split(u',');
        QCOMPARE(first.at(6), QString::number(syn.seq));
        QCOMPARE(first.at(first.size() - 2), QStringLiteral("0"));
    }

    void optionsTreeShowsEachHostsOwnValueFirst_data() {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("value");
        QTest::newRow("tw-bucket-overflow") << "tw-bucket-overflow"
                                            << "client"
                                            << "net.ipv4.tcp_max_tw_buckets"
                                            << "5";
        QTest::newRow("nat-tw-recycle") << "nat-tw-recycle"
                                        << "server"
                                        << "net.ipv4.tcp_tw_recycle"
                                        << "1";
    }
    void optionsTreeShowsEachHostsOwnValueFirst() {
        QFETCH(QString, scenario);
        QFETCH(QString, host);
        QFETCH(QString, option);
        QFETCH(QString, value);
        QVERIFY(open(scenario));
        models::OptionsModel* model = m_window->optionsModel();
        // The hosts come before the all-hosts defaults.
        QCOMPARE(model->index(1, 0).data(models::OptionsModel::NodeKindRole).toString(),
                 QStringLiteral("scope"));
        QVERIFY(!model->index(1, 0).data(models::OptionsModel::HostRole).toString().isEmpty());
        const int scopes = model->rowCount();
        QVERIFY(
            model->index(scopes - 1, 0).data(models::OptionsModel::HostRole).toString().isEmpty());
        const QModelIndex own =
            model->indexOfOption(host, option, models::OptionsModel::ValueColumn);
        QCOMPARE(own.data(models::OptionsModel::ValueRole).toString(), value);
        // The all-hosts row says which host runs with something else.
        const QModelIndex all =
            model->indexOfOption(QString(), option, models::OptionsModel::ValueColumn);
        const QString shown = all.data().toString();
        QVERIFY2(shown.contains(host) || shown.contains(QStringLiteral("Server")) ||
                     shown.contains(QStringLiteral("Client")),
                 qPrintable(shown));
        QVERIFY2(shown.contains(value == QLatin1String("1") ? QStringLiteral("on") : value),
                 qPrintable(shown));
        // Edits still see the plain value.
        QVERIFY(!all.data(Qt::EditRole).toString().contains(u'('));
    }

    void twoNotesAtOneInstantShowTheMoreTellingOne() {
        QVERIFY(open(QStringLiteral("tw-reuse")));
        models::Player* player = m_window->player();
        player->seekTime(1500000);
        settle();
        const QString text = m_window->explanationPanel()->plainText();
        QVERIFY2(text.contains(QStringLiteral("takes over TIME_WAIT")), qPrintable(text));
        QVERIFY2(m_window->ladderScene()->noteText().contains(QStringLiteral("takes over")),
                 qPrintable(m_window->ladderScene()->noteText()));
        QVERIFY(models::notePriority(core::NoteId::TimeWaitReused) >
                models::notePriority(core::NoteId::ConnectStarted));
        QVERIFY(models::notePriority(core::NoteId::ConnectStarted) <
                models::notePriority(core::NoteId::FinRetransmitted));
    }

    void theExplanationFollowsEveryStep() {
        QVERIFY(open(QStringLiteral("lost-final-ack")));
        models::Player* player = m_window->player();
        const auto* rec = m_window->ladderScene()->recording();
        player->jumpToStart();
        for (int step = 0; step < 40 && !player->atEnd(); ++step) {
            player->stepForward();
            settle();
            const int note = models::currentNoteIndex(rec->notes, player->timeUs());
            if (note < 0)
                continue;
            const QString text = m_window->explanationPanel()->plainText();
            const QString expected = m_window->ladderScene()->noteText();
            QVERIFY2(
                text.contains(expected.left(30)),
                qPrintable(
                    QStringLiteral("t=%1: %2 | %3").arg(player->timeUs()).arg(text, expected)));
        }
    }

    void aStepWithoutANoteSaysWhatItShows() {
        QVERIFY(open(QStringLiteral("lost-final-ack")));
        models::Player* player = m_window->player();
        player->seekTime(10000);
        settle();
        QVERIFY(m_window->explanationPanel()->plainText().contains(QStringLiteral("SYN sent")));
        // 10.5 ms: the server's SYN-ACK leaves; no note is written at that instant.
        player->stepForward();
        settle();
        QCOMPARE(player->timeUs(), qint64(10500));
        const QString text = m_window->explanationPanel()->plainText();
        QVERIFY2(text.contains(QStringLiteral("At 10.500 ms")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Server sends SYN, ACK to Client.")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Before this, at 10.000 ms")), qPrintable(text));
        player->stepForward();
        settle();
        QVERIFY(m_window->explanationPanel()->plainText().contains(QStringLiteral("ESTABLISHED")));
    }

    void crowdedSocketsNameTheirPorts() {
        QVERIFY(open(QStringLiteral("tw-reuse")));
        models::LadderScene* scene = m_window->ladderScene();
        auto* bands = scene->bands();
        const int labelRole = bands->roleNames().key("label");
        int withPort = 0;
        for (int i = 0; i < bands->rowCount(); ++i) {
            if (bands->index(i).data(labelRole).toString().startsWith(
                    QStringLiteral("TIME_WAIT\u00a0:400")))
                ++withPort;
        }
        QVERIFY2(withPort >= 10, qPrintable(QString::number(withPort)));
        // The SYN that takes a TIME_WAIT over says which.
        auto* arrows = scene->arrows();
        const int detailRole = arrows->roleNames().key("detail");
        bool said = false;
        for (int i = 0; i < arrows->rowCount(); ++i) {
            if (arrows->index(i)
                    .data(detailRole)
                    .toString()
                    .contains(QStringLiteral("takes\u00a0over\u00a0TIME_WAIT\u00a0:40000")))
                said = true;
        }
        QVERIFY(said);
    }

    void tryButtonsApplyTheChangeAndSayWhatChanged() {
        QVERIFY(open(QStringLiteral("lost-final-ack")));
        const auto buttons = m_window->explanationPanel()->suggestionButtons();
        QCOMPARE(buttons.size(), 1);
        QCOMPARE(buttons.front()->text(), QStringLiteral("Try: closelab.time_wait_len_ms=0"));
        QVERIFY(buttons.front()->isVisibleTo(m_window));
        buttons.front()->click();
        QVERIFY(m_window->waitForIdle());
        settle();
        const QString result = m_window->explanationPanel()->tryResultText();
        QVERIFY2(result.contains(QStringLiteral("Resets sent: 0 → 1")), qPrintable(result));
        QVERIFY2(result.contains(QStringLiteral("No longer: Client: 10.0.0.1:36022 &lt;-&gt; "
                                                "10.0.0.2:80 enters TIME_WAIT")),
                 qPrintable(result));
        QCOMPARE(m_window->optionsModel()
                     ->indexOfOption(QString(), QStringLiteral("closelab.time_wait_len_ms"),
                                     models::OptionsModel::ValueColumn)
                     .data(models::OptionsModel::ValueRole)
                     .toString(),
                 QStringLiteral("0"));
        auto* undo =
            m_window->explanationPanel()->findChild<QPushButton*>(QStringLiteral("undoTry"));
        QVERIFY(undo && undo->isVisibleTo(m_window));
        undo->click();
        QVERIFY(m_window->waitForIdle());
        QVERIFY(m_window->explanationPanel()->tryResultText().isEmpty());
        QVERIFY(m_window->session()->overrides().empty());
    }

    void helpTextsAreTidy() {
        QVERIFY(open(QStringLiteral("normal-close")));
        // The option help names its option once.
        auto* tree = m_window->optionEditor()->findChild<QTreeView*>(QStringLiteral("optionTree"));
        auto* help =
            m_window->optionEditor()->findChild<QTextBrowser*>(QStringLiteral("optionHelp"));
        const QModelIndex source = m_window->optionsModel()->indexOfOption(
            QString(), QStringLiteral("net.ipv4.tcp_tw_reuse"));
        auto* proxy = qobject_cast<QAbstractProxyModel*>(tree->model());
        QVERIFY(proxy && source.isValid());
        tree->setCurrentIndex(proxy->mapFromSource(source));
        QCOMPARE(help->toPlainText().count(QStringLiteral("net.ipv4.tcp_tw_reuse")), 1);
        // The glossary opens at its heading, wherever the previous entry was scrolled to.
        auto* glossary =
            m_window->explanationPanel()->findChild<QTextBrowser*>(QStringLiteral("glossaryText"));
        m_window->explanationPanel()->showGlossaryEntry(QStringLiteral("TIME_WAIT"));
        glossary->resize(200, 60);
        settle();
        glossary->verticalScrollBar()->setValue(glossary->verticalScrollBar()->maximum());
        m_window->explanationPanel()->showGlossaryEntry(QStringLiteral("MSL"));
        settle();
        QCOMPARE(glossary->verticalScrollBar()->value(), 0);
        // The speed says what 1x means.
        auto* speed = m_window->findChild<QComboBox*>(QStringLiteral("speedCombo"));
        QVERIFY(speed);
        QVERIFY2(speed->toolTip().contains(QStringLiteral("wall time")) &&
                     speed->toolTip().contains(QStringLiteral("compressed")),
                 qPrintable(speed->toolTip()));
    }

    void aLanguageSwitchRewritesThePlaybackTime() {
        QVERIFY(open(QStringLiteral("normal-close")));
        m_window->player()->seekTime(40500);
        settle();
        auto* time = m_window->findChild<QLabel*>(QStringLiteral("playbackTime"));
        QVERIFY(time);
        QVERIFY2(time->text().endsWith(QStringLiteral("\u00a0ms")), qPrintable(time->text()));
        QVERIFY(m_languages->setLanguage(QStringLiteral("zh_CN"), false));
        settle();
        const QString chinese = time->text();
        QVERIFY(m_languages->setLanguage(QStringLiteral("en"), false));
        settle();
        QVERIFY2(!chinese.endsWith(QStringLiteral("\u00a0ms")), qPrintable(chinese));
        QVERIFY(time->text().endsWith(QStringLiteral("\u00a0ms")));
    }
};

QTEST_MAIN(ClassroomTest)
#include "classroom_test.moc"
