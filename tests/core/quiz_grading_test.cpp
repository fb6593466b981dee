// Grading every kind against keys computed on real engine runs; variants; quiz check.
#include <gtest/gtest.h>

#include <set>

#include "core/error.h"
#include "core/quiz/grader.h"
#include "core/quiz/question_bank.h"
#include "core/quiz/quiz_check.h"
#include "core/quiz/variant.h"

namespace {

using namespace closelab::core;
using namespace closelab::core::quiz;
using json = nlohmann::json;

json text(const char* en) {
    return {{"en", en}, {"zh_CN", std::string("中文：") + en}};
}

// A one-question file around `q` (id, topic, texts filled in).
Question make(json q) {
    q["id"] = "t-q";
    q["topic"] = "close_states";
    q["title"] = text("title");
    if (!q.contains("text"))
        q["text"] = text("text");
    q["explanation"] = text("explanation");
    json file = {{"questions", json::array({q})}};
    auto qs = parseQuestionFile(file.dump(), "test.json");
    return qs.at(0);
}

json choice(const char* id, json claim) {
    return {{"id", id}, {"text", text(id)}, {"feedback", text(id)}, {"claim", claim}};
}

json countClaim(const char* host, const char* to, const char* op, int v) {
    return {
        {"key",
         {{"from", "transitions"}, {"where", {{"host", host}, {"to", to}}}, {"value", "count"}}},
        {"op", op},
        {"value", v}};
}

InputError answerError(const Variant& v, const std::string& answer, RunCache& runs) {
    try {
        grade(v, answer, runs);
    } catch (const InputError& e) {
        return e;
    }
    ADD_FAILURE() << "answer '" << answer << "' was read";
    return InputError(ErrorId::JsonSyntax, {});
}

const Question& tw = []() -> const Question& {
    static const Question q = make({{"kind", "choice"},
                                    {"run", {{"scenario", "normal-close"}}},
                                    {"choices",
                                     {choice("a", countClaim("client", "TIME_WAIT", ">=", 1)),
                                      choice("b", countClaim("server", "TIME_WAIT", ">=", 1))}}});
    return q;
}();

TEST(QuizGrading, ChoiceIsRightOnlyForTheChoiceWhoseClaimHolds) {
    RunCache runs;
    const Variant v = instantiate(tw, 1);
    auto r = grade(v, "a", runs);
    EXPECT_TRUE(r.correct);
    EXPECT_EQ(r.expected, "a");
    ASSERT_EQ(r.feedback.size(), 1u);
    EXPECT_TRUE(r.feedback[0].chosen);
    r = grade(v, " B ", runs);  // case and spaces do not matter
    EXPECT_FALSE(r.correct);
    EXPECT_EQ(r.feedback.size(), 2u);  // the chosen one and the right one
    EXPECT_EQ(r.explanation.en, "explanation");
    EXPECT_EQ(answerError(v, "c", runs).id(), ErrorId::AnswerMalformed);
    EXPECT_EQ(answerError(v, "a,b", runs).id(), ErrorId::AnswerMalformed);
    EXPECT_EQ(answerError(v, "", runs).arg("ids"), "a, b");
}

TEST(QuizGrading, ADistractorIsShownWrongOnItsOwnRun) {
    // "The server gets TIME_WAIT" is true when the server closes first: a choice's own run.
    json b = choice("b", countClaim("server", "TIME_WAIT", ">=", 1));
    b["run"] = {{"scenario", "server-closes-first"}};
    const Question q = make({{"kind", "multi_choice"},
                             {"run", {{"scenario", "normal-close"}}},
                             {"choices",
                              {choice("a", countClaim("client", "TIME_WAIT", ">=", 1)), b,
                               choice("c", countClaim("server", "TIME_WAIT", ">=", 1))}}});
    RunCache runs;
    const Variant v = instantiate(q, 1);
    EXPECT_EQ(correctChoices(v, runs), (std::vector<std::string>{"a", "b"}));
    EXPECT_TRUE(grade(v, "b,a", runs).correct);
    EXPECT_FALSE(grade(v, "a", runs).correct);
    EXPECT_FALSE(grade(v, "a,b,c", runs).correct);
    EXPECT_EQ(answerError(v, "a,x", runs).id(), ErrorId::AnswerMalformed);
    EXPECT_EQ(answerError(v, ",", runs).arg("ids"), "a, b, c");
}

Question timeWaitLength(const json& sets) {
    json run = {{"scenario", "normal-close"}};
    if (!sets.is_null())
        run["set"] = sets;
    return make({{"kind", "predict_value"},
                 {"run", run},
                 {"key",
                  {{"from", "transitions"},
                   {"where", {{"host", "client"}, {"to", "TIME_WAIT"}}},
                   {"value", "duration_us"}}},
                 {"unit", "s"},
                 {"tolerance", {{"abs", 0.5}}}});
}

TEST(QuizGrading, PredictValueConvertsUnitsAndHonoursTolerance) {
    RunCache runs;
    const Variant v = instantiate(timeWaitLength(nullptr), 1);
    auto r = grade(v, "60", runs);
    EXPECT_TRUE(r.correct);
    EXPECT_EQ(r.expected, "60");
    EXPECT_TRUE(grade(v, "60.4", runs).correct);
    EXPECT_FALSE(grade(v, "61", runs).correct);
    EXPECT_FALSE(grade(v, "30", runs).correct);  // the tcp_fin_timeout folklore
    EXPECT_TRUE(grade(v, "60000ms", runs).correct);
    const auto e = answerError(v, "sixty", runs);
    EXPECT_EQ(e.id(), ErrorId::AnswerMalformed);
    EXPECT_NE(std::string(e.what()).find("a number (in s)"), std::string::npos) << e.what();
}

TEST(QuizGrading, AKeyFollowsTheEngine) {
    // The same question on a run with other options: the expected answer changes with the engine.
    RunCache runs;
    const Variant base = instantiate(timeWaitLength(nullptr), 1);
    const Variant shorter =
        instantiate(timeWaitLength(json::array({"client.closelab.time_wait_len_ms=5000"})), 1);
    const Variant finTimeout =
        instantiate(timeWaitLength(json::array({"net.ipv4.tcp_fin_timeout=5"})), 1);
    EXPECT_EQ(expectedAnswer(base, runs), "60");
    EXPECT_EQ(expectedAnswer(shorter, runs), "5");
    EXPECT_TRUE(grade(shorter, "5", runs).correct);
    EXPECT_FALSE(grade(shorter, "60", runs).correct);
    // tcp_fin_timeout does not shorten TIME_WAIT, and the key says so.
    EXPECT_EQ(expectedAnswer(finTimeout, runs), "60");
}

TEST(QuizGrading, ALoadKeyFollowsThePortRange) {
    // Connects to one destination fail once TIME_WAIT holds every port of the range; the count
    // of failures is computed on the load, so a wider range gives fewer.
    auto question = [](const char* range) {
        json q = json::parse(R"({"kind": "predict_value",
          "run": {"load": ["--rate", "50", "--duration", "10"]},
          "key": {"from": "summary", "value": "failed.EADDRNOTAVAIL"}, "unit": "count"})");
        q["run"]["load"].push_back("--set");
        q["run"]["load"].push_back(std::string("client.net.ipv4.ip_local_port_range=") + range);
        return make(q);
    };
    RunCache runs;
    const Variant narrow = instantiate(question("40000 40099"), 1);
    const Variant wide = instantiate(question("40000 40199"), 1);
    EXPECT_EQ(narrow.run->cliArgs().front(), "load");
    EXPECT_EQ(expectedAnswer(narrow, runs), "400");
    EXPECT_EQ(expectedAnswer(wide, runs), "300");
    EXPECT_TRUE(grade(wide, "300", runs).correct);
    EXPECT_EQ(runs.runsPlayed(), 2u);
    expectedAnswer(wide, runs);  // cached: no third run
    EXPECT_EQ(runs.runsPlayed(), 2u);
}

