#pragma once

#include <memory>
#include <mutex>

#include "core/quiz/question_bank.h"
#include "models/question_source.h"

namespace closelab::core::quiz {
class RunCache;
}  // namespace closelab::core::quiz

namespace closelab::models {

// The core's built-in question bank (core/quiz) as the Practice tab reads it: variants drawn by
// seed, keys computed by simulating each question's run (cached; grading runs on pool threads,
// so the cache is behind a mutex), pasted listings read by the kernel layer's importer. Topic
// names are translated in context "closelab::Quiz". Each embedded file is read on its own: a file
// that does not load leaves the others usable and is named in problems().
class CoreQuestionSource : public QuestionSource {
public:
    CoreQuestionSource();
    ~CoreQuestionSource() override;

    QList<QuestionInfo> questions(bool chinese) const override;
    QStringList topics() const override;
    QString topicName(const QString& topic) const override;
    std::optional<PracticeQuestion> show(const QString& id, std::uint64_t seed, bool chinese,
                                         QString* error) const override;
    PracticeFeedback grade(const QString& id, std::uint64_t seed, const QString& answer,
                           bool chinese) const override;
    QString expectedAnswer(const QString& id, std::uint64_t seed) const override;
    QStringList problems() const override { return m_problems; }

private:
    core::quiz::QuestionBank m_bank;
    QStringList m_problems;
    mutable std::mutex m_mutex;
    std::unique_ptr<core::quiz::RunCache> m_runs;
};

}  // namespace closelab::models
