#pragma once

#include <QByteArray>
#include <QMainWindow>
#include <QPointer>

#include <memory>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QTabWidget;

namespace closelab::core {
struct Recording;
}

namespace closelab::models {
class CountersModel;
class LadderScene;
class LanguageManager;
class NotesModel;
class OptionsModel;
class Player;
class ProgressStore;
class QuestionSource;
struct PracticeRun;
class ScenarioListModel;
class Session;
class SocketTableModel;
class TraceModel;
}  // namespace closelab::models

namespace closelab::widgets {

class ComparePanel;
class ExplanationPanel;
class LadderView;
class LectureTools;
class LoadPanel;
class OptionEditor;
class PlaybackBar;
class PlaybackKeys;
class PracticePanel;
class ScenarioBrowser;
class TablePanel;

// The window people learn in: the ladder with its playback controls in the middle, the scenario
// browser on the left, the explanation and the options on the right, the trace, sockets and
// counters below; a Load tab and a Compare tab for the load model.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class Tab { Ladder, Load, Compare, Practice };
    // The dialogs the window opens itself (for screenshots and tests: showDialog()).
    enum class Dialog { Shortcuts, About, Error };

    // languages: the application's LanguageManager; when null the window makes its own.
    explicit MainWindow(models::LanguageManager* languages = nullptr, QWidget* parent = nullptr);
    ~MainWindow() override;

    models::Session* session() const { return m_session; }
    models::Player* player() const { return m_player; }
    models::LanguageManager* languages() const { return m_languages; }
    models::LadderScene* ladderScene() const { return m_scene; }
    models::ScenarioListModel* scenarioModel() const { return m_scenarios; }
    models::TraceModel* traceModel() const { return m_traceModel; }
    models::OptionsModel* optionsModel() const { return m_optionsModel; }
    LadderView* ladderView() const { return m_ladder; }
    LoadPanel* loadPanel() const { return m_load; }
    ComparePanel* comparePanel() const { return m_compare; }
    OptionEditor* optionEditor() const { return m_options; }
    ExplanationPanel* explanationPanel() const { return m_explanation; }
    TablePanel* tracePanel() const { return m_trace; }
    TablePanel* socketsPanel() const { return m_sockets; }
    TablePanel* countersPanel() const { return m_counters; }
    ScenarioBrowser* scenarioBrowser() const { return m_browser; }
    LectureTools* lectureTools() const { return m_lecture; }
    PracticePanel* practicePanel() const { return m_practice; }
    models::ProgressStore* progressStore() const { return m_progress; }
    // Opens the practice progress file (the app: ProgressStore::defaultPath(); screenshots and
    // tests: a private one). false, and the Practice tab says why, when it cannot be opened.
    bool openProgress(const QString& path);
    QList<QAction*> shortcutActions() const;

    // A built-in id or a scenario file. On failure the current scenario stays, the reason is in
    // lastError() and, when interactive, shown in a dialog.
    bool openScenario(const QString& idOrFile);
    // Applies a --set style assignment ("client.net.ipv4.tcp_fin_timeout=7").
    bool applyOption(const QString& assignment);
    bool setKernelProfile(const QString& name);
    void showTab(Tab tab);
    Tab currentTab() const;
    void runLoad();
    void pinLoad();
    void unpinLoad();
    // Applies a sysctl.conf text to every host; returns the refused lines (translated).
    QStringList importSysctl(const QString& text);
    // Waits (processing events) until the scenario and load runs have finished.
    bool waitForIdle(int msecs = 10000);
    QString lastError() const { return m_lastError; }
    // Opens one of the window's dialogs, as its menu entry (or a failed action) would; the error
    // dialog shows lastError(). Returns the dialog (owned by the window, deleted on close).
    QWidget* showDialog(Dialog dialog);
    // Dialogs for errors; off for tests and --screenshot.
    void setInteractive(bool interactive) { m_interactive = interactive; }

    bool exportLadderPng(const QString& file);
    bool exportLadderSvg(const QString& file);
    bool exportPlotPng(const QString& file);
    bool exportPlotPdf(const QString& file);
    bool exportPlotCsv(const QString& file);
    bool exportTraceCsv(const QString& file);
    bool exportTraceJson(const QString& file);

