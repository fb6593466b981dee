#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <random>

#include "core/quiz/review_schedule.h"
#include "models/progress_store.h"
#include "models/question_source.h"

namespace closelab::models {

// One question's outcome within a run of practice.
struct PracticeResult {
    QString questionId;
    QString topic;
    QString title;
    bool correct = false;
    bool confidentWrong = false;
    double seconds = 0.0;
};

// The end of a run of practice (the mock interview's summary page).
struct PracticeSummary {
    struct TopicLine {
        QString topic;
        int asked = 0;
        int correct = 0;
    };
    int asked = 0;
    int correct = 0;
    int confidentWrong = 0;
    qint64 elapsedMs = 0;
    QList<TopicLine> topics;        // in the order they were first asked
    QList<PracticeResult> toRetry;  // the wrong ones, in the order asked
};

// A run of practice: which questions, in which order, one at a time; grading off the GUI thread
// (a question's key is computed by simulating its run); every graded answer is recorded in the
// ProgressStore. Modes: chosen topics, the reviews due, the questions last answered wrong, and
// the mock interview (kInterviewLength questions, topics weighted towards the weak ones, each
// opener followed by its follow_ups chain as an interviewer would, one clock for the whole).
class PracticeSession : public QObject {
    Q_OBJECT
public:
    enum class Mode { Topics, Due, Mistakes, Interview };
    enum class State { Idle, Asking, Grading, Answered, Finished };
    static constexpr int kInterviewLength = 10;

    // source and store are not owned and must outlive the session; store may be null (nothing
    // is remembered) or closed.
    PracticeSession(const QuestionSource* source, ProgressStore* store, QObject* parent = nullptr);
    ~PracticeSession() override;

    // The randomness of the question order, the interview's draw and the variant seeds.
    void setRandomSeed(std::uint64_t seed);
    // Texts of the current question in Chinese (true) or English; re-reads the current one.
    void setChinese(bool chinese);
    bool chinese() const { return m_chinese; }

    // Starts a run; the number of questions in it (0: nothing to ask, state stays Idle).
    int start(Mode mode, const QStringList& topics = {});
    // A run of exactly these questions (a mistake picked from the list, --practice ID); a seed
    // asks that variant of each.
    int startQuestions(const QStringList& ids, std::optional<std::uint64_t> seed = std::nullopt);
    void stop();
    Mode mode() const { return m_mode; }
    State state() const { return m_state; }

    const PracticeQuestion* current() const { return m_current ? &*m_current : nullptr; }
    int position() const { return m_index + 1; }  // 1-based
    int total() const { return int(m_plan.size()); }
    QStringList plan() const;  // question ids in order

    // Grades the answer off the GUI thread and records the attempt. Ignored unless Asking.
    void submit(const QString& answer, core::Confidence confidence);
    // The answer the learner gave to the current question and its grading (state Answered).
    const PracticeFeedback& feedback() const { return m_feedback; }
    QString lastAnswer() const { return m_lastAnswer; }
    std::optional<core::Confidence> lastConfidence() const { return m_lastConfidence; }
    bool waitForGrading(int msecs = 30000);

    // The next question, or Finished after the last.
    void next();

    // The run's clock; it stops when the run finishes.
    qint64 elapsedMs() const;
    qint64 questionElapsedMs() const {
        return m_questionClock.isValid() ? m_questionClock.elapsed() : 0;
    }
    const QList<PracticeResult>& results() const { return m_results; }
    PracticeSummary summary() const;

    // The interview's questions: openers (questions no other question follows up) drawn with
    // topic weights 1 + 4 x (1 - accuracy) for practised topics and 2 for new ones, each followed
    // by its follow_ups chain (depth first, no repeats, at most 3 deep), until `length` questions.
    static QStringList planInterview(const QList<QuestionInfo>& bank,
                                     const QList<TopicProgress>& progress, std::uint64_t seed,
                                     int length = kInterviewLength);

signals:
    void stateChanged(PracticeSession::State state);
    void questionChanged();
    void graded();
    void finished();
    void errorOccurred(const QString& message);

private:
    struct GradeJob;
    struct Planned {
        QString id;
        std::optional<std::uint64_t> seed;  // retrying a mistake asks the same variant again
    };
    void setState(State state);
    bool showCurrent();
    void onGraded(std::uint64_t generation, const PracticeFeedback& feedback);

    const QuestionSource* m_source = nullptr;
    ProgressStore* m_store = nullptr;
    bool m_chinese = false;
    std::mt19937_64 m_rng{1};
    Mode m_mode = Mode::Topics;
    State m_state = State::Idle;
    QList<Planned> m_plan;
    int m_index = -1;
    std::optional<PracticeQuestion> m_current;
    PracticeFeedback m_feedback;
    QString m_lastAnswer;
    std::optional<core::Confidence> m_lastConfidence;
    QList<PracticeResult> m_results;
    QElapsedTimer m_clock;
    QElapsedTimer m_questionClock;
    std::optional<qint64> m_finalElapsedMs;
    double m_answerSeconds = 0.0;
    std::uint64_t m_generation = 0;
    int m_pending = 0;
};

}  // namespace closelab::models
