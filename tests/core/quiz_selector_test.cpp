// The key language: where / nth / count / duration_us / flags as sets / missing values, claims.
#include <gtest/gtest.h>

#include "core/quiz/quiz_run.h"
#include "core/quiz/selector.h"

namespace {

using namespace closelab::core::quiz;
using json = nlohmann::json;

// A small recording as `closelab-cli run --format json` prints it.
RunRecords recording() {
    json doc = json::parse(R"({
      "end_us": 1000,
      "segments": [
        {"t_us": 10, "from": "client", "to": "server", "flags": ["FIN", "ACK"], "arrive_us": 15},
        {"t_us": 15, "from": "server", "to": "client", "flags": ["ACK"], "arrive_us": 20},
        {"t_us": 30, "from": "server", "to": "client", "flags": ["ACK", "FIN"], "arrive_us": null},
        {"t_us": 40, "from": "server", "to": "client", "flags": ["FIN", "ACK"], "arrive_us": 45}
      ],
      "transitions": [
        {"t_us": 10, "host": "client", "socket": 2, "from": "ESTABLISHED", "to": "FIN_WAIT_1"},
        {"t_us": 15, "host": "server", "socket": 3, "from": "ESTABLISHED", "to": "CLOSE_WAIT"},
        {"t_us": 20, "host": "client", "socket": 2, "from": "FIN_WAIT_1", "to": "FIN_WAIT_2"},
        {"t_us": 45, "host": "client", "socket": 2, "from": "FIN_WAIT_2", "to": "TIME_WAIT"}
      ],
      "counters": {"client": {"TW": 1, "OutRsts": 0}, "server": {"TW": 0}},
      "outcome": {"resets": 0, "bytes_discarded": 7}
    })");
    return RunRecords(QuizRun::Type::Scenario, doc);
}

json sel(const char* text) {
    return json::parse(text);
}

TEST(QuizSelector, WhereKeepsRecordsWhoseFieldsEqualAndNthPicks) {
    const auto r = recording();
    auto s = select(sel(R"({"from": "segments", "where": {"from": "server"}, "nth": 2,
                           "value": "t_us"})"),
                    r);
    EXPECT_EQ(s.kept, 3u);
    ASSERT_TRUE(s.value);
    EXPECT_EQ(*s.value, 30);
    EXPECT_EQ(s.index, 2u);
    // nth defaults to 1
    s = select(sel(R"({"from": "segments", "where": {"from": "server"}, "value": "t_us"})"), r);
    EXPECT_EQ(*s.value, 15);
}

TEST(QuizSelector, NegativeNthCountsFromTheEnd) {
    const auto r = recording();
    auto s = select(sel(R"({"from": "segments", "nth": -1, "value": "t_us"})"), r);
    EXPECT_EQ(*s.value, 40);
    s = select(sel(R"({"from": "segments", "nth": -4, "value": "t_us"})"), r);
    EXPECT_EQ(*s.value, 10);
    s = select(sel(R"({"from": "segments", "nth": -5, "value": "t_us"})"), r);
    EXPECT_FALSE(s.value);  // out of range: no value
    s = select(sel(R"({"from": "segments", "nth": 5, "value": "t_us"})"), r);
    EXPECT_FALSE(s.value);
}

TEST(QuizSelector, CountIgnoresNthAndIsZeroWhenNothingMatches) {
    const auto r = recording();
    auto s = select(sel(R"({"from": "segments", "where": {"flags": ["FIN", "ACK"]},
                           "nth": 9, "value": "count"})"),
                    r);
    EXPECT_EQ(*s.value, 3);
    s = select(sel(R"({"from": "segments", "where": {"from": "nobody"}, "value": "count"})"), r);
    EXPECT_EQ(*s.value, 0);
}

TEST(QuizSelector, FlagsCompareAsSetsAndContains) {
    const auto r = recording();
    // ["ACK","FIN"] and ["FIN","ACK"] are the same flag set; ["ACK"] is not.
    EXPECT_EQ(*select(sel(R"({"from": "segments", "where": {"flags": ["ACK", "FIN"]},
                             "value": "count"})"),
                      r)
                   .value,
              3);
    EXPECT_EQ(*select(sel(R"({"from": "segments", "where": {"flags": ["ACK"]},
                             "value": "count"})"),
                      r)
                   .value,
              1);
    EXPECT_EQ(*select(sel(R"({"from": "segments", "where": {"flags": {"contains": "ACK"}},
                             "value": "count"})"),
                      r)
                   .value,
              4);
    EXPECT_EQ(*select(sel(R"({"from": "segments", "where": {"from": {"in": ["x", "client"]}},
                             "value": "count"})"),
                      r)
                   .value,
              1);
}

TEST(QuizSelector, AfterAndBeforeFilterOnTime) {
    const auto r = recording();
    auto s = select(sel(R"({"from": "segments", "where": {"after_us": 15, "before_us": 40},
                           "value": "count"})"),
                    r);
    EXPECT_EQ(*s.value, 2);  // 15 and 30: after is inclusive, before exclusive
}

