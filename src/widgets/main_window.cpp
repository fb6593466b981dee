#include "widgets/main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWidget>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <climits>

#include "core/load/load_result.h"
#include "core/load/load_spec.h"
#include "core/options.h"
#include "core/recording.h"
#include "core/scenario.h"
#include "core/tcp_state.h"
#include "core/version.h"
#include "models/app_info.h"
#include "models/core_question_source.h"
#include "models/counters_model.h"
#include "models/current_note.h"
#include "models/glossary.h"
#include "models/ladder_scene.h"
#include "models/language_manager.h"
#include "models/note_text.h"
#include "models/notes_model.h"
#include "models/option_help.h"
#include "models/options_model.h"
#include "models/player.h"
#include "models/progress_store.h"
#include "models/run_difference.h"
#include "models/scenario_list_model.h"
#include "models/session.h"
#include "models/socket_table_model.h"
#include "models/time_format.h"
#include "models/trace_model.h"
#include "widgets/compare_panel.h"
#include "widgets/explanation_panel.h"
#include "widgets/ladder_view.h"
#include "widgets/lecture_tools.h"
#include "widgets/load_data_builder.h"
#include "widgets/load_form.h"
#include "widgets/load_panel.h"
#include "widgets/option_editor.h"
#include "widgets/playback_bar.h"
#include "widgets/playback_keys.h"
#include "widgets/practice_panel.h"
#include "widgets/recording_export.h"
#include "widgets/scenario_browser.h"
#include "widgets/shortcuts_dialog.h"
#include "widgets/state_plot.h"
#include "widgets/table_panel.h"
#include "widgets/window_geometry.h"

namespace closelab::widgets {

namespace {

constexpr auto kGeometryKey = "ui/geometry";
constexpr auto kStateKey = "ui/windowState";
constexpr auto kLoadStateKey = "ui/windowStateLoad";
constexpr auto kLastScenarioKey = "session/lastScenario";
constexpr auto kTabKey = "ui/tab";
constexpr auto kLabelDetailKey = "ui/labelDetail";
constexpr auto kAbsoluteSeqKey = "ui/absoluteSequenceNumbers";
constexpr auto kDefaultScenario = "four-way-close";

// Scrub slider resolution: ticks per display unit of the Player's time axis.
constexpr double kSliderTicksPerUnit = 100.0;

QDockWidget* makeDock(QMainWindow* window, const QString& objectName, QWidget* content) {
    auto* dock = new QDockWidget(window);
    dock->setObjectName(objectName);
    dock->setWidget(content);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                      QDockWidget::DockWidgetClosable);
    return dock;
}

}  // namespace

MainWindow::MainWindow(models::LanguageManager* languages, QWidget* parent)
    : QMainWindow(parent), m_languages(languages) {
    setObjectName(QStringLiteral("mainWindow"));
    if (!m_languages) {
        m_languages = new models::LanguageManager(this);
    }
    m_session = new models::Session(this);
    m_player = new models::Player(this);
    m_scene = new models::LadderScene(m_player, this);
    m_scenarios = new models::ScenarioListModel(this);
    m_scenarios->loadBuiltins();
    m_traceModel = new models::TraceModel(this);
    m_socketModel = new models::SocketTableModel(this);
    m_countersModel = new models::CountersModel(this);
    m_optionsModel = new models::OptionsModel(m_session, this);
    m_notes = new models::NotesModel(this);

    createActions();
    createPanels();
    createDocks();
    createMenus();
    wireModels();
    m_playbackKeys = new PlaybackKeys(
        this, m_ladder->quickWidget(),
        {m_playAction, m_stepBackAction, m_stepForwardAction, m_startAction, m_endAction}, this);
    // Teaching: presentation mode, presenter view, zoom, themes, handouts (own actions, menus).
    m_lecture = new LectureTools(this);
    m_lecture->addMenus(m_fileMenu, m_quitAction, m_viewMenu);
    retranslate();
}

MainWindow::~MainWindow() {
    // Its windows show the Player and the scene through QML: gone before they are.
    delete m_lecture;
}