TEST(QuizGrading, PredictValueErrnoAndState) {
    const Question q = make({{"kind", "predict_value"},
                             {"run",
                              {{"scenario", "lost-final-ack-no-timewait"},
                               {"set", {"client.closelab.time_wait_len_ms=60000"}}}},
                             {"key",
                              {{"from", "app_events"},
                               {"where", {{"call", "connect"}}},
                               {"nth", -1},
                               {"value", "result"}}},
                             {"unit", "errno"}});
    RunCache runs;
    const Variant v = instantiate(q, 1);
    EXPECT_EQ(expectedAnswer(v, runs), "EADDRINUSE");
    EXPECT_TRUE(grade(v, "eaddrinuse", runs).correct);
    EXPECT_FALSE(grade(v, "EADDRNOTAVAIL", runs).correct);
    EXPECT_EQ(answerError(v, "42", runs).id(), ErrorId::AnswerMalformed);
}

Question nextAfterFin(const char* ask, json key) {
    return make(
        {{"kind", "predict_next"},
         {"run", {{"scenario", "simultaneous-close"}}},
         {"pause",
          {{"from", "transitions"}, {"where", {{"host", "client"}, {"from", "FIN_WAIT_1"}}}}},
         {"ask", ask},
         {"key", key}});
}

TEST(QuizGrading, PredictNextFlagsStateAndTimer) {
    RunCache runs;
    const Variant state =
        instantiate(nextAfterFin("state", {{"from", "transitions"},
                                           {"where", {{"host", "client"}, {"from", "FIN_WAIT_1"}}},
                                           {"value", "to"}}),
                    1);
    EXPECT_EQ(revealAtUs(state, runs), 105000);
    EXPECT_TRUE(grade(state, "closing", runs).correct);
    EXPECT_FALSE(grade(state, "TIME-WAIT", runs).correct);  // ss spelling is read
    EXPECT_EQ(answerError(state, "WAITING", runs).id(), ErrorId::AnswerMalformed);

    const Variant flags =
        instantiate(nextAfterFin("flags", {{"from", "segments"},
                                           {"where", {{"from", "client"}, {"after_us", 105000}}},
                                           {"value", "flags"}}),
                    1);
    EXPECT_EQ(expectedAnswer(flags, runs), "ACK");
    EXPECT_TRUE(grade(flags, "ack", runs).correct);
    EXPECT_FALSE(grade(flags, "FIN,ACK", runs).correct);
    EXPECT_EQ(answerError(flags, "FIN,HELLO", runs).id(), ErrorId::AnswerMalformed);

    const Variant timer =
        instantiate(nextAfterFin("timer", {{"from", "timers"},
                                           {"where", {{"host", "client"}, {"after_us", 105000}}},
                                           {"nth", -1},
                                           {"value", "kind"}}),
                    1);
    EXPECT_TRUE(grade(timer, "time_wait", runs).correct);
    EXPECT_FALSE(grade(timer, "RTO", runs).correct);
    EXPECT_EQ(answerError(timer, "egg", runs).id(), ErrorId::AnswerMalformed);
}

