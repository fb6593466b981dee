// closelab-cli quiz: the JSON of list / show / answer, exit codes, and quiz check on files.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "cli/cli_runner.h"

namespace {

using closelab::testing::CliRun;
using json = nlohmann::json;

CliRun cli(const std::string& args) {
    return closelab::testing::runCli(std::string(CLOSELAB_CLI) + " " + args, "cli_quiz");
}

json jsonOf(const std::string& args) {
    const CliRun r = cli(args);
    EXPECT_EQ(r.code, 0) << args << ": " << r.err;
    return json::parse(r.out);
}

std::string tempFile(const std::string& name, const std::string& text) {
    const std::string path = ::testing::TempDir() + name;
    std::ofstream(path) << text;
    return path;
}

TEST(CliQuiz, ListGivesIdTopicKindAndBothTitles) {
    const json all = jsonOf("quiz list --format json");
    ASSERT_TRUE(all.is_array());
    ASSERT_GE(all.size(), 12u);
    for (const auto& q : all) {
        EXPECT_TRUE(q.contains("id") && q.contains("topic") && q.contains("kind"));
        EXPECT_FALSE(q["title"]["en"].get<std::string>().empty());
        EXPECT_FALSE(q["title"]["zh_CN"].get<std::string>().empty());
    }
    const json lost = jsonOf("quiz list --topic lost_segments --format json");
    ASSERT_FALSE(lost.empty());
    EXPECT_LT(lost.size(), all.size());
    for (const auto& q : lost)
        EXPECT_EQ(q["topic"], "lost_segments");
    EXPECT_EQ(cli("quiz list --topic nonsense").code, 2);
}

TEST(CliQuiz, ShowPrintsTheRunAsACommandLineAndTheKey) {
    const json q = jsonOf("quiz show cs-who-time-wait --format json");
    EXPECT_EQ(q["kind"], "choice");
    EXPECT_EQ(q["run"], json::array({"run", "normal-close"}));
    ASSERT_EQ(q["choices"].size(), 4u);
    EXPECT_EQ(q["choices"][0]["id"], "a");
    EXPECT_FALSE(q["choices"][0].contains("claim"));  // the answer is not printed
    const json zh = jsonOf("quiz show cs-who-time-wait --lang zh_CN --format json");
    EXPECT_NE(zh["text"], q["text"]);

    const json next = jsonOf("quiz show cs-next-segment-after-fin --format json");
    EXPECT_EQ(next["reveal_at_us"], 40500);
    EXPECT_EQ(next["key"]["from"], "segments");
    EXPECT_EQ(next["ask"], "flags");

    // A variant: the param is in the text and in the run's --set.
    const json v = jsonOf("quiz show cs-time-wait-teaching-knob --seed 3 --format json");
    const std::string tw = std::to_string(v["params"]["tw"].get<int>());
    EXPECT_NE(v["text"].get<std::string>().find("=" + tw), std::string::npos);
    EXPECT_EQ(v["run"][3], "client.closelab.time_wait_len_ms=" + tw);
    // The printed run gives the same JSON the key was computed on.
    const CliRun run =
        cli("run normal-close --set client.closelab.time_wait_len_ms=" + tw + " --format json");
    ASSERT_EQ(run.code, 0);
    const json a =
        jsonOf("quiz answer cs-time-wait-teaching-knob --seed 3 --answer " + tw + " --format json");
    EXPECT_EQ(a["correct"], true);
    EXPECT_EQ(a["expected"], tw);
}

TEST(CliQuiz, AnswerGradesWithExitZeroEitherWay) {
    json r = jsonOf("quiz answer cs-who-time-wait --seed 1 --answer a --format json");
    EXPECT_EQ(r["correct"], true);
    EXPECT_EQ(r["expected"], "a");
    EXPECT_FALSE(r["explanation"].get<std::string>().empty());
    r = jsonOf("quiz answer cs-who-time-wait --answer b --format json --lang zh_CN");
    EXPECT_EQ(r["correct"], false);
    EXPECT_NE(r["feedback"].get<std::string>().find("误解"), std::string::npos);
    r = jsonOf("quiz answer cs-order-simultaneous --answer b,a,d,c --format json");
    EXPECT_EQ(r["correct"], true);
    r = jsonOf("quiz answer ls-restore-time-wait --answer client.SO_LINGER=1,0 --format json");
    EXPECT_EQ(r["correct"], false);
    EXPECT_EQ(r["side_effects"].size(), 1u);
    const CliRun text = cli("quiz answer cs-time-wait-length --answer 60");
    EXPECT_EQ(text.code, 0);
    EXPECT_EQ(text.out.rfind("correct", 0), 0u) << text.out;
}

TEST(CliQuiz, AMalformedAnswerIsOneLineAndExitTwo) {
    for (const char* args :
         {"quiz answer cs-who-time-wait --answer z",
          "quiz answer cs-time-wait-length --answer soon",
          "quiz answer ls-restore-time-wait --answer net.ipv4.tcp_tw_reuse=1",
          "quiz answer cs-order-simultaneous --answer a,b",
          "quiz answer no-such-question --answer a", "quiz answer cs-who-time-wait"}) {
        const CliRun r = cli(args);
        EXPECT_EQ(r.code, 2) << args;
        EXPECT_TRUE(r.out.empty()) << args;
        EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << args << ": " << r.err;
    }
    EXPECT_NE(cli("quiz answer cs-who-time-wait --answer z").err.find("a, b, c, d"),
              std::string::npos);
    EXPECT_NE(cli("quiz answer ls-restore-time-wait --answer net.ipv4.tcp_tw_reuse=1")
                  .err.find("client.closelab.time_wait_len_ms"),
              std::string::npos);
}

TEST(CliQuiz, CheckPassesOnTheBankAndFailsOnABrokenFile) {
    CliRun r = cli("quiz check --seeds 2");
    EXPECT_EQ(r.code, 0) << r.out;
    EXPECT_NE(r.out.find(" 0 problems"), std::string::npos) << r.out;

    // Both choices hold on the run: not a choice question.
    const std::string broken = tempFile("broken_bank.json", R"({"questions": [
{"id": "my-broken", "topic": "close_states", "kind": "choice",
 "title": {"en": "T", "zh_CN": "题"}, "text": {"en": "T", "zh_CN": "题"},
 "explanation": {"en": "E", "zh_CN": "解"}, "run": {"scenario": "normal-close"},
 "choices": [
  {"id": "a", "text": {"en": "A", "zh_CN": "甲"}, "feedback": {"en": "F", "zh_CN": "反"},
   "claim": {"key": {"from": "segments", "value": "count"}, "op": ">", "value": 0}},
  {"id": "b", "text": {"en": "B", "zh_CN": "乙"}, "feedback": {"en": "F", "zh_CN": "反"},
   "claim": {"key": {"from": "segments", "value": "count"}, "op": ">", "value": 1}}]}]})");
    r = cli("quiz check " + broken);
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("my-broken (seed 1): 2 choices hold"), std::string::npos) << r.out;

    // A file with a typo: exit 2, file:line:column.
    const std::string typo = tempFile("typo_bank.json", "{\"questions\": [\n {\"idd\": 1}]}");
    r = cli("quiz check " + typo);
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("typo_bank.json:2:"), std::string::npos) << r.err;

    // A teacher's own file can be listed, shown and answered with --bank.
    const json list = jsonOf("quiz list --bank " + broken + " --format json");
    EXPECT_EQ(list.back()["id"], "my-broken");
}

