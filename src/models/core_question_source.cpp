#include "models/core_question_source.h"

#include <QCoreApplication>

#include <exception>
#include <string>

#include "core/error.h"
#include "core/quiz/grader.h"
#include "core/quiz/question_bank.h"
#include "core/quiz/quiz_run.h"
#include "core/quiz/topics.h"
#include "core/quiz/variant.h"
#include "kernel/import_result.h"
#include "kernel/socket_text_import.h"
#include "models/note_text.h"

namespace closelab::models {

namespace quiz = core::quiz;

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

}  // namespace

CoreQuestionSource::CoreQuestionSource()
    : m_runs(std::make_unique<quiz::RunCache>([](std::string_view text) {
          return nlohmann::json::parse(kernel::toJson(kernel::importSocketText(text)).dump());
      })) {
    for (const quiz::BuiltinQuestionFile& file : quiz::builtinQuestionFiles()) {
        try {
            m_bank.addText(file.json, "resources/questions/" + std::string(file.name));
        } catch (const core::InputError& e) {
            m_problems << errorMessage(e);
        } catch (const std::exception& e) {
            m_problems << qs(std::string(e.what()));
        }
    }
}

CoreQuestionSource::~CoreQuestionSource() = default;

QList<QuestionInfo> CoreQuestionSource::questions(bool chinese) const {
    QList<QuestionInfo> out;
    for (const quiz::Question& q : m_bank.questions()) {
        QuestionInfo info;
        info.id = qs(q.id);
        info.topic = qs(q.topic);
        info.kind = qs(quiz::kindName(q.kind));
        info.level = q.level;
        info.title = qs(q.title.text(chinese));
        for (const auto& f : q.followUps)
            info.followUps << qs(f);
        out << info;
    }
    return out;
}

QStringList CoreQuestionSource::topics() const {
    // Teaching order, only the topics the bank has questions on.
    QStringList out;
    for (const quiz::Topic& t : quiz::topics()) {
        for (const quiz::Question& q : m_bank.questions()) {
            if (q.topic == t.id) {
                out << qs(t.id);
                break;
            }
        }
    }
    return out;
}

QString CoreQuestionSource::topicName(const QString& topic) const {
    const quiz::Topic* t = quiz::findTopic(topic.toStdString());
    return t ? QCoreApplication::translate("closelab::Quiz", t->nameEn) : topic;
}

std::optional<PracticeQuestion> CoreQuestionSource::show(const QString& id, std::uint64_t seed,
                                                         bool chinese, QString* error) const {
    try {
        const quiz::Variant v = quiz::instantiate(m_bank.get(id.toStdString()), seed);
        const quiz::Question& q = v.question;
        PracticeQuestion p;
        p.id = qs(q.id);
        p.topic = qs(q.topic);
        p.kind = qs(quiz::kindName(q.kind));
        p.level = q.level;
        p.title = qs(q.title.text(chinese));
        p.text = qs(q.text.text(chinese));
        for (const auto& c : q.choices)
            p.choices << PracticeChoice{qs(c.id), qs(c.text.text(chinese))};
        for (const auto& i : q.items)
            p.items << PracticeOrderItem{qs(i.id), qs(i.label.text(chinese))};
        for (const auto& k : q.knobs) {
            QStringList values;
            for (const auto& value : k.values)
                values << qs(value);
            p.knobs << (values.isEmpty() && k.from && k.to
                            ? QStringLiteral("%1 (%2–%3)").arg(qs(k.name)).arg(*k.from).arg(*k.to)
                            : QStringLiteral("%1 (%2)").arg(qs(k.name), values.join(u'/')));
        }
        if (q.listing)
            p.listing = qs(q.listing->text(chinese));
        p.unit = qs(q.unit);
        p.ask = qs(q.ask);
        for (const auto& f : q.followUps)
            p.followUps << qs(f);
        p.seed = seed;
        if (v.run && v.run->type == quiz::QuizRun::Type::Scenario) {
            p.run.scenario = qs(v.run->scenario);
            if (v.run->scenarioFile) {
                for (const auto& f : quiz::questionScenarioFiles()) {
                    if (qs(f.name) == p.run.scenario || qs(f.name) == p.run.scenario + u".json")
                        p.run.scenarioJson = QByteArray(f.json.data(), qsizetype(f.json.size()));
                }
            }
            for (const auto& s : v.run->sets)
                p.run.sets << qs(s);
            p.run.kernel = qs(v.run->kernel);
            p.run.seed = v.run->seed;
        }
        if (q.kind == quiz::QuestionKind::PredictNext) {
            const std::lock_guard lock(m_mutex);
            p.revealAtUs = quiz::revealAtUs(v, *m_runs);
        }
        return p;
    } catch (const core::InputError& e) {
        if (error)
            *error = errorMessage(e);
    } catch (const std::exception& e) {
        if (error)
            *error = qs(std::string(e.what()));
    }
    return std::nullopt;
}

PracticeFeedback CoreQuestionSource::grade(const QString& id, std::uint64_t seed,
                                           const QString& answer, bool chinese) const {
    PracticeFeedback f;
    try {
        const quiz::Variant v = quiz::instantiate(m_bank.get(id.toStdString()), seed);
        const std::lock_guard lock(m_mutex);
        const quiz::GradeResult r = quiz::grade(v, answer.toStdString(), *m_runs);
        f.correct = r.correct;
        f.expected = qs(r.expected);
        f.feedback = qs(r.feedbackText(chinese));
        f.explanation = qs(r.explanation.text(chinese));
    } catch (const core::InputError& e) {
        f.malformed = true;
        f.message = errorMessage(e);
    } catch (const std::exception& e) {
        f.malformed = true;
        f.message = qs(std::string(e.what()));
    }
    return f;
}

QString CoreQuestionSource::expectedAnswer(const QString& id, std::uint64_t seed) const {
    try {
        const quiz::Variant v = quiz::instantiate(m_bank.get(id.toStdString()), seed);
        const std::lock_guard lock(m_mutex);
        return qs(quiz::expectedAnswer(v, *m_runs));
    } catch (const std::exception&) {
        return {};
    }
}

}  // namespace closelab::models
