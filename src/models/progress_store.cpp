#include "models/progress_store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>
#include <QVariant>

#include <algorithm>
#include <map>

namespace closelab::models {

namespace {

// Version 1: what the first practice release wrote.
constexpr const char* kSchemaV1[] = {
    "CREATE TABLE attempts ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " question_id TEXT NOT NULL,"
    " topic TEXT NOT NULL,"
    " variant_seed INTEGER NOT NULL,"
    " answered_at INTEGER NOT NULL,"  // ms since the epoch, UTC
    " answer TEXT NOT NULL,"
    " correct INTEGER NOT NULL,"
    " seconds REAL NOT NULL)",
    "CREATE INDEX attempts_by_question ON attempts(question_id, id)",
};

// Version 2: how sure the learner was, and the review schedule per question.
constexpr const char* kMigrationV2[] = {
    "ALTER TABLE attempts ADD COLUMN confidence INTEGER",  // 0 low, 1 medium, 2 high; NULL unknown
    "CREATE TABLE reviews ("
    " question_id TEXT PRIMARY KEY,"
    " topic TEXT NOT NULL,"
    " repetitions INTEGER NOT NULL,"
    " interval_days INTEGER NOT NULL,"
    " easiness REAL NOT NULL,"
    " due_at INTEGER NOT NULL)",
    "CREATE INDEX reviews_by_due ON reviews(due_at)",
};

QVariant confidenceValue(const std::optional<core::Confidence>& c) {
    return c ? QVariant(int(*c)) : QVariant(QMetaType(QMetaType::Int));
}

std::optional<core::Confidence> confidenceFrom(const QVariant& v) {
    if (v.isNull())
        return std::nullopt;
    const int i = v.toInt();
    if (i < 0 || i > 2)
        return std::nullopt;
    return core::Confidence(i);
}

QString confidenceName(const std::optional<core::Confidence>& c) {
    if (!c)
        return {};
    switch (*c) {
        case core::Confidence::Low:
            return QStringLiteral("low");
        case core::Confidence::Medium:
            return QStringLiteral("medium");
        case core::Confidence::High:
            return QStringLiteral("high");
    }
    return {};
}

// Attempts by question, oldest first: the review state is their replay through the scheduler.
core::ReviewState replay(const core::ReviewState& state, const PracticeAttempt& a) {
    // An attempt without a recorded confidence counts as "medium".
    const auto grade =
        core::gradeAttempt(a.correct, a.confidence.value_or(core::Confidence::Medium), a.seconds);
    return core::nextReview(state, grade.grade);
}

constexpr const char* kAttemptColumns =
    "question_id, topic, variant_seed, answered_at, answer, correct, confidence, seconds";

PracticeAttempt attemptFrom(const QSqlQuery& q, int first = 0) {
    PracticeAttempt a;
    a.questionId = q.value(first + 0).toString();
    a.topic = q.value(first + 1).toString();
    a.variantSeed = std::uint64_t(q.value(first + 2).toLongLong());
    a.answeredAt = QDateTime::fromMSecsSinceEpoch(q.value(first + 3).toLongLong(), Qt::UTC);
    a.answer = q.value(first + 4).toString();
    a.correct = q.value(first + 5).toInt() != 0;
    a.confidence = confidenceFrom(q.value(first + 6));
    a.seconds = q.value(first + 7).toDouble();
    return a;
}

}  // namespace

ProgressStore::ProgressStore(QObject* parent)
    : QObject(parent),
      m_connection(QStringLiteral("closelab-progress-") +
                   QUuid::createUuid().toString(QUuid::WithoutBraces)) {}

ProgressStore::~ProgressStore() {
    close();
}

QString ProgressStore::defaultPath() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/progress.sqlite");
}

bool ProgressStore::fail(const QString& what, const QString& detail) {
    m_error = detail.isEmpty() ? what : tr("%1: %2").arg(what, detail);
    return false;
}

