#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace closelab::models {

// A question as the Practice tab shows it: one variant, texts in one language.
struct PracticeChoice {
    QString id;  // "a", "b", ...
    QString text;
};

struct PracticeOrderItem {
    QString id;
    QString label;
};

// The scenario run a question is computed from, as the Ladder tab opens it (empty scenario: a
// load or an imported listing, which the ladder cannot show).
struct PracticeRun {
    QString scenario;         // built-in id or an embedded question scenario's JSON
    QByteArray scenarioJson;  // non-empty when the question brings its own scenario file
    QStringList sets;         // --set NAME=VALUE
    QString kernel;           // "" = the scenario's own profile
    std::optional<std::uint64_t> seed;
    bool showsOnLadder() const { return !scenario.isEmpty(); }
};

struct PracticeQuestion {
    QString id;
    QString topic;
    QString kind;  // "choice", "multi_choice", "predict_next", "predict_value", "fix_config",
                   // "order", "diagnose"
    int level = 1;
    QString title;
    QString text;
    QList<PracticeChoice> choices;
    QList<PracticeOrderItem> items;  // order
    QStringList knobs;               // fix_config: the names the learner may set, with values
    QString listing;                 // diagnose: the pasted text
    QString unit;                    // predict_value
    QString ask;                     // predict_next: "flags", "state", "timer"
    QStringList followUps;
    std::uint64_t seed = 1;
    PracticeRun run;
    std::optional<qint64> revealAtUs;  // predict_next: where the ladder pauses
};

struct PracticeFeedback {
    bool malformed = false;  // the answer could not be read; message says what is expected
    QString message;
    bool correct = false;
    QString expected;
    QString feedback;  // per chosen or missed choice, failed guards; one per line
    QString explanation;
};

// One line of the bank's catalogue.
struct QuestionInfo {
    QString id;
    QString topic;
    QString kind;
    int level = 1;
    QString title;
    QStringList followUps;
};

// Where the Practice tab's questions come from and how they are graded (the core's question
// bank in the app, small fixed banks in tests). grade() runs on a pool thread: it must be
// thread-safe and may take the time a simulation takes.
class QuestionSource {
public:
    virtual ~QuestionSource() = default;
    virtual QList<QuestionInfo> questions(bool chinese) const = 0;
    // Topic ids in teaching order, with their names in the current language.
    virtual QStringList topics() const = 0;
    virtual QString topicName(const QString& topic) const = 0;
    // std::nullopt and *error set when the question cannot be shown (unknown id, broken run).
    virtual std::optional<PracticeQuestion> show(const QString& id, std::uint64_t seed,
                                                 bool chinese, QString* error) const = 0;
    virtual PracticeFeedback grade(const QString& id, std::uint64_t seed, const QString& answer,
                                   bool chinese) const = 0;
    // The right answer as the learner would type it (for a scripted learner in screenshots and
    // tests); empty when unknown.
    virtual QString expectedAnswer(const QString& id, std::uint64_t seed) const = 0;
    // What could not be loaded (one translated line each); the rest of the bank still works.
    virtual QStringList problems() const { return {}; }
};

}  // namespace closelab::models