Question crossingFins() {
    auto seg = [](const char* from, json flags, int nth) {
        return json{
            {"from", "segments"}, {"where", {{"from", from}, {"flags", flags}}}, {"nth", nth}};
    };
    auto item = [](const char* id, json key) {
        return json{{"id", id}, {"label", text(id)}, {"key", key}};
    };
    return make(
        {{"kind", "order"},
         {"run", {{"scenario", "simultaneous-close"}}},
         {"items",
          {item("a", seg("client", {"FIN", "ACK"}, 1)), item("b", seg("server", {"FIN", "ACK"}, 1)),
           item("c", seg("server", {"ACK"}, -1)), item("d", seg("client", {"ACK"}, -1))}}});
}

TEST(QuizGrading, OrderWithCrossingFinsAcceptsEveryLinearExtension) {
    RunCache runs;
    const Variant v = instantiate(crossingFins(), 1);
    // The FINs cross (neither caused the other), each ACK follows the FIN it answers.
    EXPECT_TRUE(grade(v, "a,b,c,d", runs).correct);
    EXPECT_TRUE(grade(v, "b,a,d,c", runs).correct);
    EXPECT_TRUE(grade(v, "a b d c", runs).correct);
    EXPECT_FALSE(grade(v, "a,c,b,d", runs).correct);  // the server ACKs a FIN before... its own FIN
    EXPECT_FALSE(grade(v, "c,a,b,d", runs).correct);
    EXPECT_EQ(answerError(v, "a,b,c", runs).id(), ErrorId::AnswerMalformed);
    EXPECT_EQ(answerError(v, "a,a,b,c", runs).id(), ErrorId::AnswerMalformed);
}

TEST(QuizGrading, OrderOfACausalChainHasOneAnswer) {
    const Question q = QuestionBank::builtin().get("ls-order-lost-ack");
    RunCache runs;
    const Variant v = instantiate(q, 1);
    EXPECT_EQ(expectedAnswer(v, runs), "a,b,c,d");
    EXPECT_TRUE(grade(v, "a,b,c,d", runs).correct);
    EXPECT_FALSE(grade(v, "a,c,b,d", runs).correct);
    EXPECT_FALSE(grade(v, "b,a,c,d", runs).correct);
    EXPECT_FALSE(grade(v, "a,b,d,c", runs).correct);
}

Question restoreTimeWait() {
    json q = json::parse(R"({
      "kind": "fix_config",
      "run": {"scenario": "lost-final-ack-no-timewait"},
      "goal": {"key": {"from": "outcome", "value": "resets"}, "op": "==", "value": 0},
      "knobs": [{"name": "client.closelab.time_wait_len_ms", "values": [0, 100, 1000]},
                {"name": "client.SO_LINGER", "values": ["0,0", "1,0"]}],
      "guards": [{"claim": {"key": {"from": "segments",
                                    "where": {"from": "client", "flags": {"contains": "RST"}},
                                    "value": "count"}, "op": "==", "value": 0},
                  "feedback": {"en": "RST sent", "zh_CN": "发出了 RST"}}]})");
    return make(q);
}