void MainWindow::createActions() {
    const auto make = [this](const QString& name, const QKeySequence& key = {}) {
        auto* action = new QAction(this);
        action->setObjectName(name);
        if (!key.isEmpty())
            action->setShortcut(key);
        return action;
    };
    const QStyle* s = style();
    m_openAction = make(QStringLiteral("actionOpen"), QKeySequence::Open);
    m_openAction->setIcon(s->standardIcon(QStyle::SP_DialogOpenButton));
    m_importAction = make(QStringLiteral("actionImportSysctl"), QKeySequence(tr("Ctrl+I")));
    m_exportLadderPng = make(QStringLiteral("actionExportLadderPng"), QKeySequence(tr("Ctrl+E")));
    m_exportLadderSvg = make(QStringLiteral("actionExportLadderSvg"));
    m_exportPlotPng = make(QStringLiteral("actionExportPlotPng"));
    m_exportPlotPdf = make(QStringLiteral("actionExportPlotPdf"));
    m_exportPlotCsv = make(QStringLiteral("actionExportPlotCsv"));
    m_exportTraceCsv = make(QStringLiteral("actionExportTraceCsv"));
    m_exportTraceJson = make(QStringLiteral("actionExportTraceJson"));
    m_quitAction = make(QStringLiteral("actionQuit"), QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);

    m_playAction = make(QStringLiteral("actionPlay"), QKeySequence(Qt::Key_Space));
    m_stepBackAction = make(QStringLiteral("actionStepBack"), QKeySequence(Qt::Key_Left));
    m_stepForwardAction = make(QStringLiteral("actionStepForward"), QKeySequence(Qt::Key_Right));
    // Presentation clickers send PageDown and PageUp.
    m_stepBackAction->setShortcuts({QKeySequence(Qt::Key_Left), QKeySequence(Qt::Key_PageUp)});
    m_stepForwardAction->setShortcuts(
        {QKeySequence(Qt::Key_Right), QKeySequence(Qt::Key_PageDown)});
    m_startAction = make(QStringLiteral("actionStart"), QKeySequence(Qt::Key_Home));
    m_endAction = make(QStringLiteral("actionEnd"), QKeySequence(Qt::Key_End));
    m_fasterAction = make(QStringLiteral("actionFaster"), QKeySequence(Qt::Key_BracketRight));
    m_slowerAction = make(QStringLiteral("actionSlower"), QKeySequence(Qt::Key_BracketLeft));
    m_playAction->setIcon(s->standardIcon(QStyle::SP_MediaPlay));
    m_stepBackAction->setIcon(s->standardIcon(QStyle::SP_MediaSeekBackward));
    m_stepForwardAction->setIcon(s->standardIcon(QStyle::SP_MediaSeekForward));
    m_startAction->setIcon(s->standardIcon(QStyle::SP_MediaSkipBackward));
    m_endAction->setIcon(s->standardIcon(QStyle::SP_MediaSkipForward));
    // The arrow keys and Space must not be eaten by whichever table has the focus... but they
    // should still move within a focused text field, so they act window-wide only here.
    for (QAction* a : {m_playAction, m_stepBackAction, m_stepForwardAction, m_startAction,
                       m_endAction, m_fasterAction, m_slowerAction})
        a->setShortcutContext(Qt::WindowShortcut);

    m_ladderTabAction = make(QStringLiteral("actionLadderTab"), QKeySequence(tr("Ctrl+1")));
    m_loadTabAction = make(QStringLiteral("actionLoadTab"), QKeySequence(tr("Ctrl+2")));
    m_compareTabAction = make(QStringLiteral("actionCompareTab"), QKeySequence(tr("Ctrl+3")));
    m_runLoadAction = make(QStringLiteral("actionRunLoad"), QKeySequence(tr("Ctrl+R")));
    m_pinAction = make(QStringLiteral("actionPin"), QKeySequence(tr("Ctrl+P")));
    m_findAction = make(QStringLiteral("actionFind"), QKeySequence::Find);
    m_resetLayoutAction = make(QStringLiteral("actionResetLayout"));

    // Segment label detail (D cycles) and absolute sequence numbers, as in Wireshark.
    m_detailGroup = new QActionGroup(this);
    m_detailGroup->setExclusive(true);
    for (const auto level :
         {models::LadderScene::DetailLevel::Flags, models::LadderScene::DetailLevel::Numbers,
          models::LadderScene::DetailLevel::Options}) {
        auto* action = make(QStringLiteral("actionLabelDetail%1").arg(int(level)));
        action->setCheckable(true);
        action->setData(int(level));
        action->setChecked(level == m_scene->detailLevel());
        m_detailGroup->addAction(action);
    }
    m_detailCycleAction = make(QStringLiteral("actionLabelDetailCycle"), QKeySequence(tr("D")));
    m_absoluteSeqAction = make(QStringLiteral("actionAbsoluteSequenceNumbers"));
    m_absoluteSeqAction->setCheckable(true);
    connect(m_detailGroup, &QActionGroup::triggered, this,
            [this](QAction* action) { setLabelDetail(action->data().toInt()); });
    connect(m_detailCycleAction, &QAction::triggered, this,
            [this] { setLabelDetail((int(m_scene->detailLevel()) + 1) % 3); });
    connect(m_absoluteSeqAction, &QAction::toggled, this, &MainWindow::setAbsoluteSequenceNumbers);

    m_languageGroup = new QActionGroup(this);
    m_languageGroup->setExclusive(true);
    for (const QString& code : models::LanguageManager::supportedLanguages()) {
        auto* action = make(QStringLiteral("actionLanguage_") + code);
        action->setCheckable(true);
        action->setData(code);
        // A language's own name, the same in every user-interface language.
        action->setText(models::LanguageManager::nativeName(code));
        m_languageGroup->addAction(action);
    }
    m_shortcutsAction = make(QStringLiteral("actionShortcuts"), QKeySequence(Qt::Key_F1));
    m_aboutAction = make(QStringLiteral("actionAbout"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    m_aboutQtAction = make(QStringLiteral("actionAboutQt"));
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);

    connect(m_openAction, &QAction::triggered, this, &MainWindow::openScenarioDialog);
    connect(m_importAction, &QAction::triggered, this, &MainWindow::importSysctlDialog);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_exportLadderPng, &QAction::triggered, this,
            [this] { exportDialog(QStringLiteral("ladder-png")); });
    connect(m_exportLadderSvg, &QAction::triggered, this,
            [this] { exportDialog(QStringLiteral("ladder-svg")); });
    connect(m_exportPlotPng, &QAction::triggered, this,
            [this] { exportDialog(QStringLiteral("plot-png")); });
    connect(m_exportPlotPdf, &QAction::triggered, this,
            [this] { exportDialog(QStringLiteral("plot-pdf")); });
    connect(m_exportPlotCsv, &QAction::triggered, this,
            [this] { exportDialog(QStringLiteral("plot-csv")); });
    connect(m_exportTraceCsv, &QAction::triggered, this,
            [this] { exportDialog(QStringLiteral("trace-csv")); });
    connect(m_exportTraceJson, &QAction::triggered, this,
            [this] { exportDialog(QStringLiteral("trace-json")); });
    connect(m_playAction, &QAction::triggered, m_player, &models::Player::togglePlay);
    connect(m_stepBackAction, &QAction::triggered, m_player, &models::Player::stepBackward);
    connect(m_stepForwardAction, &QAction::triggered, m_player, &models::Player::stepForward);
    connect(m_startAction, &QAction::triggered, m_player, &models::Player::jumpToStart);
    connect(m_endAction, &QAction::triggered, m_player, &models::Player::jumpToEnd);
    connect(m_fasterAction, &QAction::triggered, this, [this] {
        const auto& speeds = PlaybackBar::speeds();
        const auto i = speeds.indexOf(m_player->speed());
        if (i >= 0 && i + 1 < speeds.size())
            m_player->setSpeed(speeds[i + 1]);
    });
    connect(m_slowerAction, &QAction::triggered, this, [this] {
        const auto& speeds = PlaybackBar::speeds();
        const auto i = speeds.indexOf(m_player->speed());
        if (i > 0)
            m_player->setSpeed(speeds[i - 1]);
    });
    connect(m_ladderTabAction, &QAction::triggered, this, [this] { showTab(Tab::Ladder); });
    connect(m_loadTabAction, &QAction::triggered, this, [this] { showTab(Tab::Load); });
    connect(m_compareTabAction, &QAction::triggered, this, [this] { showTab(Tab::Compare); });
    connect(m_runLoadAction, &QAction::triggered, this, &MainWindow::runLoad);
    connect(m_pinAction, &QAction::triggered, this, &MainWindow::pinLoad);
    connect(m_resetLayoutAction, &QAction::triggered, this, &MainWindow::resetLayout);
    connect(m_languageGroup, &QActionGroup::triggered, this, [this](QAction* action) {
        if (!m_languages->setLanguage(action->data().toString()))
            reportError(m_languages->errorString());
    });
    connect(m_languages, &models::LanguageManager::languageChanged, this,
            &MainWindow::onLanguageChanged);
    connect(m_shortcutsAction, &QAction::triggered, this, &MainWindow::showShortcuts);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createPanels() {
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->setDocumentMode(true);

    auto* ladderPage = new QWidget(m_tabs);
    auto* ladderLayout = new QVBoxLayout(ladderPage);
    ladderLayout->setContentsMargins(0, 0, 0, 0);
    ladderLayout->setSpacing(0);
    m_ladder = new LadderView(ladderPage);
    m_playback = new PlaybackBar(
        {m_startAction, m_stepBackAction, m_playAction, m_stepForwardAction, m_endAction},
        ladderPage);
    ladderLayout->addWidget(m_ladder, 1);
    ladderLayout->addWidget(m_playback);
    m_tabs->addTab(ladderPage, QString());

    m_load = new LoadPanel(m_tabs);
    m_tabs->addTab(m_load, QString());
    m_compare = new ComparePanel(m_tabs);
    m_tabs->addTab(m_compare, QString());
    createPractice();
    setCentralWidget(m_tabs);
    ignoreHiddenTabSizes();

    m_browser = new ScenarioBrowser(this);
    // Whole words of the scenario titles, not one: the dock never gets narrower than this.
    m_browser->setMinimumWidth(140);
    m_explanation = new ExplanationPanel(this);
    // Terms come from the glossary; option names (net.ipv4.tcp_tw_reuse) from the option help.
    m_explanation->setGlossaryLookup([](const QString& term) {
        const QString html = models::Glossary::entryHtml(term);
        return html.isEmpty() ? models::OptionHelp::html(term) : html;
    });
    m_options = new OptionEditor(this);
    m_trace = new TablePanel(this);
    m_trace->setObjectName(QStringLiteral("tracePanel"));
    m_trace->setFilterPlaceholder([] { return tr("Filter segments, e.g. FIN lost"); });
    m_sockets = new TablePanel(this);
    m_sockets->setObjectName(QStringLiteral("socketsPanel"));
    m_sockets->setFilterPlaceholder([] { return tr("Filter sockets"); });
    m_counters = new TablePanel(this);
    m_counters->setObjectName(QStringLiteral("countersPanel"));
    m_counters->setFilterPlaceholder([] { return tr("Filter counters"); });

    m_status = new QLabel(this);
    statusBar()->addWidget(m_status, 1);
}

void MainWindow::createDocks() {
    setDockNestingEnabled(true);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    m_browserDock = makeDock(this, QStringLiteral("scenarioDock"), m_browser);
    m_explanationDock = makeDock(this, QStringLiteral("explanationDock"), m_explanation);
    m_optionsDock = makeDock(this, QStringLiteral("optionsDock"), m_options);
    m_traceDock = makeDock(this, QStringLiteral("traceDock"), m_trace);
    m_socketsDock = makeDock(this, QStringLiteral("socketsDock"), m_sockets);
    m_countersDock = makeDock(this, QStringLiteral("countersDock"), m_counters);
    placeDocks();
}

void MainWindow::placeDocks() {
    addDockWidget(Qt::LeftDockWidgetArea, m_browserDock);
    addDockWidget(Qt::RightDockWidgetArea, m_explanationDock);
    addDockWidget(Qt::RightDockWidgetArea, m_optionsDock);
    splitDockWidget(m_explanationDock, m_optionsDock, Qt::Vertical);
    addDockWidget(Qt::BottomDockWidgetArea, m_traceDock);
    addDockWidget(Qt::BottomDockWidgetArea, m_socketsDock);
    addDockWidget(Qt::BottomDockWidgetArea, m_countersDock);
    tabifyDockWidget(m_traceDock, m_socketsDock);
    tabifyDockWidget(m_socketsDock, m_countersDock);
    for (QDockWidget* dock : {m_browserDock, m_explanationDock, m_optionsDock, m_traceDock,
                              m_socketsDock, m_countersDock}) {
        dock->setFloating(false);
        dock->show();
    }
    m_traceDock->raise();
    sizeDocks();
}

void MainWindow::ignoreHiddenTabSizes() {
    // QStackedLayout's minimum width is the widest page's: the Load tab's form and charts would
    // otherwise keep the Scenarios and Options docks narrow while the ladder is shown.
    for (int i = 0; i < m_tabs->count(); ++i) {
        const bool current = i == m_tabs->currentIndex();
        m_tabs->widget(i)->setSizePolicy(current ? QSizePolicy::Preferred : QSizePolicy::Ignored,
                                         current ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    }
}

void MainWindow::sizeDocks() {
    // Proportions that work from 1366x768 up to 4K: the ladder keeps most of the space.
    const int w = std::max(width(), 1024);
    const int h = std::max(height(), 600);
    // The side docks take what their contents need (whole scenario titles, whole option names
    // and values), within bounds that keep the ladder the widest part at every size.
    const int browser = std::clamp(m_browser->preferredWidth(), w * 15 / 100, w * 23 / 100);
    const int right = std::clamp(m_options->preferredWidth(), w * 18 / 100, w * 25 / 100);
    resizeDocks({m_browserDock, m_explanationDock}, {browser, right}, Qt::Horizontal);
    resizeDocks({m_explanationDock, m_optionsDock}, {h * 30 / 100, h * 40 / 100}, Qt::Vertical);
    resizeDocks({m_traceDock}, {h * 26 / 100}, Qt::Vertical);
}

void MainWindow::createMenus() {
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_openAction);
    m_fileMenu->addAction(m_importAction);
    m_exportMenu = m_fileMenu->addMenu(QString());
    m_exportMenu->addAction(m_exportLadderPng);
    m_exportMenu->addAction(m_exportLadderSvg);
    m_exportMenu->addSeparator();
    m_exportMenu->addAction(m_exportPlotPng);
    m_exportMenu->addAction(m_exportPlotPdf);
    m_exportMenu->addAction(m_exportPlotCsv);
    m_exportMenu->addSeparator();
    m_exportMenu->addAction(m_exportTraceCsv);
    m_exportMenu->addAction(m_exportTraceJson);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->addAction(m_ladderTabAction);
    m_viewMenu->addAction(m_loadTabAction);
    m_viewMenu->addAction(m_compareTabAction);
    m_viewMenu->addAction(m_practiceTabAction);
    m_viewMenu->addSeparator();
    for (QDockWidget* dock : {m_browserDock, m_explanationDock, m_optionsDock, m_traceDock,
                              m_socketsDock, m_countersDock})
        m_viewMenu->addAction(dock->toggleViewAction());
    m_viewMenu->addSeparator();
    m_labelMenu = m_viewMenu->addMenu(QString());
    m_labelMenu->addActions(m_detailGroup->actions());
    m_labelMenu->addSeparator();
    m_labelMenu->addAction(m_detailCycleAction);
    m_viewMenu->addAction(m_absoluteSeqAction);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_findAction);
    m_viewMenu->addAction(m_resetLayoutAction);

    m_playMenu = menuBar()->addMenu(QString());
    m_playMenu->addAction(m_playAction);
    m_playMenu->addAction(m_stepBackAction);
    m_playMenu->addAction(m_stepForwardAction);
    m_playMenu->addAction(m_startAction);
    m_playMenu->addAction(m_endAction);
    m_playMenu->addSeparator();
    m_playMenu->addAction(m_slowerAction);
    m_playMenu->addAction(m_fasterAction);
    m_playMenu->addSeparator();
    m_playMenu->addAction(m_runLoadAction);
    m_playMenu->addAction(m_pinAction);

    m_languageMenu = menuBar()->addMenu(QString());
    m_languageMenu->addActions(m_languageGroup->actions());

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_shortcutsAction);
    m_helpMenu->addSeparator();
    m_helpMenu->addAction(m_aboutAction);
    m_helpMenu->addAction(m_aboutQtAction);

    connect(m_findAction, &QAction::triggered, this, [this] {
        m_traceDock->show();
        m_traceDock->raise();
        if (auto* edit = m_trace->findChild<QWidget*>(QStringLiteral("filterEdit")))
            edit->setFocus(Qt::ShortcutFocusReason);
    });
}

