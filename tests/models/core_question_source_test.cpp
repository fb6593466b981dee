#include <QTest>

#include "models/core_question_source.h"
#include "models/practice_session.h"
#include "models/progress_store.h"
#include "test_support.h"

#include <QTemporaryDir>

using namespace closelab;
using models::CoreQuestionSource;

// The Practice tab's view of the core's built-in bank: variants, keys computed by the engine.
class CoreQuestionSourceTest : public QObject {
    Q_OBJECT

    CoreQuestionSource m_source;

private slots:
    void initTestCase() { tests::installStrictMessageHandler(); }

    void listsTheBankWithTopicsInBothLanguages() {
        const auto en = m_source.questions(false);
        const auto zh = m_source.questions(true);
        QVERIFY(!en.isEmpty());
        QCOMPARE(zh.size(), en.size());
        QVERIFY(!m_source.topics().isEmpty());
        for (const auto& q : en) {
            QVERIFY2(m_source.topics().contains(q.topic), qPrintable(q.id));
            QVERIFY(!q.title.isEmpty());
        }
        QCOMPARE(m_source.topicName(QStringLiteral("no-such-topic")),
                 QStringLiteral("no-such-topic"));
    }

    void theExpectedAnswerIsGradedRightAndAnotherWrong() {
        int graded = 0;
        for (const auto& info : m_source.questions(false)) {
            if (info.kind != QLatin1String("choice"))
                continue;
            QString error;
            const auto q = m_source.show(info.id, 1, false, &error);
            QVERIFY2(q.has_value(), qPrintable(error));
            const QString right = m_source.expectedAnswer(info.id, 1);
            QVERIFY2(!right.isEmpty(), qPrintable(info.id));
            const auto yes = m_source.grade(info.id, 1, right, false);
            QVERIFY2(!yes.malformed && yes.correct, qPrintable(info.id + u' ' + yes.message));
            QVERIFY(!yes.explanation.isEmpty());
            for (const auto& c : q->choices) {
                if (c.id == right)
                    continue;
                const auto no = m_source.grade(info.id, 1, c.id, false);
                QVERIFY2(!no.malformed && !no.correct, qPrintable(info.id + u' ' + c.id));
                QCOMPARE(no.expected, right);
                break;
            }
            const auto bad = m_source.grade(info.id, 1, QStringLiteral("zz,, ?"), false);
            QVERIFY(bad.malformed);
            QVERIFY(!bad.message.isEmpty());
            if (++graded == 5)
                break;
        }
        QVERIFY(graded > 0);
    }

    void predictNextQuestionsNameWhereTheLadderPauses() {
        int seen = 0;
        for (const auto& info : m_source.questions(false)) {
            if (info.kind != QLatin1String("predict_next"))
                continue;
            QString error;
            const auto q = m_source.show(info.id, 1, true, &error);
            QVERIFY2(q.has_value(), qPrintable(error));
            QVERIFY2(q->revealAtUs.has_value(), qPrintable(info.id));
            QVERIFY(*q->revealAtUs > 0);
            QVERIFY(q->run.showsOnLadder());
            ++seen;
        }
        if (seen == 0)
            QSKIP("the bank has no predict_next question");
    }

    void unknownQuestionsAreRefusedWithAMessage() {
        QString error;
        QVERIFY(!m_source.show(QStringLiteral("no-such-question"), 1, false, &error));
        QVERIFY2(error.contains(QLatin1String("no-such-question")), qPrintable(error));
        const auto f =
            m_source.grade(QStringLiteral("no-such-question"), 1, QStringLiteral("a"), false);
        QVERIFY(f.malformed);
    }

    void aMockInterviewOverTheRealBankIsAnsweredAndRecorded() {
        QTemporaryDir dir;
        models::ProgressStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("p.sqlite"))));
        models::PracticeSession s(&m_source, &store);
        s.setRandomSeed(5);
        const int n = s.start(models::PracticeSession::Mode::Interview);
        QCOMPARE(n, std::min<int>(models::PracticeSession::kInterviewLength,
                                  int(m_source.questions(false).size())));
        for (int i = 0; i < n; ++i) {
            QVERIFY(s.current());
            s.submit(m_source.expectedAnswer(s.current()->id, s.current()->seed),
                     core::Confidence::Medium);
            QVERIFY(s.waitForGrading());
            QCOMPARE(s.state(), models::PracticeSession::State::Answered);
            QVERIFY2(s.feedback().correct, qPrintable(s.current()->id));
            s.next();
        }
        QCOMPARE(store.attemptCount(), n);
        QCOMPARE(s.summary().correct, n);
    }
};

QTEST_GUILESS_MAIN(CoreQuestionSourceTest)
#include "core_question_source_test.moc"