TEST(QuizGrading, FixConfigPassesOnGoalAndGuardsAndRejectsOtherNames) {
    RunCache runs;
    const Variant v = instantiate(restoreTimeWait(), 1);
    auto r = grade(v, "client.closelab.time_wait_len_ms=1000", runs);
    EXPECT_TRUE(r.correct);
    EXPECT_TRUE(r.goalMet);
    EXPECT_TRUE(r.sideEffects.empty());
    r = grade(v, "client.closelab.time_wait_len_ms=100", runs);  // shorter than the RTO
    EXPECT_FALSE(r.correct);
    EXPECT_FALSE(r.goalMet);
    // SO_LINGER {1,0}: the value "1,0" keeps its comma; the guard fires.
    r = grade(v, "client.closelab.time_wait_len_ms=1000, client.SO_LINGER=1,0", runs);
    EXPECT_FALSE(r.correct);
    ASSERT_EQ(r.sideEffects.size(), 1u);
    EXPECT_EQ(r.sideEffects[0].en, "RST sent");
    EXPECT_EQ(r.expected, "client.closelab.time_wait_len_ms=1000");

    auto e = answerError(v, "net.ipv4.tcp_tw_reuse=1", runs);
    EXPECT_EQ(e.id(), ErrorId::AnswerOutsideKnobs);
    EXPECT_EQ(e.arg("knobs"), "client.closelab.time_wait_len_ms, client.SO_LINGER");
    EXPECT_EQ(answerError(v, "client.closelab.time_wait_len_ms=7", runs).id(),
              ErrorId::AnswerValueNotAllowed);
    EXPECT_EQ(answerError(v, "1000", runs).id(), ErrorId::AnswerMalformed);
}

TEST(QuizGrading, DiagnoseReadsTheListingThroughTheInjectedReader) {
    json q = {{"kind", "diagnose"},
              {"listing", "pasted"},
              {"choices",
               {choice("a", {{"key",
                              {{"from", "ports"},
                               {"where", {{"port", "8080"}, {"state", "CLOSE_WAIT"}}},
                               {"value", "count"}}},
                             {"op", ">="},
                             {"value", 1}}),
                choice("b", {{"key",
                              {{"from", "ports"},
                               {"where", {{"port", "9090"}, {"state", "CLOSE_WAIT"}}},
                               {"value", "count"}}},
                             {"op", ">="},
                             {"value", 1}})}}};
    std::string seen;
    RunCache runs([&](std::string_view t) {
        seen = std::string(t);
        return json::parse(R"({"format": "ss-tan", "counts": {"CLOSE_WAIT": 3},
                               "by_local_port": {"8080": {"CLOSE_WAIT": 3}}})");
    });
    const Variant v = instantiate(make(q), 1);
    EXPECT_TRUE(grade(v, "a", runs).correct);
    EXPECT_FALSE(grade(v, "b", runs).correct);
    EXPECT_EQ(seen, "pasted");
    EXPECT_EQ(answerError(v, "port 8080", runs).id(), ErrorId::AnswerMalformed);
    RunCache noReader;
    EXPECT_THROW(grade(v, "a", noReader), InputError);
}

TEST(QuizVariants, ParamsAreDeterministicPerSeedAndDifferAcrossSeeds) {
    const Question q =
        make({{"kind", "predict_value"},
              {"text", text("TIME_WAIT of {tw} ms")},
              {"params", {{"tw", {{"from", 1000}, {"to", 9000}}}}},
              {"run",
               {{"scenario", "normal-close"}, {"set", {"client.closelab.time_wait_len_ms={tw}"}}}},
              {"key",
               {{"from", "transitions"},
                {"where", {{"host", "client"}, {"to", "TIME_WAIT"}}},
                {"value", "duration_us"}}},
              {"unit", "ms"}});
    std::set<std::int64_t> drawn;
    RunCache runs;
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
        const Variant a = instantiate(q, seed);
        const Variant b = instantiate(q, seed);
        const std::int64_t tw = a.params.at(0).second.get<std::int64_t>();
        EXPECT_EQ(tw, b.params.at(0).second.get<std::int64_t>());
        EXPECT_GE(tw, 1000);
        EXPECT_LE(tw, 9000);
        EXPECT_EQ(a.question.text.en, "TIME_WAIT of " + std::to_string(tw) + " ms");
        EXPECT_EQ(a.run->cliArgs().at(3), "client.closelab.time_wait_len_ms=" + std::to_string(tw));
        // The key is computed on the substituted run.
        EXPECT_EQ(expectedAnswer(a, runs), std::to_string(tw));
        drawn.insert(tw);
    }
    EXPECT_GE(drawn.size(), 4u);
}