void MainWindow::wireModels() {
    m_ladder->load();
    m_ladder->setScene(m_scene);
    if (QQuickItem* root = m_ladder->quickWidget()->rootObject())
        root->setProperty("scene", QVariant::fromValue(m_scene));

    m_browser->setModel(m_scenarios);
    m_trace->setSourceModel(m_traceModel);
    m_trace->addColumnChoice(
        models::TraceModel::FateColumn, [] { return tr("Fate:"); },
        models::TraceModel::FateKeyRole);
    m_sockets->setSourceModel(m_socketModel);
    m_sockets->addColumnChoice(
        models::SocketTableModel::HostColumn, [] { return tr("Host:"); },
        models::SocketTableModel::HostRole);
    m_sockets->addColumnChoice(
        models::SocketTableModel::StateColumn, [] { return tr("State:"); },
        models::SocketTableModel::StateRole);
    // The state column shows whichever states the playback time has: fit them all at once.
    QStringList states;
    for (const core::TcpState state : core::kAllStates) {
        const auto name = core::stateName(state);
        states << QString::fromLatin1(name.data(), qsizetype(name.size()));
    }
    m_sockets->reserveColumnWidth(models::SocketTableModel::StateColumn, states);
    m_counters->setSourceModel(m_countersModel);
    m_options->setModel(m_optionsModel);
    QStringList profiles;
    for (auto p :
         {core::KernelProfile::Linux6, core::KernelProfile::Linux49, core::KernelProfile::Rfc793}) {
        const auto name = core::profileName(p);
        profiles << QString::fromLatin1(name.data(), qsizetype(name.size()));
    }
    m_options->setProfiles(profiles, profiles.first());

    connect(m_session, &models::Session::recordingChanged, this, &MainWindow::onRecordingChanged);
    connect(m_session, &models::Session::errorOccurred, this, &MainWindow::reportError);
    connect(m_session, &models::Session::busyChanged, this,
            [this](bool busy) { m_status->setText(busy ? tr("Simulating…") : QString()); });
    connect(m_session, &models::Session::optionsChanged, this, [this, profiles] {
        const auto name = core::profileName(m_session->profile());
        m_options->setProfiles(profiles, QString::fromLatin1(name.data(), qsizetype(name.size())));
    });
    connect(m_session, &models::Session::loadResultChanged, this, &MainWindow::onLoadResultChanged);
    connect(m_session, &models::Session::pinnedLoadChanged, this, &MainWindow::updateCompare);
    connect(m_session, &models::Session::loadBusyChanged, this, [this](bool busy) {
        m_load->setBusy(busy);
        m_runLoadAction->setEnabled(!busy);
    });
    connect(m_session, &models::Session::loadProgress, m_load, &LoadPanel::setProgress);
    connect(m_session, &models::Session::loadCancelled, m_load, &LoadPanel::showCancelled);
    connect(m_load, &LoadPanel::cancelRequested, m_session, &models::Session::cancelLoad);
    connect(m_player, &models::Player::timeChanged, this, &MainWindow::onTimeChanged);
    connect(m_player, &models::Player::timelineChanged, this, &MainWindow::onTimeChanged);
    connect(m_player, &models::Player::playingChanged, this, &MainWindow::updatePlayActions);
    connect(m_player, &models::Player::speedChanged, m_playback, &PlaybackBar::setSpeed);
    connect(m_playback, &PlaybackBar::speedChanged, m_player, &models::Player::setSpeed);
    connect(m_playback, &PlaybackBar::scrubbed, this,
            [this](int value) { m_player->seekDisplay(value / kSliderTicksPerUnit); });
    connect(m_notes, &models::NotesModel::currentChanged, this, &MainWindow::updateExplanation);
    connect(m_explanation, &ExplanationPanel::trySuggestion, this, &MainWindow::trySuggestion);
    connect(m_explanation, &ExplanationPanel::undoTryRequested, this, &MainWindow::undoTry);
    connect(m_session, &models::Session::scenarioChanged, this, [this] {
        QStringList suggestions;
        if (const auto scenario = m_session->scenario()) {
            for (const std::string& t : scenario->tryOverrides)
                suggestions << QString::fromStdString(t);
        }
        m_tryBefore.reset();
        m_explanation->setSuggestions(suggestions);
    });
    connect(m_browser, &ScenarioBrowser::scenarioActivated, this, [this](const QString& id) {
        if (!openScenario(id))
            reportError(m_lastError);
    });
    connect(m_trace, &TablePanel::sourceRowActivated, this, [this](int row) {
        m_scene->setSelectedSegment(row);
        m_player->pause();
        m_player->seekTime(m_traceModel->timeOfRow(row));
    });
    connect(m_options, &OptionEditor::profileChanged, this,
            [this](const QString& name) { setKernelProfile(name); });
    connect(m_options, &OptionEditor::resetRequested, this, [this](const QModelIndex& index) {
        m_optionsModel->resetIndex(index);
        m_options->showMessage(QString(), false);
    });
    connect(m_options, &OptionEditor::resetAllRequested, this, [this] {
        m_optionsModel->resetAll();
        m_options->showMessage(QString(), false);
    });
    connect(m_options, &OptionEditor::importRequested, this, &MainWindow::importSysctlDialog);
    connect(m_options, &OptionEditor::valueRejected, this,
            [this](const QModelIndex&, const QString&) {
                // The Session has already said why (errorOccurred -> lastError).
                m_options->showMessage(m_lastError, true);
            });
    connect(m_load->form(), &LoadForm::runRequested, this, &MainWindow::runLoad);
    connect(m_load->form(), &LoadForm::pinRequested, this, &MainWindow::pinLoad);
    connect(m_compare, &ComparePanel::unpinRequested, this, &MainWindow::unpinLoad);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        const bool ladder = currentTab() == Tab::Ladder;
        const bool practice = currentTab() == Tab::Practice;
        ignoreHiddenTabSizes();
        switchDockGroup(ladder ? 0 : practice ? 2 : 1);
        m_exportLadderPng->setEnabled(ladder);
        m_exportLadderSvg->setEnabled(ladder);
        m_exportPlotPng->setEnabled(!ladder);
        m_exportPlotPdf->setEnabled(!ladder);
        m_exportPlotCsv->setEnabled(!ladder);
        // The first visit to the Load tab shows the default teaching load at once.
        if (!ladder && !practice && !m_session->loadResult() && !m_session->isLoadBusy())
            runLoad();
    });
    emit m_tabs->currentChanged(m_tabs->currentIndex());
    onLanguageChanged();
}

