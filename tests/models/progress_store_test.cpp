#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <QElapsedTimer>

#include <csignal>
#include <set>

#include <signal.h>

#include "models/progress_store.h"
#include "test_support.h"

using namespace closelab;
using core::Confidence;
using models::PracticeAttempt;
using models::ProgressStore;

namespace {

const QDateTime kT0 = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);

PracticeAttempt attempt(const QString& id, const QString& topic, bool correct,
                        std::optional<Confidence> confidence, const QDateTime& at,
                        const QString& answer = QStringLiteral("b")) {
    PracticeAttempt a;
    a.questionId = id;
    a.topic = topic;
    a.variantSeed = 7;
    a.answeredAt = at;
    a.answer = answer;
    a.correct = correct;
    a.confidence = confidence;
    a.seconds = 12.5;
    return a;
}

// Runs SQL on a file directly, as another program (or an older closelab) would.
class RawDb {
public:
    explicit RawDb(const QString& path) {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        m_db.setDatabaseName(path);
        m_db.open();
    }
    ~RawDb() {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    }
    bool exec(const QString& sql) {
        QSqlQuery q(m_db);
        return q.exec(sql);
    }
    QString value(const QString& sql) {
        QSqlQuery q(m_db);
        if (!q.exec(sql) || !q.next())
            return QStringLiteral("<no row>");
        return q.value(0).toString();
    }

private:
    QSqlDatabase m_db;
};

}  // namespace

class ProgressStoreTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { tests::installStrictMessageHandler(); }

    void newFileIsTheCurrentSchemaInWalMode() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/progress.sqlite"));
        {
            ProgressStore store;
            QVERIFY2(store.open(path), qPrintable(store.errorString()));
            QCOMPARE(store.schemaVersion(), ProgressStore::kSchemaVersion);
            QSignalSpy changed(&store, &ProgressStore::changed);
            QVERIFY(
                store.record(attempt(QStringLiteral("tw-why"), QStringLiteral("time_wait_purpose"),
                                     true, Confidence::High, kT0)));
            QCOMPARE(changed.count(), 1);
            QCOMPARE(store.attemptCount(), 1);
        }
        RawDb raw(path);
        QCOMPARE(raw.value(QStringLiteral("PRAGMA journal_mode")), QStringLiteral("wal"));
        QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")), QStringLiteral("2"));
        QCOMPARE(raw.value(QStringLiteral("SELECT confidence FROM attempts")), QStringLiteral("2"));
    }

    void attemptsRoundTripEveryField() {
        QTemporaryDir dir;
        ProgressStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("p.sqlite"))));
        PracticeAttempt a = attempt(QStringLiteral("order-close"), QStringLiteral("close_states"),
                                    false, Confidence::Low, kT0, QStringLiteral("a,c,b,d"));
        a.variantSeed = std::uint64_t(-1);  // the full 0..2^64-1 seed range survives
        a.seconds = 33.25;
        QVERIFY(store.record(a));
        const auto all = store.attempts();
        QCOMPARE(all.size(), 1);
        QCOMPARE(all[0].questionId, a.questionId);
        QCOMPARE(all[0].topic, a.topic);
        QCOMPARE(all[0].variantSeed, a.variantSeed);
        QCOMPARE(all[0].answeredAt, kT0);
        QCOMPARE(all[0].answer, a.answer);
        QCOMPARE(all[0].correct, false);
        QVERIFY(all[0].confidence == Confidence::Low);
        QCOMPARE(all[0].seconds, 33.25);
    }

    void migratesAVersionOneFileAndRebuildsTheReviews() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v1.sqlite"));
        {
            // The schema and rows as the first version wrote them.
            RawDb raw(path);
            QVERIFY(raw.exec(QStringLiteral(
                "CREATE TABLE attempts (id INTEGER PRIMARY KEY AUTOINCREMENT, question_id TEXT "
                "NOT NULL, topic TEXT NOT NULL, variant_seed INTEGER NOT NULL, answered_at "
                "INTEGER NOT NULL, answer TEXT NOT NULL, correct INTEGER NOT NULL, seconds REAL "
                "NOT NULL)")));
            QVERIFY(raw.exec(
                QStringLiteral("CREATE INDEX attempts_by_question ON attempts(question_id, id)")));
            const qint64 t = kT0.toMSecsSinceEpoch();
            const qint64 day = 24LL * 3600 * 1000;
            QVERIFY(raw.exec(
                QStringLiteral(
                    "INSERT INTO attempts (question_id, topic, variant_seed, answered_at, answer, "
                    "correct, seconds) VALUES ('tw-why', 'time_wait_purpose', 1, %1, 'b', 1, 10), "
                    "('tw-why', 'time_wait_purpose', 2, %2, 'b', 1, 8), "
                    "('linger', 'linger', 3, %3, 'a', 0, 20)")
                    .arg(t)
                    .arg(t + day)
                    .arg(t + 2 * day)));
            QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version=1")));
        }
        ProgressStore store;
        QVERIFY2(store.open(path), qPrintable(store.errorString()));
        QCOMPARE(store.schemaVersion(), 2);
        const auto all = store.attempts();
        QCOMPARE(all.size(), 3);
        QVERIFY(!all[0].confidence.has_value());  // not asked in version 1
        // Replayed as "medium" (grade 4 when right, 1 when wrong): 1 day, then 6 days.
        const auto why = store.reviewState(QStringLiteral("tw-why"));
        QVERIFY(why.has_value());
        QCOMPARE(why->repetitions, 2);
        QCOMPARE(why->intervalDays, 6);
        QCOMPARE(store.reviewState(QStringLiteral("linger"))->intervalDays, 1);
        // tw-why was answered on day 1 and is due 6 days later; linger on day 2, due on day 3.
        QCOMPARE(store.dueReviews(kT0.addDays(3)).size(), 1);
        QCOMPARE(store.dueReviews(kT0.addDays(3)).first().questionId, QStringLiteral("linger"));
        QCOMPARE(store.dueReviews(kT0.addDays(7)).size(), 2);
        // New attempts carry a confidence from now on.
        QVERIFY(store.record(attempt(QStringLiteral("linger"), QStringLiteral("linger"), true,
                                     Confidence::High, kT0.addDays(3))));
        QVERIFY(store.attempts().last().confidence == Confidence::High);
    }

    void refusesANewerSchemaAndForeignFiles() {
        QTemporaryDir dir;
        const QString newer = dir.filePath(QStringLiteral("newer.sqlite"));
        {
            ProgressStore store;
            QVERIFY(store.open(newer));
        }
        {
            RawDb raw(newer);
            QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version=9")));
        }
        ProgressStore store;
        QVERIFY(!store.open(newer));
        QVERIFY2(store.errorString().contains(QLatin1String("newer closelab")),
                 qPrintable(store.errorString()));
        QVERIFY(!store.isOpen());

        const QString foreign = dir.filePath(QStringLiteral("foreign.sqlite"));
        {
            RawDb raw(foreign);
            QVERIFY(raw.exec(QStringLiteral("CREATE TABLE photos (id INTEGER)")));
        }
        QVERIFY(!store.open(foreign));
        QVERIFY2(store.errorString().contains(QLatin1String("not a closelab progress file")),
                 qPrintable(store.errorString()));

        const QString text = dir.filePath(QStringLiteral("notes.txt"));
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        QVERIFY(!store.open(text));
        QVERIFY2(store.errorString().contains(QLatin1String("notes.txt")),
                 qPrintable(store.errorString()));
    }

    void weakTopicsComeFirst() {
        QTemporaryDir dir;
        ProgressStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("p.sqlite"))));
        const QString linger = QStringLiteral("linger");
        const QString reuse = QStringLiteral("tw_reuse");
        const QString states = QStringLiteral("close_states");
        // linger 1/3, tw_reuse 0/1 (sure and wrong), close_states 2/2.
        QVERIFY(store.record(attempt(QStringLiteral("l1"), linger, true, Confidence::Medium, kT0)));
        QVERIFY(store.record(attempt(QStringLiteral("l2"), linger, false, Confidence::Low, kT0)));
        QVERIFY(
            store.record(attempt(QStringLiteral("l3"), linger, false, Confidence::Medium, kT0)));
        QVERIFY(store.record(attempt(QStringLiteral("r1"), reuse, false, Confidence::High, kT0)));
        QVERIFY(store.record(attempt(QStringLiteral("s1"), states, true, Confidence::High, kT0)));
        QVERIFY(store.record(attempt(QStringLiteral("s2"), states, true, Confidence::Low, kT0)));
        const auto topics = store.topicProgress();
        QCOMPARE(topics.size(), 3);
        QCOMPARE(topics[0].topic, reuse);
        QCOMPARE(topics[0].confidentWrong, 1);
        QCOMPARE(topics[1].topic, linger);
        QCOMPARE(topics[1].attempts, 3);
        QCOMPARE(topics[1].correct, 1);
        QCOMPARE(topics[2].topic, states);
        QCOMPARE(topics[2].accuracy(), 1.0);
    }

    void mistakesAreTheQuestionsLastAnsweredWrong() {
        QTemporaryDir dir;
        ProgressStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("p.sqlite"))));
        const QString t = QStringLiteral("rst");
        // a: wrong then right (fixed); b: wrong twice, last time sure; c: right then wrong.
        QVERIFY(store.record(attempt(QStringLiteral("a"), t, false, Confidence::Low, kT0)));
        QVERIFY(
            store.record(attempt(QStringLiteral("a"), t, true, Confidence::Low, kT0.addSecs(1))));
        QVERIFY(
            store.record(attempt(QStringLiteral("b"), t, false, Confidence::Low, kT0.addSecs(2))));
        QVERIFY(store.record(attempt(QStringLiteral("b"), t, false, Confidence::High,
                                     kT0.addSecs(3), QStringLiteral("c"))));
        QVERIFY(
            store.record(attempt(QStringLiteral("c"), t, true, Confidence::Low, kT0.addSecs(4))));
        QVERIFY(store.record(
            attempt(QStringLiteral("c"), t, false, Confidence::Medium, kT0.addSecs(5))));
        const auto list = store.mistakes();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0].last.questionId, QStringLiteral("c"));
        QCOMPARE(list[0].wrongCount, 1);
        QVERIFY(!list[0].last.confidentWrong());
        QCOMPARE(list[1].last.questionId, QStringLiteral("b"));
        QCOMPARE(list[1].wrongCount, 2);
        QCOMPARE(list[1].last.answer, QStringLiteral("c"));
        QVERIFY(list[1].last.confidentWrong());
    }

    void dueReviewsFollowTheSchedule() {
        QTemporaryDir dir;
        ProgressStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("p.sqlite"))));
        const QString id = QStringLiteral("tw-len");
        const QString t = QStringLiteral("time_wait_duration");
        // Right with high confidence: grade 5 -> 1 day, then 6 days, then 17 days (EF 2.8).
        QVERIFY(store.record(attempt(id, t, true, Confidence::High, kT0)));
        QVERIFY(store.dueReviews(kT0.addSecs(23 * 3600)).isEmpty());
        QCOMPARE(store.dueReviews(kT0.addDays(1)).size(), 1);
        QVERIFY(store.record(attempt(id, t, true, Confidence::High, kT0.addDays(1))));
        QVERIFY(store.dueReviews(kT0.addDays(6)).isEmpty());
        QCOMPARE(store.dueReviews(kT0.addDays(7)).first().state.intervalDays, 6);
        QVERIFY(store.record(attempt(id, t, true, Confidence::High, kT0.addDays(7))));
        QCOMPARE(store.reviewState(id)->intervalDays, 17);
        QVERIFY(store.dueReviews(kT0.addDays(23)).isEmpty());
        QCOMPARE(store.dueReviews(kT0.addDays(24)).size(), 1);
        // Sure and wrong: back to 1 day.
        QVERIFY(store.record(attempt(id, t, false, Confidence::High, kT0.addDays(24))));
        QCOMPARE(store.reviewState(id)->intervalDays, 1);
        QCOMPARE(store.dueReviews(kT0.addDays(25)).size(), 1);
    }

    void csvIsRfc4180WithABom() {
        QTemporaryDir dir;
        ProgressStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("p.sqlite"))));
        QVERIFY(store.record(attempt(QStringLiteral("fix-ports"), QStringLiteral("ephemeral_ports"),
                                     false, Confidence::High, kT0,
                                     QStringLiteral("net.ipv4.tcp_tw_reuse=1, \"quoted\""))));
        QVERIFY(store.record(attempt(QStringLiteral("tw-why"), QStringLiteral("time_wait_purpose"),
                                     true, std::nullopt, kT0.addSecs(60))));
        const QByteArray csv = store.csv(
            [](const QString& id) {
                return id == QLatin1String("tw-why") ? QStringLiteral("为什么要有 TIME_WAIT？")
                                                     : QStringLiteral("Ports, again\nand again");
            },
            [](const QString& topic) { return topic.toUpper(); });
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
        const QString text = QString::fromUtf8(csv.mid(3));
        const QStringList lines = text.split(QStringLiteral("\r\n"));
        QCOMPARE(lines.size(), 4);  // header, two records (a bare LF stays inside its quotes), ""
        QVERIFY(lines[0].startsWith(QLatin1String("answered_at_utc,question_id,question,")));
        QCOMPARE(lines[1],
                 QStringLiteral("2026-03-02T09:00:00Z,fix-ports,\"Ports, again\nand again\","
                                "ephemeral_ports,EPHEMERAL_PORTS,7,"
                                "\"net.ipv4.tcp_tw_reuse=1, \"\"quoted\"\"\",0,high,1,12.5"));
        QCOMPARE(lines[2], QStringLiteral("2026-03-02T09:01:00Z,tw-why,为什么要有 TIME_WAIT？,"
                                          "time_wait_purpose,TIME_WAIT_PURPOSE,7,b,1,,0,12.5"));
        QCOMPARE(lines[3], QString());  // every record ends with CRLF

        const QString file = dir.filePath(QStringLiteral("out.csv"));
        QVERIFY(store.exportCsv(file));
        QFile in(file);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QVERIFY(
            in.readAll().startsWith("\xEF\xBB\xBF"
                                    "answered_at_utc,"));
        QVERIFY(!store.exportCsv(dir.path()));  // a directory: a clear error, no crash
        QVERIFY(store.errorString().contains(QLatin1String("Cannot write")));
    }

    void csvFieldQuotesOnlyWhatNeedsIt() {
        QCOMPARE(ProgressStore::csvField(QStringLiteral("plain")), QStringLiteral("plain"));
        QCOMPARE(ProgressStore::csvField(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
        QCOMPARE(ProgressStore::csvField(QStringLiteral("say \"hi\"")),
                 QStringLiteral("\"say \"\"hi\"\"\""));
        QCOMPARE(ProgressStore::csvField(QStringLiteral("line\r\nbreak")),
                 QStringLiteral("\"line\r\nbreak\""));
        QCOMPARE(ProgressStore::csvField(QString()), QString());
    }

    void aKilledWriterLosesNothingItReportedAndLeavesTheFileIntact() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kill.sqlite"));
        for (int round = 0; round < 3; ++round) {
            const int before = [&] {
                ProgressStore s;
                return s.open(path) ? s.attemptCount() : 0;
            }();
            QProcess writer;
            writer.setProcessChannelMode(QProcess::SeparateChannels);
            writer.start(QStringLiteral(CLOSELAB_PROGRESS_WRITER),
                         {path, QStringLiteral("100000")});
            QVERIFY(writer.waitForStarted(10000));
            // Kill it while it writes: after 40 + 25 * round reported attempts (bounded by time).
            QByteArray out;
            QElapsedTimer clock;
            clock.start();
            while (out.count('\n') < 40 + 25 * round && clock.elapsed() < 20000) {
                writer.waitForReadyRead(100);
                out += writer.readAllStandardOutput();
            }
            QVERIFY2(out.count('\n') >= 40, writer.readAllStandardError().constData());
            ::kill(pid_t(writer.processId()), SIGKILL);
            QVERIFY(writer.waitForFinished(10000));
            QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
            out += writer.readAllStandardOutput();
            std::set<int> reported;
            for (const QByteArray& line : out.split('\n')) {
                if (line.startsWith("committed "))
                    reported.insert(line.mid(10).toInt());
            }
            QVERIFY(!reported.empty());

            {
                RawDb raw(path);
                QCOMPARE(raw.value(QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
            }
            ProgressStore store;
            QVERIFY2(store.open(path), qPrintable(store.errorString()));
            std::set<int> present;
            int ofThisRound = 0;
            for (const PracticeAttempt& a : store.attempts()) {
                // Each round starts counting at 0 again; the answer names the attempt.
                if (ofThisRound++ < before)
                    continue;
                QVERIFY(a.answer.startsWith(QLatin1String("attempt-")));
                present.insert(a.answer.section(u':', 0, 0).mid(8).toInt());
            }
            for (int id : reported)
                QVERIFY2(present.count(id) == 1,
                         qPrintable(QStringLiteral("attempt %1 lost").arg(id)));
            // At most the one attempt in flight was committed without being reported.
            QVERIFY(present.size() <= reported.size() + 1);
            // Each attempt's review row was written in the same transaction as the attempt.
            QVERIFY(store.reviewState(QStringLiteral("q-0")).has_value());
        }
    }
};

QTEST_GUILESS_MAIN(ProgressStoreTest)
#include "progress_store_test.moc"
