#include "models/practice_session.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFutureWatcher>
#include <QHash>
#include <QSet>
#include <QThread>

#include <algorithm>
#include <exception>
#include <map>

#include "models/run_on_thread_pool.h"

namespace closelab::models {

PracticeSession::PracticeSession(const QuestionSource* source, ProgressStore* store,
                                 QObject* parent)
    : QObject(parent), m_source(source), m_store(store) {}

PracticeSession::~PracticeSession() {
    m_generation = ~std::uint64_t{0};  // results still in flight are dropped
}

void PracticeSession::setRandomSeed(std::uint64_t seed) {
    m_rng.seed(seed);
}

void PracticeSession::setChinese(bool chinese) {
    if (chinese == m_chinese)
        return;
    m_chinese = chinese;
    if (m_current) {
        QString error;
        if (auto q = m_source->show(m_current->id, m_current->seed, m_chinese, &error)) {
            m_current = std::move(q);
            emit questionChanged();
        }
        // The feedback is re-graded only on the next answer; its texts stay as they were.
    }
}

QStringList PracticeSession::plan() const {
    QStringList ids;
    for (const Planned& p : m_plan)
        ids << p.id;
    return ids;
}

QStringList PracticeSession::planInterview(const QList<QuestionInfo>& bank,
                                           const QList<TopicProgress>& progress, std::uint64_t seed,
                                           int length) {
    std::mt19937_64 rng(seed);
    QHash<QString, const QuestionInfo*> byId;
    QSet<QString> followed;
    for (const QuestionInfo& q : bank) {
        byId.insert(q.id, &q);
        for (const QString& f : q.followUps)
            followed.insert(f);
    }
    QHash<QString, double> weight;
    for (const TopicProgress& t : progress)
        weight.insert(t.topic, t.attempts > 0 ? 1.0 + 4.0 * (1.0 - t.accuracy()) : 2.0);
    QStringList out;
    QSet<QString> used;
    // An opener and at most kMaxFollowUps questions of its chain: deep enough for "why TIME_WAIT
    // -> why 60 s -> how to reduce it -> what tcp_tw_reuse needs", short enough that ten
    // questions reach several topics.
    constexpr int kMaxFollowUps = 3;
    const auto follow = [&](const QString& id, int depth, const auto& self) -> void {
        if (out.size() >= length || depth > kMaxFollowUps || used.contains(id) ||
            !byId.contains(id))
            return;
        used.insert(id);
        out << id;
        for (const QString& f : byId.value(id)->followUps)
            self(f, depth + 1, self);
    };
    while (out.size() < length) {
        // Openers first; when none is left, any question not yet asked.
        QList<const QuestionInfo*> candidates;
        for (const QuestionInfo& q : bank) {
            if (!used.contains(q.id) && !followed.contains(q.id))
                candidates << &q;
        }
        if (candidates.isEmpty()) {
            for (const QuestionInfo& q : bank) {
                if (!used.contains(q.id))
                    candidates << &q;
            }
        }
        if (candidates.isEmpty())
            break;
        // A topic's weight is shared by its candidates, so a topic with many questions is not
        // asked more for that alone; basic questions (level 1) open before harder ones.
        QHash<QString, int> perTopic;
        for (const QuestionInfo* q : candidates)
            perTopic[q->topic] += 1;
        std::vector<double> w;
        for (const QuestionInfo* q : candidates) {
            const double topic = weight.value(q->topic, 2.0);
            w.push_back(topic / perTopic.value(q->topic) / double(std::max(1, q->level)));
        }
        std::discrete_distribution<std::size_t> pick(w.begin(), w.end());
        follow(candidates[qsizetype(pick(rng))]->id, 0, follow);
    }
    return out;
}

int PracticeSession::start(Mode mode, const QStringList& topics) {
    stop();
    m_mode = mode;
    m_plan.clear();
    m_results.clear();
    const QList<QuestionInfo> bank = m_source->questions(m_chinese);
    QSet<QString> known;
    for (const QuestionInfo& q : bank)
        known.insert(q.id);
    const bool haveStore = m_store && m_store->isOpen();
    switch (mode) {
        case Mode::Topics: {
            for (const QuestionInfo& q : bank) {
                if (topics.isEmpty() || topics.contains(q.topic))
                    m_plan << Planned{q.id, std::nullopt};
            }
            std::shuffle(m_plan.begin(), m_plan.end(), m_rng);
            // Easier questions of the chosen topics first, in a random order within a level.
            std::stable_sort(m_plan.begin(), m_plan.end(), [&](const Planned& a, const Planned& b) {
                const auto level = [&](const QString& id) {
                    for (const QuestionInfo& q : bank)
                        if (q.id == id)
                            return q.level;
                    return 1;
                };
                return level(a.id) < level(b.id);
            });
            break;
        }
        case Mode::Due:
            if (haveStore) {
                for (const DueReview& d : m_store->dueReviews())
                    if (known.contains(d.questionId))
                        m_plan << Planned{d.questionId, std::nullopt};
            }
            break;
        case Mode::Mistakes:
            if (haveStore) {
                for (const Mistake& m : m_store->mistakes())
                    if (known.contains(m.last.questionId))
                        m_plan << Planned{m.last.questionId, m.last.variantSeed};
            }
            break;
        case Mode::Interview: {
            const QList<TopicProgress> progress =
                haveStore ? m_store->topicProgress() : QList<TopicProgress>{};
            for (const QString& id : planInterview(bank, progress, m_rng()))
                m_plan << Planned{id, std::nullopt};
            break;
        }
    }
    if (m_plan.isEmpty())
        return 0;
    m_index = 0;
    m_finalElapsedMs.reset();
    m_clock.start();
    if (!showCurrent()) {
        m_plan.clear();
        m_index = -1;
        return 0;
    }
    return int(m_plan.size());
}

int PracticeSession::startQuestions(const QStringList& ids, std::optional<std::uint64_t> seed) {
    stop();
    m_mode = Mode::Topics;
    m_plan.clear();
    m_results.clear();
    for (const QString& id : ids)
        m_plan << Planned{id, seed};
    if (m_plan.isEmpty())
        return 0;
    m_index = 0;
    m_finalElapsedMs.reset();
    m_clock.start();
    if (!showCurrent()) {
        m_plan.clear();
        m_index = -1;
        return 0;
    }
    return int(m_plan.size());
}

void PracticeSession::stop() {
    ++m_generation;
    m_current.reset();
    m_index = -1;
    m_clock.invalidate();
    m_questionClock.invalidate();
    setState(State::Idle);
}

bool PracticeSession::showCurrent() {
    // A question that cannot be shown (a broken run) is reported and skipped.
    while (m_index < int(m_plan.size())) {
        const Planned& p = m_plan[m_index];
        const std::uint64_t seed = p.seed.value_or(m_rng() % 1000000 + 1);
        QString error;
        if (auto q = m_source->show(p.id, seed, m_chinese, &error)) {
            m_current = std::move(q);
            m_feedback = {};
            m_lastAnswer.clear();
            m_lastConfidence.reset();
            m_questionClock.start();
            setState(State::Asking);
            emit questionChanged();
            return true;
        }
        emit errorOccurred(error);
        m_plan.removeAt(m_index);
    }
    m_current.reset();
    m_finalElapsedMs = elapsedMs();
    setState(State::Finished);
    emit finished();
    return false;
}

void PracticeSession::setState(State state) {
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void PracticeSession::submit(const QString& answer, core::Confidence confidence) {
    if (m_state != State::Asking || !m_current)
        return;
    m_answerSeconds = double(m_questionClock.elapsed()) / 1000.0;
    m_lastAnswer = answer.trimmed();
    m_lastConfidence = confidence;
    const std::uint64_t generation = ++m_generation;
    const QuestionSource* source = m_source;
    auto future = runOnThreadPool([source, id = m_current->id, seed = m_current->seed,
                                   text = m_lastAnswer, chinese = m_chinese]() {
        try {
            return source->grade(id, seed, text, chinese);
        } catch (const std::exception& e) {
            PracticeFeedback f;
            f.malformed = true;
            f.message = QString::fromStdString(e.what());
            return f;
        }
    });
    auto* watcher = new QFutureWatcher<PracticeFeedback>(this);
    connect(watcher, &QFutureWatcher<PracticeFeedback>::finished, this,
            [this, watcher, generation]() {
                watcher->deleteLater();
                --m_pending;
                onGraded(generation, watcher->result());
            });
    watcher->setFuture(future);
    ++m_pending;
    setState(State::Grading);
}

void PracticeSession::onGraded(std::uint64_t generation, const PracticeFeedback& feedback) {
    if (generation != m_generation || m_state != State::Grading || !m_current)
        return;  // the learner moved on (or stopped) while this answer was graded
    if (feedback.malformed) {
        // Nothing is recorded: the learner corrects the answer and submits again.
        m_feedback = feedback;
        setState(State::Asking);
        emit errorOccurred(feedback.message);
        return;
    }
    m_feedback = feedback;
    PracticeAttempt a;
    a.questionId = m_current->id;
    a.topic = m_current->topic;
    a.variantSeed = m_current->seed;
    a.answeredAt = QDateTime::currentDateTimeUtc();
    a.answer = m_lastAnswer;
    a.correct = feedback.correct;
    a.confidence = m_lastConfidence;
    a.seconds = m_answerSeconds;
    if (m_store && m_store->isOpen() && !m_store->record(a))
        emit errorOccurred(m_store->errorString());
    m_results << PracticeResult{a.questionId,       a.topic,  m_current->title, a.correct,
                                a.confidentWrong(), a.seconds};
    setState(State::Answered);
    emit graded();
}

bool PracticeSession::waitForGrading(int msecs) {
    QDeadlineTimer deadline(msecs);
    while (m_pending > 0 && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (m_pending > 0)
            QThread::msleep(1);
    }
    QCoreApplication::processEvents();
    return m_pending == 0;
}

void PracticeSession::next() {
    if (m_state == State::Idle || m_state == State::Finished)
        return;
    ++m_generation;  // an answer still being graded no longer counts
    ++m_index;
    showCurrent();
}

qint64 PracticeSession::elapsedMs() const {
    if (m_finalElapsedMs)
        return *m_finalElapsedMs;
    return m_clock.isValid() ? m_clock.elapsed() : 0;
}

PracticeSummary PracticeSession::summary() const {
    PracticeSummary s;
    s.elapsedMs = elapsedMs();
    for (const PracticeResult& r : m_results) {
        ++s.asked;
        s.correct += r.correct ? 1 : 0;
        s.confidentWrong += r.confidentWrong ? 1 : 0;
        auto it = std::find_if(s.topics.begin(), s.topics.end(),
                               [&](const auto& t) { return t.topic == r.topic; });
        if (it == s.topics.end())
            it = s.topics.insert(s.topics.end(), {r.topic, 0, 0});
        it->asked += 1;
        it->correct += r.correct ? 1 : 0;
        if (!r.correct)
            s.toRetry << r;
    }
    return s;
}

}  // namespace closelab::models