QList<QAction*> MainWindow::shortcutActions() const {
    QList<QAction*> list;
    for (QAction* a : findChildren<QAction*>()) {
        if (!a->shortcut().isEmpty())
            list << a;
    }
    return list;
}

bool MainWindow::openScenario(const QString& idOrFile) {
    const bool isFile =
        idOrFile.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) || idOrFile.contains(u'/');
    QString error;
    const auto connection = connect(m_session, &models::Session::errorOccurred, this,
                                    [&error](const QString& message) { error = message; });
    const bool ok =
        isFile ? m_session->loadScenarioFile(idOrFile) : m_session->loadBuiltin(idOrFile);
    disconnect(connection);
    if (!ok) {
        m_lastError = error;
        return false;
    }
    if (isFile)
        m_scenarios->addScenario(*m_session->scenario(), idOrFile);
    QSettings().setValue(QLatin1String(kLastScenarioKey), idOrFile);
    m_browser->selectScenario(m_session->scenarioId());
    return true;
}

bool MainWindow::applyOption(const QString& assignment) {
    try {
        const core::OptionOverride o = core::parseOverride(assignment.toStdString());
        return m_session->setOption(QString::fromStdString(o.host), QString::fromStdString(o.name),
                                    QString::fromStdString(o.value));
    } catch (const core::InputError& e) {
        reportError(models::errorMessage(e));
        return false;
    }
}

