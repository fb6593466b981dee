// The main window end to end, offscreen: every built-in scenario played to the end and back,
// one option of each kind changed through its editor, a load run pinned and compared, every
// export format written, keyboard playback, language switch, layout at 1366x768 and 4K.
#include <QAbstractItemView>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QQuickWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include "core/recording.h"
#include "core/scenario.h"
#include "models/ladder_scene.h"
#include "models/language_manager.h"
#include "models/options_model.h"
#include "models/player.h"
#include "models/scenario_list_model.h"
#include "models/session.h"
#include "models/socket_table_model.h"
#include "models/trace_model.h"
#include "test_window.h"
#include "warning_guard.h"
#include "widgets/compare_panel.h"
#include "widgets/explanation_panel.h"
#include "widgets/ladder_view.h"
#include "widgets/linger_editor.h"
#include "widgets/load_form.h"
#include "widgets/load_panel.h"
#include "widgets/main_window.h"
#include "widgets/option_delegate.h"
#include "widgets/option_editor.h"
#include "widgets/port_range_editor.h"
#include "widgets/scenario_browser.h"
#include "widgets/shortcuts_dialog.h"
#include "widgets/state_plot.h"
#include "widgets/table_panel.h"

using namespace closelab;
using closelab::widgets::MainWindow;

namespace {

QByteArray readAll(const QString& file) {
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

class MainWindowTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        m_window = widgets::test::openTestWindow(this, m_languages);
        QVERIFY(m_window);
        QVERIFY(m_window->openScenario(QStringLiteral("normal-close")));
        QVERIFY(m_window->waitForIdle());
    }
    void cleanupTestCase() { delete m_window; }
    void cleanup() {
        const QStringList warnings = widgets::test::takeWarnings();
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
    }

    void everyBuiltinScenarioPlaysToTheEndAndStepsBackExactly() {
        models::Player* player = m_window->player();
        for (const core::BuiltinScenario& builtin : core::builtinScenarios()) {
            const QString id = QString::fromLatin1(builtin.id.data(), qsizetype(builtin.id.size()));
            QVERIFY2(m_window->openScenario(id), qPrintable(id + u' ' + m_window->lastError()));
            QVERIFY(m_window->waitForIdle());
            QCOMPARE(m_window->session()->scenarioId(), id);
            QVERIFY2(m_window->session()->recording(), qPrintable(id));
            QVERIFY2(player->eventCount() > 0, qPrintable(id));
            player->jumpToStart();
            QVector<qint64> forward{player->timeUs()};
            for (int i = 0; i <= player->eventCount() + 1 && !player->atEnd(); ++i) {
                player->stepForward();
                forward << player->timeUs();
            }
            QVERIFY2(player->atEnd(), qPrintable(id));
            // The trace follows playback: the last sent segment is selected at the end.
            const int lastRow = m_window->traceModel()->rowAtTime(player->timeUs());
            if (lastRow >= 0) {
                const QModelIndex current = m_window->tracePanel()->view()->currentIndex();
                QVERIFY2(current.isValid(), qPrintable(id));
            }
            QVERIFY2(!m_window->explanationPanel()->plainText().trimmed().isEmpty(),
                     qPrintable(id));
            QVector<qint64> backward{player->timeUs()};
            for (int i = 0; i <= player->eventCount() + 1 && !player->atStart(); ++i) {
                player->stepBackward();
                backward << player->timeUs();
            }
            QVERIFY2(player->atStart(), qPrintable(id));
            std::reverse(backward.begin(), backward.end());
            QCOMPARE(backward, forward);
        }
    }