TEST(QuizSelector, DurationRunsToTheSameSocketsNextTransitionOrTheEnd) {
    const auto r = recording();
    // client FIN_WAIT_1 at 10 -> next transition of client socket 2 at 20 (the server's at 15
    // belongs to another socket)
    auto s = select(sel(R"({"from": "transitions", "where": {"to": "FIN_WAIT_1"},
                           "value": "duration_us"})"),
                    r);
    EXPECT_EQ(*s.value, 10);
    s = select(sel(R"({"from": "transitions", "where": {"to": "TIME_WAIT"},
                      "value": "duration_us"})"),
               r);
    EXPECT_EQ(*s.value, 1000 - 45);  // the last state lasts to the end of the run
}

TEST(QuizSelector, MissingFieldsAndNullsHaveNoValueAndClaimsOnThemAreFalse) {
    const auto r = recording();
    EXPECT_FALSE(select(sel(R"({"from": "segments", "nth": 3, "value": "arrive_us"})"), r).value);
    EXPECT_FALSE(select(sel(R"({"from": "segments", "value": "no_such_field"})"), r).value);
    EXPECT_FALSE(
        select(sel(R"({"from": "summary", "value": "count"})"), r).value);  // not a source here
    // Every op is false on a missing value, "!=" included.
    for (const char* op : {"==", "!=", "<", ">"}) {
        json c = {{"key", sel(R"({"from": "segments", "nth": 3, "value": "arrive_us"})")},
                  {"op", op},
                  {"value", 5}};
        EXPECT_FALSE(claimHolds(c, r)) << op;
    }
}

TEST(QuizSelector, CountersAndOutcomeAreRecordsToo) {
    const auto r = recording();
    EXPECT_EQ(*select(sel(R"({"from": "counters", "where": {"host": "client", "name": "TW"},
                             "value": "value"})"),
                      r)
                   .value,
              1);
    EXPECT_EQ(*select(sel(R"({"from": "outcome", "value": "bytes_discarded"})"), r).value, 7);
}

TEST(QuizSelector, ClaimsCombineWithAllAnyNot) {
    const auto r = recording();
    const json yes =
        json::parse(R"({"key": {"from": "outcome", "value": "resets"}, "op": "==", "value": 0})");
    const json no =
        json::parse(R"({"key": {"from": "outcome", "value": "resets"}, "op": ">", "value": 0})");
    EXPECT_TRUE(claimHolds(yes, r));
    EXPECT_FALSE(claimHolds(no, r));
    EXPECT_TRUE(claimHolds({{"all", {yes, yes}}}, r));
    EXPECT_FALSE(claimHolds({{"all", {yes, no}}}, r));
    EXPECT_TRUE(claimHolds({{"any", {no, yes}}}, r));
    EXPECT_TRUE(claimHolds({{"not", no}}, r));
    // A string from a param compares with a number by value.
    EXPECT_TRUE(claimHolds(json::parse(R"({"key": {"from": "outcome", "value": "bytes_discarded"},
                                           "op": "==", "value": "7"})"),
                           r));
}

TEST(QuizSelector, LoadSummaryPathsAndImportRecords) {
    const RunRecords load(QuizRun::Type::Load, json::parse(R"({"summary": {"failed":
        {"EADDRNOTAVAIL": 12}, "peak": {"client": {"TIME_WAIT": 400}},
        "counters": {"client": {"TWRecycled": 3}}}})"));
    EXPECT_EQ(*select(sel(R"({"from": "summary", "value": "failed.EADDRNOTAVAIL"})"), load).value,
              12);
    EXPECT_EQ(*select(sel(R"({"from": "summary", "value": "peak.client.TIME_WAIT"})"), load).value,
              400);
    EXPECT_EQ(*select(sel(R"({"from": "counters", "where": {"name": "TWRecycled"},
                             "value": "value"})"),
                      load)
                   .value,
              3);
    const RunRecords imp(QuizRun::Type::Import, json::parse(R"({"format": "ss-tan",
        "counts": {"CLOSE_WAIT": 3, "TIME_WAIT": 2},
        "by_local_port": {"8080": {"CLOSE_WAIT": 3}, "9090": {"TIME_WAIT": 2}}})"));
    EXPECT_EQ(*select(sel(R"({"from": "states", "where": {"state": "CLOSE_WAIT"},
                             "value": "count"})"),
                      imp)
                   .value,
              1);
    EXPECT_EQ(*select(sel(R"({"from": "ports", "where": {"state": "CLOSE_WAIT"},
                             "value": "port"})"),
                      imp)
                   .value,
              "8080");
    EXPECT_EQ(*select(sel(R"({"from": "summary", "value": "sockets"})"), imp).value, 5);
}

}  // namespace