bool MainWindow::setKernelProfile(const QString& name) {
    const auto profile = core::parseProfile(name.toStdString());
    if (!profile) {
        reportError(tr("Unknown kernel profile '%1'; use linux-6, linux-4.9 or rfc793.").arg(name));
        return false;
    }
    m_session->setProfile(*profile);
    return true;
}

void MainWindow::showTab(Tab tab) {
    m_tabs->setCurrentIndex(int(tab));
}

MainWindow::Tab MainWindow::currentTab() const {
    return Tab(m_tabs->currentIndex());
}

void MainWindow::runLoad() {
    const LoadForm::Values v = m_load->form()->values();
    core::LoadSpec spec;
    if (v.rate > 0)
        spec.ratePerS = v.rate;
    spec.poisson = v.poisson;
    if (v.count > 0)
        spec.count = std::uint64_t(v.count);
    spec.durationS = v.durationS;
    spec.closer =
        v.closer == QLatin1String("server") ? core::LoadCloser::Server : core::LoadCloser::Client;
    if (v.peerClose == QLatin1String("never")) {
        spec.peerClose = core::PeerClose::Never;
    } else if (v.peerClose.startsWith(QLatin1String("delay:"))) {
        spec.peerClose = core::PeerClose::Delay;
        spec.peerCloseDelayMs = v.peerClose.section(u':', 1).toLongLong();
    }
    spec.pool = v.pool;
    spec.clients = v.clients;
    spec.nat = v.nat;
    spec.serverPorts = v.serverPorts;
    spec.rttMs = v.rttMs;
    spec.loss = v.lossPercent / 100.0;
    spec.loopback = v.loopback;
    spec.sampleMs = v.sampleMs;
    spec.seed = std::uint64_t(v.seed);
    spec.kernel = std::string(core::profileName(m_session->profile()));
    // The option editor's values apply to the load's hosts of the same name (client, server).
    for (const core::OptionOverride& o : m_session->overrides())
        spec.settings.emplace_back(o.host.empty() ? o.name : o.host + '.' + o.name, o.value);
    m_session->runLoad(spec);
}

void MainWindow::pinLoad() {
    if (!m_session->loadResult()) {
        reportError(tr("Run a load first; then pin it to compare it with the next run."));
        return;
    }
    m_session->pinLoad();
    statusBar()->showMessage(
        tr("Run pinned. Change options or load parameters and run again to compare."), 8000);
}

void MainWindow::unpinLoad() {
    m_session->unpinLoad();
}

bool MainWindow::waitForIdle(int msecs) {
    QElapsedTimer clock;
    clock.start();
    const bool scenario = m_session->waitForIdle(msecs);
    const bool load = m_session->waitForLoadIdle(int(std::max<qint64>(1, msecs - clock.elapsed())));
    QCoreApplication::processEvents();
    return scenario && load;
}

bool MainWindow::exportLadderPng(const QString& file) {
    return m_ladder->exportPng(file);
}

bool MainWindow::exportLadderSvg(const QString& file) {
    return m_ladder->exportSvg(file, tr("Ladder diagram of %1").arg(m_session->scenarioId()));
}

bool MainWindow::exportPlotPng(const QString& file) {
    StatePlot* plot = currentTab() == Tab::Compare ? m_compare->plot() : m_load->plot();
    return plot->savePng(file);
}

bool MainWindow::exportPlotPdf(const QString& file) {
    StatePlot* plot = currentTab() == Tab::Compare ? m_compare->plot() : m_load->plot();
    return plot->savePdf(file);
}

bool MainWindow::exportPlotCsv(const QString& file) {
    StatePlot* plot = currentTab() == Tab::Compare ? m_compare->plot() : m_load->plot();
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return out.write(plot->toCsv().toUtf8()) >= 0;
}

bool MainWindow::exportTraceCsv(const QString& file) {
    const auto recording = m_session->recording();
    return recording && writeTraceCsv(*recording, file);
}

bool MainWindow::exportTraceJson(const QString& file) {
    const auto recording = m_session->recording();
    return recording && writeRecordingJson(*recording, file);
}

void MainWindow::restoreSettings() {
    QSettings settings;
    if (!restoreGeometry(settings.value(QLatin1String(kGeometryKey)).toByteArray())) {
        const QScreen* shown = screen() ? screen() : QGuiApplication::primaryScreen();
        if (shown)
            setGeometry(firstStartGeometry(shown->availableGeometry()));
    }
    setLabelDetail(settings.value(QLatin1String(kLabelDetailKey), 1).toInt());
    m_absoluteSeqAction->setChecked(settings.value(QLatin1String(kAbsoluteSeqKey), false).toBool());
    m_layoutRestored = restoreState(settings.value(QLatin1String(kStateKey)).toByteArray());
    m_dockStates[1] = settings.value(QLatin1String(kLoadStateKey)).toByteArray();
    m_tabs->setCurrentIndex(settings.value(QLatin1String(kTabKey), 0).toInt());
    const QString last =
        settings.value(QLatin1String(kLastScenarioKey), QLatin1String(kDefaultScenario)).toString();
    if (!openScenario(last))
        openScenario(QLatin1String(kDefaultScenario));
}

void MainWindow::saveSettings() const {
    QSettings settings;
    settings.setValue(QLatin1String(kGeometryKey), saveGeometry());
    // The ladder's arrangement is the main one; the plots' is kept beside it.
    settings.setValue(QLatin1String(kStateKey), m_dockGroup == 0 ? saveState() : m_dockStates[0]);
    settings.setValue(QLatin1String(kLoadStateKey),
                      m_dockGroup == 1 ? saveState() : m_dockStates[1]);
    settings.setValue(QLatin1String(kTabKey), m_tabs->currentIndex());
    settings.setValue(QLatin1String(kLabelDetailKey), int(m_scene->detailLevel()));
    settings.setValue(QLatin1String(kAbsoluteSeqKey), m_scene->absoluteSequenceNumbers());
}