    void restoreSettings();
    void saveSettings() const;
    void resetLayout();
    // Segment labels: 0 flags only, 1 with seq/ack/len, 2 with options too (View menu, D).
    void setLabelDetail(int level);
    // Seq/ack as on the wire in the ladder and the trace (default: relative to each ISN).
    void setAbsoluteSequenceNumbers(bool absolute);
    // Applies one of the scenario's "try" suggestions; when the new run is in, the explanation
    // says what changed against the run before it. undoTry() takes it back.
    bool trySuggestion(const QString& assignment);
    void undoTry();

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createPanels();
    void createDocks();
    void placeDocks();
    void sizeDocks();
    void ignoreHiddenTabSizes();
    void switchDockGroup(int group);
    void applyLoadDockDefaults();
    void wireModels();
    void retranslate();
    void reportError(const QString& message);
    void onRecordingChanged();
    void onTimeChanged();
    void updateExplanation();
    void updatePlayActions();
    void openScenarioDialog();
    void importSysctlDialog();
    void exportDialog(const QString& kind);
    void showShortcuts();
    QWidget* showAbout();
    void onLanguageChanged();
    void onLoadResultChanged();
    void updateCompare();
    void showTryResult(const core::Recording& before, const core::Recording& after);
    void createPractice();
    void showPracticeRun(const models::PracticeRun& run, qint64 atUs);

    models::LanguageManager* m_languages = nullptr;
    models::Session* m_session = nullptr;
    models::Player* m_player = nullptr;
    models::LadderScene* m_scene = nullptr;
    models::ScenarioListModel* m_scenarios = nullptr;
    models::TraceModel* m_traceModel = nullptr;
    models::SocketTableModel* m_socketModel = nullptr;
    models::CountersModel* m_countersModel = nullptr;
    models::OptionsModel* m_optionsModel = nullptr;
    models::NotesModel* m_notes = nullptr;

    QTabWidget* m_tabs = nullptr;
    LadderView* m_ladder = nullptr;
    PlaybackBar* m_playback = nullptr;
    LoadPanel* m_load = nullptr;
    ComparePanel* m_compare = nullptr;
    ScenarioBrowser* m_browser = nullptr;
    ExplanationPanel* m_explanation = nullptr;
    OptionEditor* m_options = nullptr;
    TablePanel* m_trace = nullptr;
    TablePanel* m_sockets = nullptr;
    TablePanel* m_counters = nullptr;
    QDockWidget* m_browserDock = nullptr;
    QDockWidget* m_explanationDock = nullptr;
    QDockWidget* m_optionsDock = nullptr;
    QDockWidget* m_traceDock = nullptr;
    QDockWidget* m_socketsDock = nullptr;
    QDockWidget* m_countersDock = nullptr;
    QLabel* m_status = nullptr;
    LectureTools* m_lecture = nullptr;
    std::unique_ptr<models::QuestionSource> m_questions;
    models::ProgressStore* m_progress = nullptr;
    PracticePanel* m_practice = nullptr;
    QAction* m_practiceTabAction = nullptr;

    QMenu* m_fileMenu = nullptr;
    QMenu* m_exportMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_playMenu = nullptr;
    QMenu* m_languageMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QAction* m_openAction = nullptr;
    QAction* m_importAction = nullptr;
    QAction* m_exportLadderPng = nullptr;
    QAction* m_exportLadderSvg = nullptr;
    QAction* m_exportPlotPng = nullptr;
    QAction* m_exportPlotPdf = nullptr;
    QAction* m_exportPlotCsv = nullptr;
    QAction* m_exportTraceCsv = nullptr;
    QAction* m_exportTraceJson = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_playAction = nullptr;
    QAction* m_stepBackAction = nullptr;
    QAction* m_stepForwardAction = nullptr;
    QAction* m_startAction = nullptr;
    QAction* m_endAction = nullptr;
    QAction* m_fasterAction = nullptr;
    QAction* m_slowerAction = nullptr;
    QAction* m_ladderTabAction = nullptr;
    QAction* m_loadTabAction = nullptr;
    QAction* m_compareTabAction = nullptr;
    QAction* m_runLoadAction = nullptr;
    QAction* m_pinAction = nullptr;
    QAction* m_resetLayoutAction = nullptr;
    QAction* m_findAction = nullptr;
    QActionGroup* m_languageGroup = nullptr;
    QAction* m_shortcutsAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QAction* m_aboutQtAction = nullptr;

    QString m_lastError;
    bool m_interactive = true;
    bool m_shown = false;
    bool m_layoutRestored = false;
    int m_dockGroup = 0;  // 0: ladder tab, 1: load and compare tabs, 2: practice
    QByteArray m_dockStates[3];
    QPointer<QWidget> m_shortcutsDialog;
    QMenu* m_labelMenu = nullptr;
    QActionGroup* m_detailGroup = nullptr;
    QAction* m_detailCycleAction = nullptr;
    QAction* m_absoluteSeqAction = nullptr;
    PlaybackKeys* m_playbackKeys = nullptr;
    QString m_tryAssignment;
    QString m_explanationKey;  // what the explanation shows now (row and step), to skip rewrites
    std::shared_ptr<const core::Recording> m_tryBefore;
};

}  // namespace closelab::widgets