TEST(QuizCheck, TheBuiltInBankIsSound) {
    // Questions on pasted listings need the kernel layer's reader: the CLI's quiz check (CTest
    // cli.quiz_check) covers them; here every other question.
    std::vector<Question> questions;
    for (const auto& q : QuestionBank::builtin().questions())
        if (!q.run.contains("import"))
            questions.push_back(q);
    RunCache runs;
    const auto report = checkQuestions(questions, {1, 2, 3}, runs);
    for (const auto& p : report.problems)
        ADD_FAILURE() << p.questionId << " seed " << p.seed << ": " << p.message;
    EXPECT_GE(report.questions, 12u);
}

TEST(QuizCheck, BrokenQuestionsAreReported) {
    RunCache runs;
    // Both choices hold: a choice question needs exactly one.
    const Question both = make({{"kind", "choice"},
                                {"run", {{"scenario", "normal-close"}}},
                                {"choices",
                                 {choice("a", countClaim("client", "TIME_WAIT", ">=", 1)),
                                  choice("b", countClaim("client", "TIME_WAIT", ">=", 1))}}});
    EXPECT_FALSE(checkVariant(instantiate(both, 1), runs).empty());
    // A key that selects nothing.
    const Question broken = make(
        {{"kind", "predict_value"},
         {"run", {{"scenario", "normal-close"}}},
         {"key", {{"from", "transitions"}, {"where", {{"to", "CLOSING"}}}, {"value", "t_us"}}}});
    EXPECT_FALSE(checkVariant(instantiate(broken, 1), runs).empty());
    // A fix_config whose defaults already pass.
    json q = {
        {"kind", "fix_config"},
        {"run", {{"scenario", "normal-close"}}},
        {"goal", {{"key", {{"from", "outcome"}, {"value", "resets"}}}, {"op", "=="}, {"value", 0}}},
        {"knobs", {{{"name", "net.ipv4.tcp_fin_timeout"}, {"values", {5}}}}}};
    const auto problems = checkVariant(instantiate(make(q), 1), runs);
    ASSERT_FALSE(problems.empty());
    EXPECT_NE(problems[0].find("defaults already pass"), std::string::npos) << problems[0];
    // A knob value the engine refuses.
    json bad = q;
    bad["knobs"] = json::parse(R"([{"name": "net.ipv4.tcp_fin_timeout", "values": [5, "soon"]}])");
    bad["goal"]["value"] = 1;
    bool refused = false;
    for (const auto& p : checkVariant(instantiate(make(bad), 1), runs))
        refused =
            refused || p.find("net.ipv4.tcp_fin_timeout=soon is refused") != std::string::npos;
    EXPECT_TRUE(refused);
    // Two order items on one segment.
    json o = {{"kind", "order"},
              {"run", {{"scenario", "normal-close"}}},
              {"items",
               {{{"id", "a"}, {"label", text("a")}, {"key", {{"from", "segments"}}}},
                {{"id", "b"}, {"label", text("b")}, {"key", {{"from", "segments"}}}}}}};
    EXPECT_FALSE(checkVariant(instantiate(make(o), 1), runs).empty());
}

}  // namespace

namespace {

TEST(QuizGrading, GarbageAnswersAreTypedErrorsForEveryBuiltInQuestion) {
    // Only InputError (one line naming what is expected) or a grade; nothing else escapes.
    RunCache runs([](std::string_view) {
        return nlohmann::json::parse(R"({"format": "ss-tan", "counts": {"CLOSE_WAIT": 3},
                                         "by_local_port": {"8080": {"CLOSE_WAIT": 3}}})");
    });
    for (const auto& q : QuestionBank::builtin().questions()) {
        const Variant v = instantiate(q, 1);
        for (const char* answer : {"", " ", ",,,", "=", "a=", "zz", "-1", "1e999", "FIN,FIN",
                                   "\xff\xfe", "a,b,c,d,e,f,g,h", "NaN", "60 s ms"}) {
            try {
                grade(v, answer, runs);
            } catch (const InputError& e) {
                EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << q.id;
            } catch (const std::exception& e) {
                ADD_FAILURE() << q.id << " answer '" << answer << "': " << e.what();
            }
        }
    }
}

}  // namespace