void MainWindow::setLabelDetail(int level) {
    level = std::clamp(level, 0, 2);
    m_scene->setDetailLevel(models::LadderScene::DetailLevel(level));
    for (QAction* action : m_detailGroup->actions())
        action->setChecked(action->data().toInt() == level);
}

void MainWindow::setAbsoluteSequenceNumbers(bool absolute) {
    m_scene->setAbsoluteSequenceNumbers(absolute);
    m_traceModel->setAbsoluteSequenceNumbers(absolute);
    if (m_absoluteSeqAction->isChecked() != absolute)
        m_absoluteSeqAction->setChecked(absolute);
    m_trace->fitColumns();
}

void MainWindow::resetLayout() {
    placeDocks();
    m_dockStates[0].clear();
    m_dockStates[1].clear();
    if (m_dockGroup == 1)
        applyLoadDockDefaults();
}

void MainWindow::switchDockGroup(int group) {
    if (group == m_dockGroup)
        return;
    // The ladder needs its trace and explanation; the plots need room. Each group of tabs keeps
    // its own dock arrangement.
    m_dockStates[m_dockGroup] = saveState();
    m_dockGroup = group;
    // A restored arrangement brings the dock widths it was saved with; the window keeps its
    // size (switching tabs must not push it past the screen).
    const QSize keep = size();
    if (m_dockStates[group].isEmpty() || !restoreState(m_dockStates[group])) {
        if (group == 1) {
            applyLoadDockDefaults();
        } else if (group == 2) {
            // Practice has its own ladder and explanation; the docks would give the answer away.
            for (QDockWidget* dock : {m_browserDock, m_explanationDock, m_optionsDock, m_traceDock,
                                      m_socketsDock, m_countersDock})
                dock->hide();
        } else {
            placeDocks();
        }
    }
    const auto restoreSize = [this, keep] {
        if (size() != keep && !isMaximized() && !isFullScreen())
            resize(keep);
    };
    restoreSize();
    QTimer::singleShot(0, this, restoreSize);
}

void MainWindow::createPractice() {
    m_questions = std::make_unique<models::CoreQuestionSource>();
    m_progress = new models::ProgressStore(this);
    m_practice = new PracticePanel(m_questions.get(), m_progress, m_languages, m_tabs);
    m_tabs->addTab(m_practice, QString());
    m_practiceTabAction = new QAction(this);
    m_practiceTabAction->setObjectName(QStringLiteral("actionPracticeTab"));
    m_practiceTabAction->setShortcut(QKeySequence(tr("Ctrl+4")));
    connect(m_practiceTabAction, &QAction::triggered, this, [this] { showTab(Tab::Practice); });
    connect(m_practice, &PracticePanel::showMeRequested, this, &MainWindow::showPracticeRun);
}

bool MainWindow::openProgress(const QString& path) {
    const bool ok = m_progress->open(path);
    m_practice->refreshProgress();
    return ok;
}

void MainWindow::showPracticeRun(const models::PracticeRun& run, qint64 atUs) {
    const bool ok = run.scenarioJson.isEmpty()
                        ? openScenario(run.scenario)
                        : m_session->loadScenarioJson(run.scenarioJson, run.scenario);
    if (!ok) {
        reportError(m_lastError);
        return;
    }
    if (!run.kernel.isEmpty())
        setKernelProfile(run.kernel);
    for (const QString& set : run.sets)
        applyOption(set);
    if (run.seed)
        m_session->setSeed(*run.seed);
    m_session->waitForIdle();
    m_player->pause();
    m_player->seekTime(atUs);
    showTab(Tab::Ladder);
}