bool ProgressStore::open(const QString& path) {
    close();
    m_error.clear();
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return fail(tr("The SQLite driver of Qt (QSQLITE) is not installed"), QString());
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return fail(
            tr("Cannot create the folder %1").arg(QDir::toNativeSeparators(info.absolutePath())),
            QString());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            const QString why = db.lastError().text();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_connection);
            return fail(tr("Cannot open the progress file %1").arg(QDir::toNativeSeparators(path)),
                        why);
        }
    }
    m_path = path;
    if (!configure() || !migrate()) {
        close();
        return false;
    }
    return true;
}

bool ProgressStore::configure() {
    QSqlQuery q(QSqlDatabase::database(m_connection));
    // WAL: a reader never sees half a transaction and a killed writer leaves the last committed
    // state; FULL syncs each commit so an attempt once reported saved stays saved.
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !q.next() ||
        q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return fail(tr("%1 is not a closelab progress file").arg(QDir::toNativeSeparators(m_path)),
                    q.lastError().text());
    q.exec(QStringLiteral("PRAGMA synchronous=FULL"));
    return true;
}

void ProgressStore::close() {
    if (!QSqlDatabase::contains(m_connection))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

bool ProgressStore::isOpen() const {
    return QSqlDatabase::contains(m_connection) &&
           QSqlDatabase::database(m_connection, false).isOpen();
}

int ProgressStore::schemaVersion() const {
    if (!isOpen())
        return 0;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

bool ProgressStore::migrate() {
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    int version = schemaVersion();
    if (version > kSchemaVersion)
        return fail(tr("The progress file %1 was written by a newer closelab (schema %2; this "
                       "version reads up to %3)")
                        .arg(QDir::toNativeSeparators(m_path))
                        .arg(version)
                        .arg(kSchemaVersion),
                    QString());
    const auto step = [&](int to, auto&& statements, const std::function<bool()>& after) {
        if (!db.transaction())
            return fail(tr("Cannot update the progress file"), db.lastError().text());
        QSqlQuery q(db);
        for (const char* sql : statements) {
            if (!q.exec(QString::fromLatin1(sql))) {
                const QString why = q.lastError().text();
                db.rollback();
                return fail(tr("Cannot update the progress file to version %1").arg(to), why);
            }
        }
        if ((after && !after()) || !q.exec(QStringLiteral("PRAGMA user_version=%1").arg(to))) {
            const QString why = q.lastError().text();
            db.rollback();
            return fail(tr("Cannot update the progress file to version %1").arg(to), why);
        }
        if (!db.commit())
            return fail(tr("Cannot update the progress file to version %1").arg(to),
                        db.lastError().text());
        version = to;
        return true;
    };
    if (version == 0) {
        // A new file, or an SQLite file of someone else's with tables in it.
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master"));
        if (q.next() && q.value(0).toInt() > 0)
            return fail(
                tr("%1 is not a closelab progress file").arg(QDir::toNativeSeparators(m_path)),
                QString());
        if (!step(1, kSchemaV1, {}))
            return false;
    }
    if (version == 1) {
        // The review schedule of every question follows from its attempts.
        const auto rebuildReviews = [&db]() {
            QSqlQuery read(db);
            if (!read.exec(QStringLiteral("SELECT %1 FROM attempts ORDER BY id")
                               .arg(QLatin1String(kAttemptColumns))))
                return false;
            struct Review {
                QString topic;
                core::ReviewState state;
                QDateTime last;
            };
            std::map<QString, Review> reviews;
            while (read.next()) {
                const PracticeAttempt a = attemptFrom(read);
                Review& r = reviews[a.questionId];
                r.topic = a.topic;
                r.state = replay(r.state, a);
                r.last = a.answeredAt;
            }
            QSqlQuery write(db);
            write.prepare(QStringLiteral(
                "INSERT INTO reviews (question_id, topic, repetitions, interval_days, easiness, "
                "due_at) VALUES (?, ?, ?, ?, ?, ?)"));
            for (const auto& [id, r] : reviews) {
                write.addBindValue(id);
                write.addBindValue(r.topic);
                write.addBindValue(r.state.repetitions);
                write.addBindValue(r.state.intervalDays);
                write.addBindValue(r.state.easiness);
                write.addBindValue(
                    r.last.addSecs(core::reviewIntervalSeconds(r.state)).toMSecsSinceEpoch());
                if (!write.exec())
                    return false;
            }
            return true;
        };
        if (!step(2, kMigrationV2, rebuildReviews))
            return false;
    }
    return true;
}

bool ProgressStore::record(const PracticeAttempt& attempt) {
    if (!isOpen())
        return fail(tr("The progress file is not open"), QString());
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction())
        return fail(tr("Cannot save the attempt"), db.lastError().text());
    const auto abort = [&](const QSqlQuery& q) {
        const QString why = q.lastError().text();
        db.rollback();
        return fail(tr("Cannot save the attempt"), why);
    };
    const QDateTime at =
        attempt.answeredAt.isValid() ? attempt.answeredAt.toUTC() : QDateTime::currentDateTimeUtc();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO attempts (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                  .arg(QLatin1String(kAttemptColumns)));
    q.addBindValue(attempt.questionId);
    q.addBindValue(attempt.topic);
    q.addBindValue(qint64(attempt.variantSeed));
    q.addBindValue(at.toMSecsSinceEpoch());
    q.addBindValue(attempt.answer);
    q.addBindValue(attempt.correct ? 1 : 0);
    q.addBindValue(confidenceValue(attempt.confidence));
    q.addBindValue(attempt.seconds);
    if (!q.exec())
        return abort(q);

    core::ReviewState state = reviewState(attempt.questionId).value_or(core::ReviewState{});
    PracticeAttempt stamped = attempt;
    stamped.answeredAt = at;
    state = replay(state, stamped);
    QSqlQuery r(db);
    r.prepare(QStringLiteral(
        "INSERT INTO reviews (question_id, topic, repetitions, interval_days, easiness, due_at) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(question_id) DO UPDATE SET topic = excluded.topic, "
        "repetitions = excluded.repetitions, interval_days = excluded.interval_days, "
        "easiness = excluded.easiness, due_at = excluded.due_at"));
    r.addBindValue(attempt.questionId);
    r.addBindValue(attempt.topic);
    r.addBindValue(state.repetitions);
    r.addBindValue(state.intervalDays);
    r.addBindValue(state.easiness);
    r.addBindValue(at.addSecs(core::reviewIntervalSeconds(state)).toMSecsSinceEpoch());
    if (!r.exec())
        return abort(r);
    if (!db.commit())
        return fail(tr("Cannot save the attempt"), db.lastError().text());
    emit changed();
    return true;
}

QList<PracticeAttempt> ProgressStore::attempts() const {
    QList<PracticeAttempt> out;
    if (!isOpen())
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM attempts ORDER BY id")
                    .arg(QLatin1String(kAttemptColumns))))
        return out;
    while (q.next())
        out << attemptFrom(q);
    return out;
}

