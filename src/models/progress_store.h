#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <optional>

#include "core/quiz/review_schedule.h"

namespace closelab::models {

// One answer to one question variant.
struct PracticeAttempt {
    QString questionId;
    QString topic;
    std::uint64_t variantSeed = 0;
    QDateTime answeredAt;  // UTC
    QString answer;        // as the grader reads it ("b", "FIN,ACK", "a,c,b,d", "60 s")
    bool correct = false;
    // Unknown for attempts recorded before the schema had the column (version 1).
    std::optional<core::Confidence> confidence;
    double seconds = 0.0;  // time from showing the question to submitting
    bool confidentWrong() const { return !correct && confidence == core::Confidence::High; }
};

struct TopicProgress {
    QString topic;
    int attempts = 0;
    int correct = 0;
    int confidentWrong = 0;
    double accuracy() const { return attempts > 0 ? double(correct) / attempts : 0.0; }
};

// A question whose latest attempt was wrong (the 错题本).
struct Mistake {
    PracticeAttempt last;  // the latest (wrong) attempt
    int wrongCount = 0;    // wrong attempts of this question in all
};

struct DueReview {
    QString questionId;
    QString topic;
    QDateTime dueAt;
    core::ReviewState state;
};

// The learner's practice history in SQLite (Qt SQL, QSQLITE). One file in the XDG data folder;
// the schema is versioned with PRAGMA user_version and migrated forward when opened. WAL journal,
// synchronous FULL, one transaction per attempt: killing the app at any moment leaves every
// attempt whose record() returned true in the file and the file intact.
//   version 1: attempts (question, topic, variant seed, time, answer, correct, seconds)
//   version 2: attempts.confidence, and reviews (the SM-2 state per question), rebuilt from the
//              history when a version-1 file is migrated
class ProgressStore : public QObject {
    Q_OBJECT
public:
    static constexpr int kSchemaVersion = 2;

    explicit ProgressStore(QObject* parent = nullptr);
    ~ProgressStore() override;

    // <AppDataLocation>/progress.sqlite
    static QString defaultPath();

    // Opens (creating or migrating) the database. false and errorString() on failure, e.g. a
    // file that is not SQLite or one written by a newer closelab.
    bool open(const QString& path = defaultPath());
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }
    QString errorString() const { return m_error; }
    int schemaVersion() const;

    // Writes the attempt and the question's new review state in one transaction.
    bool record(const PracticeAttempt& attempt);

    QList<PracticeAttempt> attempts() const;
    int attemptCount() const;
    // Every topic with attempts, weakest (lowest accuracy) first.
    QList<TopicProgress> topicProgress() const;
    // Questions whose latest attempt was wrong, newest first.
    QList<Mistake> mistakes() const;
    std::optional<core::ReviewState> reviewState(const QString& questionId) const;
    // Reviews due at `now`, the longest overdue first.
    QList<DueReview> dueReviews(const QDateTime& now = QDateTime::currentDateTimeUtc()) const;

    // Every attempt as CSV for a teacher: RFC 4180 (CRLF, quoted fields), UTF-8 with a BOM so
    // Excel and WPS read Chinese correctly. title(questionId) and topicName(topic) fill the
    // readable columns when given.
    QByteArray csv(const std::function<QString(const QString&)>& title = {},
                   const std::function<QString(const QString&)>& topicName = {}) const;
    bool exportCsv(const QString& file, const std::function<QString(const QString&)>& title = {},
                   const std::function<QString(const QString&)>& topicName = {});

    // One RFC 4180 field: quoted when it holds a comma, a quote, CR or LF (quotes doubled).
    static QString csvField(const QString& value);

signals:
    void changed();

private:
    bool configure();
    bool migrate();
    bool fail(const QString& what, const QString& detail);

    QString m_connection;
    QString m_path;
    QString m_error;
};

}  // namespace closelab::models