void MainWindow::applyLoadDockDefaults() {
    for (QDockWidget* dock :
         {m_browserDock, m_explanationDock, m_traceDock, m_socketsDock, m_countersDock})
        dock->hide();
    m_optionsDock->show();
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    // Without a saved layout, the dock proportions follow the first real window size.
    if (!m_shown && !m_layoutRestored)
        QTimer::singleShot(0, this, &MainWindow::sizeDocks);
    m_shown = true;
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::retranslate() {
    m_explanationKey.clear();
    const auto scenario = m_session->scenario();
    const bool chinese = m_languages->language() == QLatin1String("zh_CN");
    setWindowTitle(scenario
                       ? tr("%1 — %2").arg(models::applicationTitle(),
                                           QString::fromStdString(scenario->title.text(chinese)))
                       : models::applicationTitle());
    m_tabs->setTabText(int(Tab::Ladder), tr("Ladder"));
    m_tabs->setTabText(int(Tab::Load), tr("Load"));
    m_tabs->setTabText(int(Tab::Compare), tr("Compare"));
    m_tabs->setTabToolTip(int(Tab::Ladder), tr("One connection's close, step by step"));
    m_tabs->setTabToolTip(int(Tab::Load), tr("Socket states under load"));
    m_tabs->setTabToolTip(int(Tab::Compare), tr("A pinned load run against the current one"));
    m_tabs->setTabText(int(Tab::Practice), tr("Practice"));
    m_tabs->setTabToolTip(int(Tab::Practice),
                          tr("Questions the simulator grades, a mock interview, your progress"));
    m_practiceTabAction->setText(tr("P&ractice"));

    m_browserDock->setWindowTitle(tr("Scenarios"));
    m_explanationDock->setWindowTitle(tr("Explanation"));
    m_optionsDock->setWindowTitle(tr("Options"));
    m_traceDock->setWindowTitle(tr("Trace"));
    m_socketsDock->setWindowTitle(tr("Sockets"));
    m_countersDock->setWindowTitle(tr("Counters"));

    m_fileMenu->setTitle(tr("&File"));
    m_exportMenu->setTitle(tr("&Export"));
    m_viewMenu->setTitle(tr("&View"));
    m_playMenu->setTitle(tr("&Playback"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));

    m_openAction->setText(tr("&Open scenario…"));
    m_openAction->setToolTip(tr("Load a scenario from a JSON file"));
    m_importAction->setText(tr("&Import sysctl.conf…"));
    m_exportLadderPng->setText(tr("Ladder as &PNG…"));
    m_exportLadderSvg->setText(tr("Ladder as &SVG…"));
    m_exportPlotPng->setText(tr("Plot as P&NG…"));
    m_exportPlotPdf->setText(tr("Plot as P&DF…"));
    m_exportPlotCsv->setText(tr("Plot data as &CSV…"));
    m_exportTraceCsv->setText(tr("Trace as CS&V…"));
    m_exportTraceJson->setText(tr("Trace as &JSON…"));
    m_quitAction->setText(tr("&Quit"));
    m_playAction->setText(m_player->isPlaying() ? tr("&Pause") : tr("&Play"));
    m_playAction->setToolTip(tr("Play or pause (Space)"));
    m_stepBackAction->setText(tr("Step &back"));
    m_stepBackAction->setToolTip(tr("Previous event (←)"));
    m_stepForwardAction->setText(tr("Step &forward"));
    m_stepForwardAction->setToolTip(tr("Next event (→)"));
    m_startAction->setText(tr("Go to &start"));
    m_startAction->setToolTip(tr("Start of the run (Home)"));
    m_endAction->setText(tr("Go to &end"));
    m_endAction->setToolTip(tr("End of the run (End)"));
    m_fasterAction->setText(tr("&Faster"));
    m_slowerAction->setText(tr("&Slower"));
    m_ladderTabAction->setText(tr("&Ladder"));
    m_loadTabAction->setText(tr("L&oad"));
    m_compareTabAction->setText(tr("&Compare"));
    m_runLoadAction->setText(tr("&Run load"));
    m_pinAction->setText(tr("P&in load run for compare"));
    m_findAction->setText(tr("&Filter the trace"));
    m_resetLayoutAction->setText(tr("&Reset layout"));
    m_labelMenu->setTitle(tr("Segment &labels"));
    const QStringList detailTexts{tr("&Flags only"), tr("Flags and &seq/ack/len"),
                                  tr("Flags, seq/ack/len and &options (TSval, TSecr, window)")};
    for (QAction* action : m_detailGroup->actions())
        action->setText(detailTexts.value(action->data().toInt()));
    m_detailCycleAction->setText(tr("&More or less detail"));
    m_absoluteSeqAction->setText(tr("&Absolute sequence numbers"));
    m_absoluteSeqAction->setToolTip(
        tr("Show seq and ack as on the wire instead of relative to each side's initial sequence "
           "number"));
    m_shortcutsAction->setText(tr("&Keyboard shortcuts"));
    m_aboutAction->setText(tr("&About closelab"));
    m_aboutQtAction->setText(tr("About &Qt"));
    updateExplanation();
}

void MainWindow::reportError(const QString& message) {
    m_lastError = message;
    statusBar()->showMessage(message, 10000);
    if (m_interactive)
        showDialog(Dialog::Error);
}

QWidget* MainWindow::showDialog(Dialog dialog) {
    switch (dialog) {
        case Dialog::Shortcuts:
            showShortcuts();
            return m_shortcutsDialog;
        case Dialog::About:
            return showAbout();
        case Dialog::Error:
            break;
    }
    auto* box = new QMessageBox(QMessageBox::Warning, models::applicationTitle(), m_lastError,
                                QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return box;
}

void MainWindow::onRecordingChanged() {
    const auto recording = m_session->recording();
    if (m_tryBefore && recording && recording != m_tryBefore)
        showTryResult(*m_tryBefore, *recording);
    m_scene->setRecording(recording);
    m_traceModel->setRecording(recording);
    m_socketModel->setRecording(recording);
    m_countersModel->setRecording(recording);
    m_notes->setRecording(recording);
    for (TablePanel* panel : {m_trace, m_sockets, m_counters})
        panel->fitColumns();
    retranslate();
    onTimeChanged();
}

void MainWindow::onTimeChanged() {
    const qint64 t = m_player->timeUs();
    m_playback->setScrubRange(int(m_player->displayLength() * kSliderTicksPerUnit));
    m_playback->setScrubValue(int(m_player->displayPos() * kSliderTicksPerUnit));
    m_playback->setTimeText(models::formatTime(t));
    m_stepBackAction->setEnabled(!m_player->atStart());
    m_startAction->setEnabled(!m_player->atStart());
    m_stepForwardAction->setEnabled(!m_player->atEnd());
    m_endAction->setEnabled(!m_player->atEnd());
    m_traceModel->setCurrentTime(t);
    m_socketModel->setCurrentTime(t);
    m_countersModel->setCurrentTime(t);
    m_notes->setCurrentTime(t);
    // A step to a time without a note of its own keeps the row but changes the explanation.
    updateExplanation();
    m_trace->selectSourceRow(m_traceModel->rowAtTime(t));
}

void MainWindow::updateExplanation() {
    const int row = m_notes->currentRow();
    const auto scenario = m_session->scenario();
    const bool chinese = m_languages->language() == QLatin1String("zh_CN");
    const QString lesson =
        scenario ? QString::fromStdString(scenario->lesson.text(chinese)) : QString();
    if (row < 0) {
        if (m_explanationKey == QLatin1String("-1"))
            return;
        m_explanationKey = QStringLiteral("-1");
        m_explanation->setContent(QString(), QString(), QString(),
                                  models::NotesModel::linkTerms(lesson));
        return;
    }
    // A step without a note of its own says what it shows, then the note before it.
    const qint64 now = m_player->timeUs();
    const auto recording = m_session->recording();
    const QString step = recording && m_notes->timeOfRow(row) != now
                             ? models::stepSummary(*recording, now)
                             : QString();
    // Playback calls this every frame: rewrite the panel only when its text changes.
    const QString key =
        QString::number(row) + u'|' + (step.isEmpty() ? QString() : QString::number(now));
    if (key == m_explanationKey)
        return;
    m_explanationKey = key;
    if (!step.isEmpty()) {
        const QString before = tr("Before this, at %1: %2")
                                   .arg(models::formatTime(m_notes->timeOfRow(row)),
                                        models::NotesModel::linkTerms(m_notes->currentSentence()));
        m_explanation->setContent(tr("At %1").arg(models::formatTime(now)),
                                  models::NotesModel::linkTerms(step) +
                                      QStringLiteral("<br><small>%1</small>").arg(before),
                                  QString(), models::NotesModel::linkTerms(lesson));
        return;
    }
    m_explanation->setContent(tr("At %1").arg(models::formatTime(m_notes->timeOfRow(row))),
                              models::NotesModel::linkTerms(m_notes->currentSentence()),
                              models::NotesModel::linkTerms(m_notes->currentWhy()),
                              models::NotesModel::linkTerms(lesson));
}

void MainWindow::updatePlayActions() {
    const bool playing = m_player->isPlaying();
    m_playAction->setText(playing ? tr("&Pause") : tr("&Play"));
    m_playAction->setIcon(
        style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
}

void MainWindow::openScenarioDialog() {
    const QString file = QFileDialog::getOpenFileName(this, tr("Open scenario"), QString(),
                                                      tr("Scenario files (*.json);;All files (*)"));
    if (file.isEmpty())
        return;
    if (!openScenario(file))
        reportError(m_lastError);
}

void MainWindow::importSysctlDialog() {
    const QString file =
        QFileDialog::getOpenFileName(this, tr("Import sysctl.conf"), QStringLiteral("/etc"),
                                     tr("sysctl files (*.conf);;All files (*)"));
    if (file.isEmpty())
        return;
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        reportError(tr("Cannot read %1: %2").arg(file, in.errorString()));
        return;
    }
    importSysctl(QString::fromUtf8(in.readAll()));
}

QStringList MainWindow::importSysctl(const QString& text) {
    const QStringList refused = m_optionsModel->importSysctlConf(text);
    if (refused.isEmpty())
        m_options->showMessage(tr("Imported every setting."), false);
    else
        m_options->showMessage(refused.join(u'\n'), true);
    return refused;
}

void MainWindow::exportDialog(const QString& kind) {
    struct Kind {
        QString suffix;
        QString filter;
    };
    const QHash<QString, Kind> kinds{
        {QStringLiteral("ladder-png"), {QStringLiteral("png"), tr("PNG images (*.png)")}},
        {QStringLiteral("ladder-svg"), {QStringLiteral("svg"), tr("SVG drawings (*.svg)")}},
        {QStringLiteral("plot-png"), {QStringLiteral("png"), tr("PNG images (*.png)")}},
        {QStringLiteral("plot-pdf"), {QStringLiteral("pdf"), tr("PDF documents (*.pdf)")}},
        {QStringLiteral("plot-csv"), {QStringLiteral("csv"), tr("CSV files (*.csv)")}},
        {QStringLiteral("trace-csv"), {QStringLiteral("csv"), tr("CSV files (*.csv)")}},
        {QStringLiteral("trace-json"), {QStringLiteral("json"), tr("JSON files (*.json)")}},
    };
    const Kind k = kinds.value(kind);
    const QString base =
        m_session->scenarioId().isEmpty() ? QStringLiteral("closelab") : m_session->scenarioId();
    QString file = QFileDialog::getSaveFileName(this, tr("Export"),
                                                base + u'-' + kind + u'.' + k.suffix, k.filter);
    if (file.isEmpty())
        return;
    if (QFileInfo(file).suffix().isEmpty())
        file += u'.' + k.suffix;
    bool ok = false;
    if (kind == QLatin1String("ladder-png"))
        ok = exportLadderPng(file);
    else if (kind == QLatin1String("ladder-svg"))
        ok = exportLadderSvg(file);
    else if (kind == QLatin1String("plot-png"))
        ok = exportPlotPng(file);
    else if (kind == QLatin1String("plot-pdf"))
        ok = exportPlotPdf(file);
    else if (kind == QLatin1String("plot-csv"))
        ok = exportPlotCsv(file);
    else if (kind == QLatin1String("trace-csv"))
        ok = exportTraceCsv(file);
    else if (kind == QLatin1String("trace-json"))
        ok = exportTraceJson(file);
    if (ok)
        statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(file)), 5000);
    else
        reportError(tr("Could not write %1.").arg(QDir::toNativeSeparators(file)));
}