TEST(CliQuiz, ATeachersBankMayBringItsOwnScenarioFile) {
    // scenarios/NAME.json beside the question file is found; the printed run names its path.
    const std::string dir = ::testing::TempDir() + "teacher_bank_" + std::to_string(::getpid());
    ASSERT_EQ(std::system(("mkdir -p " + dir + "/scenarios").c_str()), 0);
    std::ifstream in(std::string(CLOSELAB_SOURCE_ROOT) + "/resources/scenarios/normal-close.json");
    std::stringstream scenario;
    scenario << in.rdbuf();
    std::ofstream(dir + "/scenarios/my-close.json") << scenario.str();
    std::ofstream(dir + "/bank.json") << R"({"questions": [
{"id": "my-own-run", "topic": "close_states", "kind": "predict_value",
 "title": {"en": "T", "zh_CN": "题"}, "text": {"en": "T", "zh_CN": "题"},
 "explanation": {"en": "E", "zh_CN": "解"}, "run": {"scenario_file": "my-close.json"},
 "key": {"from": "segments", "where": {"flags": {"contains": "FIN"}}, "value": "count"},
 "unit": "count"}]})";
    CliRun r = cli("quiz check " + dir + "/bank.json");
    EXPECT_EQ(r.code, 0) << r.out << r.err;
    const json q = jsonOf("quiz show my-own-run --bank " + dir + "/bank.json --format json");
    EXPECT_EQ(q["run"][1], dir + "/scenarios/my-close.json");
    const json a =
        jsonOf("quiz answer my-own-run --bank " + dir + "/bank.json --answer 2 --format json");
    EXPECT_EQ(a["correct"], true);
    std::ofstream(dir + "/bank2.json") << R"({"questions": [
{"id": "my-missing-run", "topic": "close_states", "kind": "predict_value",
 "title": {"en": "T", "zh_CN": "题"}, "text": {"en": "T", "zh_CN": "题"},
 "explanation": {"en": "E", "zh_CN": "解"}, "run": {"scenario_file": "nowhere.json"},
 "key": {"from": "segments", "value": "count"}}]})";
    r = cli("quiz check " + dir + "/bank2.json");
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("bank2.json:4:"), std::string::npos) << r.err;
}

TEST(CliQuiz, HelpAndUnknownSubcommands) {
    EXPECT_EQ(cli("quiz --help").code, 0);
    EXPECT_NE(cli("quiz --help").out.find("quiz check"), std::string::npos);
    EXPECT_EQ(cli("quiz").code, 2);
    EXPECT_EQ(cli("quiz frobnicate").code, 2);
    EXPECT_EQ(cli("quiz show").code, 2);
    EXPECT_NE(cli("--help").out.find("quiz"), std::string::npos);
}

}  // namespace
