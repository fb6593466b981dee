#pragma once

#include <QWidget>

#include <optional>

#include "core/quiz/review_schedule.h"
#include "models/question_source.h"

class QButtonGroup;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QStackedWidget;
class QTableView;
class QTimer;
class QGroupBox;

namespace closelab::models {
class LadderScene;
class LanguageManager;
class MistakesModel;
class Player;
class PracticeSession;
class ProgressStore;
class Session;
class TopicProgressModel;
}  // namespace closelab::models

namespace closelab::widgets {

class LadderView;

// The Practice tab: choose what to practise (topics, the reviews due, the mistakes, a mock
// interview), answer with the keyboard alone, say how sure you are, then see the feedback and
// the explanation; predict-next questions pause their own ladder before the key event and play
// on after the answer. "Show me" asks the main window to open the run on the Ladder tab. The
// home page shows the progress: weak topics, the 错题本, the reviews due, CSV export.
//
// Keys: 1-9 or a-i pick a choice (multi-choice: toggle), ↑/↓ move, Ctrl+↑/↓ move an item of an
// order question, Enter submits; then 1/2/3 (or L/M/H) say how sure you are and reveal; then S
// shows the run on the ladder, Enter goes on, Esc ends the run.
class PracticePanel : public QWidget {
    Q_OBJECT
public:
    // source and store are not owned; store may be closed (nothing is remembered then).
    PracticePanel(const models::QuestionSource* source, models::ProgressStore* store,
                  models::LanguageManager* languages, QWidget* parent = nullptr);
    ~PracticePanel() override;

    enum class Page { Home, Question, Summary };
    Page page() const;
    models::PracticeSession* session() const { return m_session; }
    models::Player* player() const { return m_player; }
    models::TopicProgressModel* topicModel() const { return m_topics; }
    models::MistakesModel* mistakesModel() const { return m_mistakes; }
    QWidget* answerWidget() const;  // the widget that has the keyboard for the current question
    bool confidenceAsked() const;   // waiting for low / medium / high
    bool revealed() const;          // graded and shown
    QString feedbackText() const;   // the feedback shown (plain text)
    QString summaryText() const;
    bool ladderShown() const;
    bool futureHidden() const;  // predict_next: the ladder stops before the key event

    // Starts a run as the home page's buttons do; false (and a message on the home page) when it
    // has no question.
    bool startTopics(const QStringList& topics);
    bool startDue();
    bool startMistakes();
    bool startInterview();
    // Shows one question (the app's --practice ID for screenshots).
    bool startQuestion(const QString& id, std::uint64_t seed);
    // Answers the current question as the keyboard would (for --practice-answer screenshots).
    void answerNow(const QString& answer, core::Confidence confidence);
    // Waits (processing events) until grading and the reveal's replay are done.
    bool waitForIdle(int msecs = 30000);
    void setRandomSeed(std::uint64_t seed);
    // A scripted learner for screenshots: a mock interview where every `wrongEvery`-th answer
    // is a wrong choice (questions with choices) and the others are the computed right answers.
    bool playScriptedInterview(int wrongEvery);
    bool exportCsv(const QString& file);
    // Re-reads the progress (after the store was opened elsewhere).
    void refreshProgress();

signals:
    // The question's run on the Ladder tab, paused at atUs.
    void showMeRequested(const models::PracticeRun& run, qint64 atUs);

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    QWidget* buildHome();
    QWidget* buildQuestion();
    QWidget* buildSummary();
    void retranslate();
    void refreshHome();
    void onQuestionChanged();
    void onGraded();
    void onFinished();
    void showQuestionLadder();
    void revealOnLadder();
    void requestSubmit();
    void askConfidence(bool ask);
    void chooseConfidence(core::Confidence confidence);
    QString currentAnswer() const;
    void pickChoice(int row);
    void moveOrderItem(int delta);
    void updateClock();
    void updateHints();
    void exportDialog();
    void showMe();
    bool chinese() const;

    const models::QuestionSource* m_source;
    models::ProgressStore* m_store;
    models::LanguageManager* m_languages;
    models::PracticeSession* m_session = nullptr;
    models::TopicProgressModel* m_topics = nullptr;
    models::MistakesModel* m_mistakes = nullptr;
    // The question's own run, for predict-next and "what happened" after the answer.
    models::Session* m_run = nullptr;
    models::Player* m_player = nullptr;
    models::LadderScene* m_scene = nullptr;
    std::optional<qint64> m_revealUntilUs;

    QStackedWidget* m_pages = nullptr;
    // Home
    QLabel* m_homeTitle = nullptr;
    QGroupBox* m_chooseBox = nullptr;
    QListWidget* m_topicList = nullptr;
    QPushButton* m_topicsButton = nullptr;
    QPushButton* m_dueButton = nullptr;
    QPushButton* m_mistakesButton = nullptr;
    QPushButton* m_interviewButton = nullptr;
    QLabel* m_homeMessage = nullptr;
    QGroupBox* m_progressBox = nullptr;
    QLabel* m_progressLine = nullptr;
    QLabel* m_weakLabel = nullptr;
    QTableView* m_topicTable = nullptr;
    QLabel* m_mistakesLabel = nullptr;
    QTableView* m_mistakeTable = nullptr;
    QPushButton* m_exportButton = nullptr;
    // Question
    QLabel* m_position = nullptr;
    QLabel* m_clock = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_text = nullptr;
    LadderView* m_ladder = nullptr;
    QLabel* m_ladderNote = nullptr;
    QPlainTextEdit* m_listing = nullptr;
    QListWidget* m_choices = nullptr;
    QListWidget* m_order = nullptr;
    QLineEdit* m_typed = nullptr;
    QLabel* m_hint = nullptr;
    QWidget* m_confidenceRow = nullptr;
    QLabel* m_confidenceLabel = nullptr;
    QRadioButton* m_low = nullptr;
    QRadioButton* m_medium = nullptr;
    QRadioButton* m_high = nullptr;
    QLabel* m_feedback = nullptr;
    QPushButton* m_submitButton = nullptr;
    QPushButton* m_showMeButton = nullptr;
    QPushButton* m_nextButton = nullptr;
    QPushButton* m_endButton = nullptr;
    // Summary
    QLabel* m_summaryTitle = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_retryButton = nullptr;
    QPushButton* m_homeButton = nullptr;
    QTimer* m_clockTimer = nullptr;
    bool m_asking = false;
};

}  // namespace closelab::widgets