void MainWindow::showShortcuts() {
    if (!m_shortcutsDialog)
        m_shortcutsDialog = new ShortcutsDialog(shortcutActions(), this);
    m_shortcutsDialog->show();
    m_shortcutsDialog->raise();
}

QWidget* MainWindow::showAbout() {
    const std::string_view v = core::version();
    // QMessageBox::about() without its nested event loop, so it can be shown and grabbed.
    auto* box = new QMessageBox(
        QMessageBox::Information, tr("About closelab"),
        tr("<h3>%1 %2</h3><p>%3</p><p>How Linux closes TCP connections: the four-way close, "
           "TIME_WAIT and CLOSE_WAIT, and the kernel options around them, simulated step by "
           "step and under load.</p>")
            .arg(models::applicationTitle(), QString::fromLatin1(v.data(), qsizetype(v.size())),
                 models::applicationSummary()),
        QMessageBox::Ok, this);
    box->setIconPixmap(QApplication::windowIcon().pixmap(64, 64));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return box;
}

void MainWindow::onLanguageChanged() {
    const QString code = m_languages->language();
    for (QAction* action : m_languageGroup->actions())
        action->setChecked(action->data().toString() == code);
    // QML re-reads every qsTr() binding; the models relabel their own texts.
    m_ladder->engine()->retranslate();
    m_scene->retranslate();
    m_scenarios->setLanguage(code.isEmpty() ? QStringLiteral("en") : code);
    m_scenarios->retranslate();
    m_traceModel->retranslate();
    m_socketModel->retranslate();
    m_countersModel->retranslate();
    m_optionsModel->retranslate();
    m_notes->retranslate();
    if (m_session->loadResult())
        onLoadResultChanged();
    // The time beside the slider carries a unit ("ms", "毫秒"): rewrite it now, not at the next
    // step.
    m_playback->setTimeText(models::formatTime(m_player->timeUs()));
    m_explanationKey.clear();
    updateExplanation();
}

void MainWindow::onLoadResultChanged() {
    const auto result = m_session->loadResult();
    if (!result)
        return;
    m_load->setData(LoadDataBuilder::build(*result));
    const auto& s = result->summary;
    // %Ln: the English catalogue carries "1 connection attempt" / "2 connection attempts".
    const int attempts = int(std::min<std::uint64_t>(s.attempted, INT_MAX));
    m_load->setBusy(false, s.failed.empty()
                               ? tr("%Ln connection attempt(s), none failed", nullptr, attempts)
                               : tr("%Ln connection attempt(s), %L1 failed", nullptr, attempts)
                                     .arg(qulonglong(s.attempted - s.succeeded)));
    updateCompare();
}

void MainWindow::updateCompare() {
    const auto pinned = m_session->pinnedLoad();
    const auto current = m_session->loadResult();
    if (!pinned) {
        m_compare->setRuns({}, current ? LoadDataBuilder::build(*current) : LoadData{}, {});
        return;
    }
    m_compare->setRuns(LoadDataBuilder::build(*pinned),
                       current ? LoadDataBuilder::build(*current) : LoadData{},
                       m_session->loadDifferences());
}

bool MainWindow::trySuggestion(const QString& assignment) {
    const auto before = m_session->recording();
    m_tryAssignment = assignment;
    m_tryBefore = before;
    if (!applyOption(assignment)) {
        m_tryBefore.reset();
        return false;
    }
    // A value the run already had changes nothing: say so rather than wait for a new run.
    if (m_session->recording() == before && !m_session->isBusy())
        m_explanation->setTryResult(
            tr("<b>%1</b> is already in effect.").arg(assignment.toHtmlEscaped()));
    return true;
}

void MainWindow::showTryResult(const core::Recording& before, const core::Recording& after) {
    const QStringList lines = models::runDifferences(before, after);
    QString html = tr("<b>With %1:</b>").arg(m_tryAssignment.toHtmlEscaped());
    if (lines.isEmpty()) {
        html += u' ' + tr("the run tells the same story.").toHtmlEscaped();
    } else {
        html += QStringLiteral("<ul style='margin-left:-20px'>");
        for (const QString& line : lines)
            html += QStringLiteral("<li>%1</li>").arg(line.toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    m_tryBefore.reset();
    m_explanation->setTryResult(html);
}

void MainWindow::undoTry() {
    m_tryBefore.reset();
    try {
        const core::OptionOverride o = core::parseOverride(m_tryAssignment.toStdString());
        m_session->clearOption(QString::fromStdString(o.host), QString::fromStdString(o.name));
    } catch (const core::InputError& e) {
        reportError(models::errorMessage(e));
    }
    m_explanation->setTryResult(QString());
}

}  // namespace closelab::widgets
