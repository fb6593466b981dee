#pragma once

#include <QThread>

#include <atomic>

#include "models/question_source.h"

namespace closelab::tests {

// A fixed bank for the session and model tests: `keys` holds the right answer of each question,
// graded by string comparison after an optional delay (to test answers overtaken by moving on).
class FakeQuestionSource : public models::QuestionSource {
public:
    struct Entry {
        models::QuestionInfo info;
        QString key;
    };

    FakeQuestionSource() {
        const auto add = [this](const char* id, const char* topic, int level, const char* key,
                                QStringList followUps = {}) {
            Entry e;
            e.info.id = QString::fromLatin1(id);
            e.info.topic = QString::fromLatin1(topic);
            e.info.kind = QStringLiteral("choice");
            e.info.level = level;
            e.info.title = QStringLiteral("Title of ") + e.info.id;
            e.info.followUps = followUps;
            e.key = QString::fromLatin1(key);
            entries << e;
        };
        // The interviewer's chain: why TIME_WAIT -> how long on Linux -> how to reduce -> reuse.
        add("tw-why", "time_wait_purpose", 1, "b", {QStringLiteral("tw-len")});
        add("tw-len", "time_wait_duration", 1, "a", {QStringLiteral("tw-reduce")});
        add("tw-reduce", "time_wait_duration", 2, "c", {QStringLiteral("tw-reuse-needs")});
        add("tw-reuse-needs", "tw_reuse", 2, "a",
            {QStringLiteral("half")});  // a 5th: beyond the cap
        add("linger-zero", "linger", 1, "d");
        add("linger-n", "linger", 2, "b");
        add("cw-leak", "close_wait", 1, "a", {QStringLiteral("cw-find")});
        add("cw-find", "close_wait", 2, "c");
        add("ports", "ephemeral_ports", 1, "b");
        add("recycle-nat", "tw_recycle", 1, "a");
        add("rst-linger", "rst", 1, "c");
        add("half", "half_close", 1, "b");
        // Kinds without choices: an order question and a typed answer.
        add("order-fins", "simultaneous_close", 2, "b,a,c");
        entries.last().info.kind = QStringLiteral("order");
        add("next-flags", "close_states", 2, "FIN,ACK");
        entries.last().info.kind = QStringLiteral("predict_value");
    }

    QList<models::QuestionInfo> questions(bool chinese) const override {
        QList<models::QuestionInfo> out;
        for (const Entry& e : entries) {
            models::QuestionInfo i = e.info;
            if (chinese)
                i.title = QStringLiteral("题目 ") + i.id;
            out << i;
        }
        return out;
    }
    QStringList topics() const override {
        QStringList t;
        for (const Entry& e : entries)
            if (!t.contains(e.info.topic))
                t << e.info.topic;
        return t;
    }
    QString topicName(const QString& topic) const override { return topic.toUpper(); }

    std::optional<models::PracticeQuestion> show(const QString& id, std::uint64_t seed,
                                                 bool chinese, QString* error) const override {
        for (const Entry& e : entries) {
            if (e.info.id != id)
                continue;
            models::PracticeQuestion q;
            q.id = id;
            q.topic = e.info.topic;
            q.kind = e.info.kind;
            q.level = e.info.level;
            q.title = chinese ? QStringLiteral("题目 ") + id : e.info.title;
            q.text = QStringLiteral("Text of %1 (variant %2)").arg(id).arg(seed);
            if (q.kind == QLatin1String("order")) {
                for (const char* c : {"a", "b", "c"})
                    q.items << models::PracticeOrderItem{
                        QString::fromLatin1(c), QStringLiteral("Segment ") + QLatin1String(c)};
            } else if (q.kind == QLatin1String("choice")) {
                for (const char* c : {"a", "b", "c", "d"})
                    q.choices << models::PracticeChoice{
                        QString::fromLatin1(c), QStringLiteral("Choice ") + QLatin1String(c)};
            }
            q.followUps = e.info.followUps;
            q.seed = seed;
            return q;
        }
        if (error)
            *error = QStringLiteral("unknown question '%1'").arg(id);
        return std::nullopt;
    }

    models::PracticeFeedback grade(const QString& id, std::uint64_t, const QString& answer,
                                   bool) const override {
        ++gradeCalls;
        if (delayMs > 0)
            QThread::msleep(unsigned(delayMs.load()));
        models::PracticeFeedback f;
        const QString key = keyOf(id);
        if (key.size() > 1) {  // order and typed answers: compared as written
            f.correct = answer == key;
            f.expected = key;
            return f;
        }
        if (answer.size() != 1 || answer[0] < u'a' || answer[0] > u'd') {
            f.malformed = true;
            f.message = QStringLiteral("answer one of a, b, c, d");
            return f;
        }
        for (const Entry& e : entries) {
            if (e.info.id == id) {
                f.correct = answer == e.key;
                f.expected = e.key;
                f.explanation = QStringLiteral("Because of ") + id;
            }
        }
        return f;
    }

    QString expectedAnswer(const QString& id, std::uint64_t) const override { return keyOf(id); }

    QString keyOf(const QString& id) const {
        for (const Entry& e : entries)
            if (e.info.id == id)
                return e.key;
        return {};
    }

    QList<Entry> entries;
    std::atomic<int> delayMs{0};
    mutable std::atomic<int> gradeCalls{0};
};

}  // namespace closelab::tests