    void aBadScenarioFileIsRefusedAndTheCurrentOneStays() {
        QVERIFY(m_window->openScenario(QStringLiteral("normal-close")));
        QVERIFY(m_window->waitForIdle());
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("broken.json"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("{\n  \"id\": \"broken\",\n  \"hosts\": [\n");
        out.close();
        QVERIFY(!m_window->openScenario(file));
        QVERIFY(!m_window->lastError().isEmpty());
        QVERIFY2(m_window->lastError().contains(QStringLiteral("broken.json")),
                 qPrintable(m_window->lastError()));
        QCOMPARE(m_window->session()->scenarioId(), QStringLiteral("normal-close"));
        QVERIFY(!m_window->openScenario(QStringLiteral("no-such-scenario")));
        QCOMPARE(m_window->session()->scenarioId(), QStringLiteral("normal-close"));
    }

    void anOpenedScenarioFileJoinsTheBrowser() {
        const core::BuiltinScenario& builtin = core::builtinScenarios().front();
        QByteArray json(builtin.json.data(), qsizetype(builtin.json.size()));
        const QByteArray id = QByteArray(builtin.id.data(), qsizetype(builtin.id.size()));
        json.replace(QByteArray("\"" + id + "\""), QByteArray("\"my-own-close\""));
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("mine.json"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(json);
        out.close();
        QVERIFY2(m_window->openScenario(file), qPrintable(m_window->lastError()));
        QVERIFY(m_window->waitForIdle());
        QCOMPARE(m_window->session()->scenarioId(), QStringLiteral("my-own-close"));
        QVERIFY(m_window->scenarioModel()->indexOfId(QStringLiteral("my-own-close")).isValid());
    }

    void oneOptionOfEachKindChangesThroughItsEditor_data() {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("editorClass");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bool") << QStringLiteral("server") << QStringLiteral("SO_REUSEADDR")
                              << QStringLiteral("QCheckBox") << QString();
        QTest::newRow("integer") << QString() << QStringLiteral("net.ipv4.tcp_fin_timeout")
                                 << QStringLiteral("QSpinBox") << QStringLiteral("7");
        QTest::newRow("enum") << QStringLiteral("client") << QStringLiteral("net.ipv4.tcp_tw_reuse")
                              << QStringLiteral("QComboBox") << QStringLiteral("1");
        QTest::newRow("port range")
            << QStringLiteral("client") << QStringLiteral("net.ipv4.ip_local_port_range")
            << QStringLiteral("closelab::widgets::PortRangeEditor")
            << QStringLiteral("40000 40099");
        QTest::newRow("linger") << QStringLiteral("client") << QStringLiteral("SO_LINGER")
                                << QStringLiteral("closelab::widgets::LingerEditor")
                                << QStringLiteral("1,0");
    }
    void oneOptionOfEachKindChangesThroughItsEditor() {
        QFETCH(QString, host);
        QFETCH(QString, name);
        QFETCH(QString, editorClass);
        QFETCH(QString, expected);
        QVERIFY(m_window->openScenario(QStringLiteral("normal-close")));
        QVERIFY(m_window->waitForIdle());
        models::OptionsModel* model = m_window->optionsModel();
        const QModelIndex index =
            model->indexOfOption(host, name, models::OptionsModel::ValueColumn);
        QVERIFY2(index.isValid(), qPrintable(name));
        const QString before = index.data(models::OptionsModel::ValueRole).toString();
        widgets::OptionDelegate delegate;
        QWidget parent;
        QWidget* editor = delegate.createEditor(&parent, QStyleOptionViewItem(), index);
        QVERIFY(editor);
        QCOMPARE(QString::fromLatin1(editor->metaObject()->className()), editorClass);
        delegate.setEditorData(editor, index);
        if (auto* box = qobject_cast<QCheckBox*>(editor)) {
            box->setChecked(!box->isChecked());
            expected = box->isChecked() ? QStringLiteral("1") : QStringLiteral("0");
        } else if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
            spin->setValue(expected.toInt());
        } else if (auto* combo = qobject_cast<QComboBox*>(editor)) {
            combo->setCurrentIndex(combo->findText(expected));
        } else if (auto* range = qobject_cast<widgets::PortRangeEditor*>(editor)) {
            QVERIFY(range->setText(expected));
        } else if (auto* linger = qobject_cast<widgets::LingerEditor*>(editor)) {
            QVERIFY(linger->setText(expected));
        }
        QSignalSpy recordings(m_window->session(), &models::Session::recordingChanged);
        delegate.setModelData(editor, model, index);
        QVERIFY(m_window->waitForIdle());
        const QModelIndex after =
            model->indexOfOption(host, name, models::OptionsModel::ValueColumn);
        QCOMPARE(after.data(models::OptionsModel::ValueRole).toString(), expected);
        QVERIFY(expected != before);
        QCOMPARE(recordings.count(), 1);
        QVERIFY(after.data(models::OptionsModel::IsChangedRole).toBool() ||
                after.data(models::OptionsModel::DefaultRole).toString() == expected);
    }

    void anInvalidValueIsRefusedWithAMessage() {
        QVERIFY(m_window->openScenario(QStringLiteral("normal-close")));
        QVERIFY(m_window->waitForIdle());
        models::OptionsModel* model = m_window->optionsModel();
        const QModelIndex index = model->indexOfOption(
            QStringLiteral("client"), QStringLiteral("net.ipv4.ip_local_port_range"),
            models::OptionsModel::ValueColumn);
        const QString before = index.data(models::OptionsModel::ValueRole).toString();
        widgets::OptionDelegate* delegate = qobject_cast<widgets::OptionDelegate*>(
            m_window->optionEditor()->view()->itemDelegate());
        QVERIFY(delegate);
        // As the tree does it: through the editor's proxy, with the proxy's index.
        auto* proxy =
            qobject_cast<QSortFilterProxyModel*>(m_window->optionEditor()->view()->model());
        QVERIFY(proxy);
        const QModelIndex proxyIndex = proxy->mapFromSource(index);
        QVERIFY(proxyIndex.isValid());
        widgets::PortRangeEditor editor;
        QVERIFY(editor.setText(QStringLiteral("50000 40000")));  // low above high
        QSignalSpy rejected(delegate, &widgets::OptionDelegate::rejected);
        delegate->setModelData(&editor, proxy, proxyIndex);
        auto* message =
            m_window->optionEditor()->findChild<QLabel*>(QStringLiteral("optionMessage"));
        QVERIFY(message);
        QVERIFY(!message->isHidden());
        QCOMPARE(message->text(), m_window->lastError());
        QCOMPARE(rejected.count(), 1);
        QVERIFY(!m_window->lastError().isEmpty());
        QCOMPARE(index.data(models::OptionsModel::ValueRole).toString(), before);
    }

    void sysctlConfImportAppliesValidLinesAndNamesTheRest() {
        QVERIFY(m_window->openScenario(QStringLiteral("normal-close")));
        QVERIFY(m_window->waitForIdle());
        const QStringList refused = m_window->importSysctl(
            QStringLiteral("# tuning from a blog\nnet.ipv4.tcp_fin_timeout = 30\n"
                           "net.ipv4.tcp_tw_reuse = 7\n"));
        QVERIFY(m_window->waitForIdle());
        QCOMPARE(refused.size(), 1);
        QCOMPARE(QString::fromStdString(m_window->session()->effectiveValue(
                     QStringLiteral("client"), QStringLiteral("net.ipv4.tcp_fin_timeout"))),
                 QStringLiteral("30"));
        m_window->optionsModel()->resetAll();
        QVERIFY(m_window->waitForIdle());
    }

    void aLoadRunIsPinnedAndComparedWithWhatDiffers() {
        m_window->showTab(MainWindow::Tab::Load);
        m_window->runLoad();
        QVERIFY(m_window->waitForIdle(60000));
        QVERIFY(m_window->session()->loadResult());
        QVERIFY(!m_window->loadPanel()->data().isEmpty());
        QVERIFY(m_window->loadPanel()->data().hosts.contains(QStringLiteral("client")));
        m_window->pinLoad();
        QVERIFY(m_window->session()->hasPinnedLoad());
        QVERIFY(m_window->applyOption(QStringLiteral("client.net.ipv4.tcp_tw_reuse=1")));
        m_window->runLoad();
        QVERIFY(m_window->waitForIdle(60000));
        m_window->showTab(MainWindow::Tab::Compare);
        const QString differences = m_window->comparePanel()->differencesText();
        QVERIFY2(differences.contains(QStringLiteral("tcp_tw_reuse")), qPrintable(differences));
        // Solid (current) and dashed (pinned) lines for the same states.
        QVERIFY(m_window->comparePanel()->plot()->toCsv().contains(QStringLiteral("(pinned)")));
        QVERIFY(m_window->comparePanel()->plot()->toCsv().contains(QStringLiteral("(current)")));
        m_window->unpinLoad();
        QVERIFY(!m_window->session()->hasPinnedLoad());
        m_window->optionsModel()->resetAll();
        QVERIFY(m_window->waitForIdle());
    }

    void everyExportFormatIsWrittenAndValid() {
        QVERIFY(m_window->openScenario(QStringLiteral("normal-close")));
        QVERIFY(m_window->waitForIdle());
        m_window->showTab(MainWindow::Tab::Ladder);
        m_window->player()->jumpToEnd();
        QTemporaryDir dir;
        const auto path = [&dir](const char* name) { return dir.filePath(QLatin1String(name)); };
        QVERIFY(m_window->exportLadderPng(path("ladder.png")));
        const QImage ladder(path("ladder.png"));
        QVERIFY(!ladder.isNull());
        QVERIFY(ladder.width() > 100);
        QVERIFY(m_window->exportLadderSvg(path("ladder.svg")));
        const QByteArray svg = readAll(path("ladder.svg"));
        QVERIFY(svg.contains("<svg"));
        QVERIFY(svg.contains("</svg>"));
        // Drawn as vectors (lines, paths, text), not a screenshot wrapped in SVG.
        QVERIFY(!svg.contains("<image"));
        QVERIFY(svg.contains("<path") || svg.contains("<polyline"));
        QVERIFY(svg.contains("<text"));
        QVERIFY(m_window->exportTraceCsv(path("trace.csv")));
        const QList<QByteArray> lines = readAll(path("trace.csv")).trimmed().split('\n');
        QVERIFY(lines.first().startsWith("t_us,from,to,"));
        QCOMPARE(qsizetype(lines.size() - 1),
                 qsizetype(m_window->session()->recording()->segments.size()));
        QVERIFY(m_window->exportTraceJson(path("trace.json")));
        QJsonParseError error{};
        const QJsonDocument json = QJsonDocument::fromJson(readAll(path("trace.json")), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(json.object().value(QStringLiteral("segments")).isArray());
        QVERIFY(!json.object().value(QStringLiteral("segments")).toArray().isEmpty());

        m_window->showTab(MainWindow::Tab::Load);
        QVERIFY(m_window->waitForIdle(60000));
        QVERIFY(m_window->exportPlotPng(path("plot.png")));
        QVERIFY(!QImage(path("plot.png")).isNull());
        QVERIFY(m_window->exportPlotPdf(path("plot.pdf")));
        QVERIFY(readAll(path("plot.pdf")).startsWith("%PDF-"));
        QVERIFY(m_window->exportPlotCsv(path("plot.csv")));
        const QByteArray csv = readAll(path("plot.csv"));
        QVERIFY(csv.startsWith("t_ms,"));
        QVERIFY(csv.count('\n') > 10);
        m_window->showTab(MainWindow::Tab::Ladder);
    }

    void pickingATraceRowMovesPlaybackAndHighlightsTheArrow() {
        QVERIFY(m_window->openScenario(QStringLiteral("normal-close")));
        QVERIFY(m_window->waitForIdle());
        m_window->player()->jumpToStart();
        widgets::TablePanel* trace = m_window->tracePanel();
        QVERIFY(trace->visibleRowCount() >= 4);
        const QModelIndex third = trace->view()->model()->index(3, 0);
        trace->view()->setCurrentIndex(third);
        QCOMPARE(m_window->player()->timeUs(), m_window->traceModel()->timeOfRow(3));
        QCOMPARE(m_window->ladderScene()->selectedSegment(), 3);
        // Filtering keeps the mapping to the model's rows.
        trace->setFilterText(QStringLiteral("FIN"));
        QVERIFY(trace->visibleRowCount() >= 1);
        QVERIFY(trace->visibleRowCount() < m_window->traceModel()->rowCount());
        trace->view()->setCurrentIndex(QModelIndex());
        trace->view()->setCurrentIndex(trace->view()->model()->index(0, 0));
        const int row = m_window->ladderScene()->selectedSegment();
        QVERIFY(m_window->traceModel()
                    ->index(row, models::TraceModel::FlagsColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("FIN")));
        trace->setFilterText(QString());
    }

    void socketsFilterByStateAndScrubbing() {
        QVERIFY(m_window->openScenario(QStringLiteral("normal-close")));
        QVERIFY(m_window->waitForIdle());
        m_window->player()->jumpToEnd();
        widgets::TablePanel* sockets = m_window->socketsPanel();
        auto* state = sockets->findChild<QComboBox*>(
            QStringLiteral("choice%1").arg(models::SocketTableModel::StateColumn));
        QVERIFY(state);
        const int all = sockets->visibleRowCount();
        QVERIFY(all > 0);
        const int listen = state->findData(QStringLiteral("LISTEN"));
        QVERIFY2(listen > 0, "a LISTEN socket remains at the end of normal-close");
        state->setCurrentIndex(listen);
        QVERIFY(sockets->visibleRowCount() >= 1);
        for (int r = 0; r < sockets->visibleRowCount(); ++r)
            QCOMPARE(sockets->view()
                         ->model()
                         ->index(r, models::SocketTableModel::StateColumn)
                         .data(models::SocketTableModel::StateRole)
                         .toString(),
                     QStringLiteral("LISTEN"));
        state->setCurrentIndex(0);
        QCOMPARE(sockets->visibleRowCount(), all);
        // The scrub slider moves playback.
        auto* slider = m_window->findChild<QSlider*>(QStringLiteral("scrubSlider"));
        QVERIFY(slider);
        slider->setValue(0);
        QVERIFY(m_window->player()->atStart());
        slider->setValue(slider->maximum() / 2);
        QVERIFY(!m_window->player()->atStart());
        QVERIFY(!m_window->player()->atEnd());
    }

    void keysDrivePlayback() {
        QVERIFY(m_window->openScenario(QStringLiteral("normal-close")));
        QVERIFY(m_window->waitForIdle());
        m_window->showTab(MainWindow::Tab::Ladder);
        m_window->activateWindow();
        models::Player* player = m_window->player();
        QTest::keyClick(m_window, Qt::Key_Home);
        QVERIFY(player->atStart());
        QTest::keyClick(m_window, Qt::Key_Right);
        QVERIFY(!player->atStart());
        const qint64 afterOne = player->timeUs();
        QTest::keyClick(m_window, Qt::Key_Right);
        QVERIFY(player->timeUs() > afterOne);
        QTest::keyClick(m_window, Qt::Key_Left);
        QCOMPARE(player->timeUs(), afterOne);
        QTest::keyClick(m_window, Qt::Key_End);
        QVERIFY(player->atEnd());
        QTest::keyClick(m_window, Qt::Key_Home);
        QVERIFY(!player->isPlaying());
        QTest::keyClick(m_window, Qt::Key_Space);
        QVERIFY(player->isPlaying());
        QTest::keyClick(m_window, Qt::Key_Space);
        QVERIFY(!player->isPlaying());
    }

    void shortcutsAreListedInHelp() {
        widgets::ShortcutsDialog dialog(m_window->shortcutActions());
        QVERIFY(dialog.rowCount() >= 10);
        QStringList keys;
        for (QAction* a : m_window->shortcutActions())
            keys << a->shortcut().toString();
        for (const char* key : {"Space", "Right", "Left", "Home", "End", "F1"})
            QVERIFY2(keys.contains(QLatin1String(key)), key);
        // Names without mnemonics, in both languages.
        auto* table = dialog.findChild<QTableWidget*>();
        QVERIFY(table);
        for (int r = 0; r < table->rowCount(); ++r)
            QVERIFY2(!table->item(r, 1)->text().contains(u'&'),
                     qPrintable(table->item(r, 1)->text()));
        QVERIFY(m_languages->setLanguage(QStringLiteral("zh_CN"), false));
        QCoreApplication::processEvents();
        for (int r = 0; r < table->rowCount(); ++r) {
            const QString name = table->item(r, 1)->text();
            QVERIFY2(!name.contains(u'&') && !name.contains(QStringLiteral("()")),
                     qPrintable(name));
        }
        QVERIFY(m_languages->setLanguage(QStringLiteral("en"), false));
        QCoreApplication::processEvents();
    }

    void languageSwitchRetranslatesAtOnce() {
        auto* tabs = m_window->findChild<QTabWidget*>(QStringLiteral("mainTabs"));
        QVERIFY(tabs);
        QCOMPARE(tabs->tabText(0), QStringLiteral("Ladder"));
        QVERIFY(m_languages->setLanguage(QStringLiteral("zh_CN"), false));
        QCoreApplication::processEvents();
        QVERIFY(tabs->tabText(0) != QStringLiteral("Ladder"));
        QVERIFY(m_window->windowTitle() != QString());
        QVERIFY(m_languages->setLanguage(QStringLiteral("en"), false));
        QCoreApplication::processEvents();
        QCOMPARE(tabs->tabText(0), QStringLiteral("Ladder"));
    }

    void layoutLeavesTheLadderRoomOnSmallAndLargeScreens_data() {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1366x768") << QSize(1366, 768);
        QTest::newRow("3840x2160") << QSize(3840, 2160);
    }
    void layoutLeavesTheLadderRoomOnSmallAndLargeScreens() {
        QFETCH(QSize, size);
        m_window->resetLayout();
        m_window->showTab(MainWindow::Tab::Ladder);
        m_window->resize(size);
        QCoreApplication::processEvents();
        const QSize ladder = m_window->ladderView()->size();
        QVERIFY2(ladder.width() >= size.width() * 0.4,
                 qPrintable(QStringLiteral("%1x%2").arg(ladder.width()).arg(ladder.height())));
        QVERIFY2(ladder.height() >= size.height() * 0.35,
                 qPrintable(QStringLiteral("%1x%2").arg(ladder.width()).arg(ladder.height())));
        for (auto* dock : m_window->findChildren<QDockWidget*>())
            QVERIFY2(dock->width() >= 150 || !dock->isVisible(), qPrintable(dock->objectName()));
        m_window->resize(1366, 768);
    }

    void sideDocksShowWholeTitlesAndShortOptionNamesAt1366() {
        m_window->resize(1366, 768);
        m_window->showTab(MainWindow::Tab::Ladder);
        m_window->resetLayout();
        QCoreApplication::processEvents();
        // The hidden Load tab's minimum width no longer squeezes the side docks: the browser
        // gets what its titles need, up to 23% of the window.
        auto* browserDock = m_window->findChild<QDockWidget*>(QStringLiteral("scenarioDock"));
        QVERIFY(browserDock);
        const int wanted = std::min(m_window->scenarioBrowser()->preferredWidth(), 1366 * 23 / 100);
        QVERIFY2(browserDock->width() >= wanted - 12,
                 qPrintable(QStringLiteral("%1 < %2").arg(browserDock->width()).arg(wanted)));
        QVERIFY(m_window->ladderView()->width() > browserDock->width() * 2);

        auto* tree = m_window->optionEditor()->findChild<QTreeView*>(QStringLiteral("optionTree"));
        QVERIFY(tree);
        const QModelIndexList found = tree->model()->match(
            tree->model()->index(0, 0), Qt::DisplayRole, QStringLiteral("tcp_tw_reuse"), 1,
            Qt::MatchExactly | Qt::MatchRecursive);
        QCOMPARE(found.size(), 1);
        QVERIFY(found.first()
                    .data(Qt::ToolTipRole)
                    .toString()
                    .startsWith(QStringLiteral("net.ipv4.tcp_tw_reuse\n")));
        // The name column fits the longest option name; the value column stays readable.
        const QAbstractItemView* view = tree;
        QVERIFY(tree->header()->sectionSize(0) >= view->sizeHintForColumn(0));
        QVERIFY2(tree->header()->sectionSize(1) >= 70,
                 qPrintable(QString::number(tree->header()->sectionSize(1))));
    }

    void aFreshWindowPaintsNoPlotWarningsWhenGrabbed() {
        // Startup as --screenshot does it: the Load and Compare plots are hidden tabs that have
        // never been laid out. Grabbing used to replot them at zero size (QPainter::begin and
        // QCPLayer warnings); the guard (qDebug included) must see nothing.
        MainWindow window(m_languages);
        window.setInteractive(false);
        window.resize(1366, 768);
        QVERIFY(window.openScenario(QStringLiteral("lost-final-ack")));
        window.waitForIdle();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.grab().isNull());
        QStringList warnings = widgets::test::takeWarnings();
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
        window.showTab(MainWindow::Tab::Load);
        window.runLoad();
        window.waitForIdle();
        QVERIFY(!window.grab().isNull());
        window.showTab(MainWindow::Tab::Ladder);
        QVERIFY(!window.grab().isNull());
        warnings = widgets::test::takeWarnings();
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
    }

    void settingsRememberTheLastScenarioAndTheLayout() {
        QVERIFY(m_window->openScenario(QStringLiteral("normal-close")));
        QVERIFY(m_window->waitForIdle());
        auto* dock = m_window->findChild<QDockWidget*>(QStringLiteral("countersDock"));
        dock->hide();
        m_window->saveSettings();
        MainWindow second(m_languages);
        second.setInteractive(false);
        second.restoreSettings();
        QVERIFY(second.waitForIdle());
        QCOMPARE(second.session()->scenarioId(), QStringLiteral("normal-close"));
        QVERIFY(second.findChild<QDockWidget*>(QStringLiteral("countersDock"))->isHidden());
        dock->show();
    }

private:
    models::LanguageManager* m_languages = nullptr;
    MainWindow* m_window = nullptr;
};

QTEST_MAIN(MainWindowTest)
#include "main_window_test.moc"