int ProgressStore::attemptCount() const {
    if (!isOpen())
        return 0;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(QStringLiteral("SELECT count(*) FROM attempts")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

QList<TopicProgress> ProgressStore::topicProgress() const {
    QList<TopicProgress> out;
    if (!isOpen())
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT topic, count(*), sum(correct), sum(correct = 0 AND confidence = 2) "
            "FROM attempts GROUP BY topic")))
        return out;
    while (q.next())
        out << TopicProgress{q.value(0).toString(), q.value(1).toInt(), q.value(2).toInt(),
                             q.value(3).toInt()};
    std::stable_sort(out.begin(), out.end(), [](const TopicProgress& a, const TopicProgress& b) {
        if (a.accuracy() != b.accuracy())
            return a.accuracy() < b.accuracy();
        if (a.attempts != b.attempts)
            return a.attempts > b.attempts;
        return a.topic < b.topic;
    });
    return out;
}

QList<Mistake> ProgressStore::mistakes() const {
    QList<Mistake> out;
    if (!isOpen())
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT a.question_id, a.topic, a.variant_seed, a.answered_at, a.answer, a.correct, "
            "a.confidence, a.seconds, l.wrong FROM attempts a JOIN (SELECT question_id, "
            "max(id) AS last, sum(correct = 0) AS wrong FROM attempts GROUP BY question_id) l "
            "ON a.id = l.last WHERE a.correct = 0 ORDER BY a.answered_at DESC, a.id DESC")))
        return out;
    while (q.next())
        out << Mistake{attemptFrom(q), q.value(8).toInt()};
    return out;
}

std::optional<core::ReviewState> ProgressStore::reviewState(const QString& questionId) const {
    if (!isOpen())
        return std::nullopt;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral(
        "SELECT repetitions, interval_days, easiness FROM reviews WHERE question_id = ?"));
    q.addBindValue(questionId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return core::ReviewState{q.value(0).toInt(), q.value(1).toInt(), q.value(2).toDouble()};
}

QList<DueReview> ProgressStore::dueReviews(const QDateTime& now) const {
    QList<DueReview> out;
    if (!isOpen())
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT question_id, topic, due_at, repetitions, interval_days, easiness FROM reviews "
        "WHERE due_at <= ? ORDER BY due_at, question_id"));
    q.addBindValue(now.toMSecsSinceEpoch());
    if (!q.exec())
        return out;
    while (q.next())
        out << DueReview{q.value(0).toString(),
                         q.value(1).toString(),
                         QDateTime::fromMSecsSinceEpoch(q.value(2).toLongLong(), Qt::UTC),
                         {q.value(3).toInt(), q.value(4).toInt(), q.value(5).toDouble()}};
    return out;
}

QString ProgressStore::csvField(const QString& value) {
    static const QString special = QStringLiteral(",\"\r\n");
    bool quote = false;
    for (const QChar c : value)
        quote = quote || special.contains(c);
    if (!quote)
        return value;
    QString out = value;
    out.replace(u'"', QStringLiteral("\"\""));
    return u'"' + out + u'"';
}

QByteArray ProgressStore::csv(const std::function<QString(const QString&)>& title,
                              const std::function<QString(const QString&)>& topicName) const {
    // Column names stay English (a teacher's spreadsheet formulas should not depend on the
    // learner's language); the titles and topic names are in the learner's language.
    QStringList lines{QStringLiteral(
        "answered_at_utc,question_id,question,topic,topic_name,variant_seed,answer,correct,"
        "confidence,confident_but_wrong,seconds")};
    for (const PracticeAttempt& a : attempts()) {
        QStringList f;
        f << a.answeredAt.toUTC().toString(Qt::ISODate) << csvField(a.questionId)
          << csvField(title ? title(a.questionId) : QString()) << csvField(a.topic)
          << csvField(topicName ? topicName(a.topic) : QString()) << QString::number(a.variantSeed)
          << csvField(a.answer) << (a.correct ? QStringLiteral("1") : QStringLiteral("0"))
          << confidenceName(a.confidence)
          << (a.confidentWrong() ? QStringLiteral("1") : QStringLiteral("0"))
          << QString::number(a.seconds, 'f', 1);
        lines << f.join(u',');
    }
    return QByteArray("\xEF\xBB\xBF") +
           (lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n")).toUtf8();
}

bool ProgressStore::exportCsv(const QString& file,
                              const std::function<QString(const QString&)>& title,
                              const std::function<QString(const QString&)>& topicName) {
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        return fail(tr("Cannot write %1").arg(QDir::toNativeSeparators(file)), out.errorString());
    out.write(csv(title, topicName));
    if (!out.commit())
        return fail(tr("Cannot write %1").arg(QDir::toNativeSeparators(file)), out.errorString());
    return true;
}

}  // namespace closelab::models
