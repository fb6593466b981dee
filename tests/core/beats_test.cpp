// Lesson beats: the scenario format's "beats", their validation, their placement on the run's
// events, and their way through the JSON of `closelab-cli run`.
#include <gtest/gtest.h>

#include <string>

#include "core/error.h"
#include "core/recording_json.h"
#include "core/scenario.h"
#include "core/simulate.h"
#include "engine_test_util.h"

using namespace closelab::core;

namespace {

// A client/server close with the given "beats" value spliced in.
std::string scenarioWithBeats(const std::string& beats) {
    return R"({
  "id": "beats-test",
  "title": "beats",
  "duration_ms": 1000,
  "hosts": [{"name": "client", "address": "10.0.0.1"}, {"name": "server", "address": "10.0.0.2"}],
  "link": {"delay_ms": 1},
  "timeline": [
    {"at_ms": 0, "host": "server", "call": "listen", "sock": "l", "port": 80},
    {"at_ms": 0, "host": "client", "call": "connect", "sock": "c", "to": "server", "port": 80},
    {"at_ms": 0, "host": "server", "call": "accept", "sock": "s", "listener": "l", "close_on_eof": true},
    {"at_ms": 10, "host": "client", "call": "close", "sock": "c"}
  ],
  "beats": )" +
           beats + "\n}\n";
}

InputError parseError(const std::string& beats) {
    try {
        parseScenario(scenarioWithBeats(beats), "b.json");
    } catch (const InputError& e) {
        return e;
    }
    ADD_FAILURE() << "no error for beats " << beats;
    return InputError(ErrorId::Count, {});
}

Recording run(const std::string& beats) {
    return simulate(parseScenario(scenarioWithBeats(beats), "b.json"), RunConfig{});
}

}  // namespace

TEST(Beats, ParseTimesTextsAndAnchors) {
    const Scenario sc = parseScenario(scenarioWithBeats(R"([
    {"at_ms": 0, "caption": {"en": "Start", "zh_CN": "开始"}},
    {"on": {"segment": {"from": "client", "flags": ["FIN", "ACK"], "nth": 1}},
     "caption": {"en": "FIN", "zh_CN": "FIN"}, "notes": {"en": "say why", "zh_CN": "说明原因"},
     "focus": [{"from": "server", "flags": ["FIN", "ACK"]}]},
    {"on": {"transition": {"host": "client", "to": "TIME_WAIT"}}, "at_ms": 12,
     "caption": "TIME_WAIT"}
  ])"),
                                      "b.json");
    ASSERT_EQ(sc.beats.size(), 3U);
    EXPECT_EQ(sc.beats[0].atUs, 0);
    EXPECT_EQ(sc.beats[0].on.kind, BeatAnchor::Kind::None);
    EXPECT_EQ(sc.beats[0].caption.zhCN, "开始");
    EXPECT_EQ(sc.beats[1].on.kind, BeatAnchor::Kind::Segment);
    EXPECT_EQ(sc.beats[1].on.segment.from, "client");
    EXPECT_EQ(sc.beats[1].notes.en, "say why");
    ASSERT_EQ(sc.beats[1].focus.size(), 1U);
    EXPECT_EQ(sc.beats[1].focus[0].segment.from, "server");
    EXPECT_EQ(sc.beats[2].on.kind, BeatAnchor::Kind::Transition);
    EXPECT_EQ(sc.beats[2].on.to, TcpState::TimeWait);
    EXPECT_EQ(sc.beats[2].atUs, 12000);
    EXPECT_EQ(sc.beats[2].caption.zhCN, "");
}

TEST(Beats, BadBeatsAreTypedErrorsWithTheirPlace) {
    // Beyond the run (duration 1000 ms): the value is named, with line and column.
    InputError e = parseError(R"([{"at_ms": 1500, "caption": "late"}])");
    EXPECT_EQ(e.id(), ErrorId::ScenarioBadValue);
    EXPECT_EQ(e.arg("field"), "at_ms");
    EXPECT_EQ(e.line(), 13);
    EXPECT_GT(e.column(), 1);
    EXPECT_NE(std::string(e.what()).find("b.json:13:"), std::string::npos) << e.what();
    // Out of order.
    e = parseError(R"([{"at_ms": 20, "caption": "b"}, {"at_ms": 10, "caption": "a"}])");
    EXPECT_EQ(e.id(), ErrorId::ScenarioBadValue);
    EXPECT_NE(std::string(e.what()).find("time order"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("20 ms"), std::string::npos) << e.what();
    // No caption, an empty caption, no time at all.
    EXPECT_EQ(parseError(R"([{"at_ms": 1}])").id(), ErrorId::ScenarioMissingField);
    EXPECT_EQ(parseError(R"([{"at_ms": 1, "caption": {"en": ""}}])").id(),
              ErrorId::ScenarioBadValue);
    e = parseError(R"([{"caption": "when?"}])");
    EXPECT_EQ(e.id(), ErrorId::ScenarioMissingField);
    EXPECT_EQ(e.arg("field"), "at_ms");
    // Unknown fields, hosts and states; two anchors at once; a bad fate.
    EXPECT_EQ(parseError(R"([{"at_ms": 1, "caption": "x", "time": 3}])").id(),
              ErrorId::ScenarioUnknownField);
    EXPECT_EQ(parseError(R"([{"on": {"segment": {"from": "nat"}}, "caption": "x"}])").id(),
              ErrorId::ScenarioUnknownHostRef);
    EXPECT_EQ(parseError(R"([{"on": {"transition": {"host": "client", "to": "GONE"}},
                              "caption": "x"}])")
                  .id(),
              ErrorId::ScenarioBadValue);
    EXPECT_EQ(parseError(R"([{"on": {"transition": {"host": "client"}}, "caption": "x"}])").id(),
              ErrorId::ScenarioMissingField);
    EXPECT_EQ(parseError(R"([{"on": {"segment": {}, "transition": {"host": "client",
                              "to": "CLOSED"}}, "caption": "x"}])")
                  .id(),
              ErrorId::ScenarioBadValue);
    EXPECT_EQ(parseError(R"([{"on": {}, "caption": "x"}])").id(), ErrorId::ScenarioBadValue);
    EXPECT_EQ(parseError(R"([{"on": {"segment": {"fate": "eaten"}}, "caption": "x"}])").id(),
              ErrorId::ScenarioBadValue);
    EXPECT_EQ(parseError(R"([{"on": {"segment": {"flags": ["URG"]}}, "caption": "x"}])").id(),
              ErrorId::ScenarioBadValue);
    EXPECT_EQ(parseError(R"({"at_ms": 1})").id(), ErrorId::ScenarioWrongType);
}

TEST(Beats, AnchoredBeatsSitOnTheirEventsAndAreSorted) {
    const Recording rec = run(R"([
    {"on": {"transition": {"host": "client", "to": "TIME_WAIT"}}, "caption": "tw"},
    {"at_ms": 5, "caption": "before the close"},
    {"on": {"segment": {"from": "client", "flags": ["FIN", "ACK"]}}, "caption": "fin"},
    {"on": {"segment": {"from": "client", "flags": ["FIN", "ACK"], "arrival": true}},
     "caption": "fin arrives", "focus": [{"from": "server", "flags": ["FIN", "ACK"]}]}
  ])");
    ASSERT_EQ(rec.beats.size(), 4U);
    int fin = -1;
    int serverFin = -1;
    for (std::size_t i = 0; i < rec.segments.size(); ++i) {
        const auto& s = rec.segments[i];
        if (s.flags == (kFin | kAck) && (s.from == "client" ? fin : serverFin) < 0)
            (s.from == "client" ? fin : serverFin) = static_cast<int>(i);
    }
    ASSERT_GE(fin, 0);
    ASSERT_GE(serverFin, 0);
    const auto& finSeg = rec.segments[static_cast<std::size_t>(fin)];
    const auto tw = closelab::test::entered(rec, "client", TcpState::TimeWait);
    ASSERT_EQ(tw.size(), 1U);
    EXPECT_EQ(rec.beats[0].caption.en, "before the close");
    EXPECT_EQ(rec.beats[0].tUs, 5000);
    EXPECT_EQ(rec.beats[0].anchor, "time");
    EXPECT_EQ(rec.beats[1].caption.en, "fin");
    EXPECT_EQ(rec.beats[1].tUs, finSeg.tUs);
    EXPECT_EQ(rec.beats[1].anchor, "segment");
    EXPECT_EQ(rec.beats[1].focusSegments, std::vector<int>{fin});
    EXPECT_EQ(rec.beats[2].caption.en, "fin arrives");
    EXPECT_EQ(rec.beats[2].tUs, finSeg.arriveUs);
    EXPECT_EQ(rec.beats[2].focusSegments, (std::vector<int>{fin, serverFin}));
    EXPECT_EQ(rec.beats[3].caption.en, "tw");
    EXPECT_EQ(rec.beats[3].tUs, tw[0]);
    EXPECT_EQ(rec.beats[3].anchor, "transition");
}

TEST(Beats, AMissingEventFallsBackToAtMsOrLeavesTheBeatOut) {
    const Recording rec = run(R"([
    {"on": {"segment": {"flags": ["RST"]}}, "at_ms": 50, "caption": "no RST here"},
    {"on": {"transition": {"host": "server", "to": "TIME_WAIT"}}, "caption": "never"}
  ])");
    ASSERT_EQ(rec.beats.size(), 1U);
    EXPECT_EQ(rec.beats[0].caption.en, "no RST here");
    EXPECT_EQ(rec.beats[0].tUs, 50000);
    EXPECT_EQ(rec.beats[0].anchor, "time");
    EXPECT_TRUE(rec.beats[0].focusSegments.empty());
}

TEST(Beats, JsonCarriesBeatsBothWays) {
    const Recording rec = run(R"([
    {"at_ms": 1, "caption": {"en": "one", "zh_CN": "一"}, "notes": {"en": "n", "zh_CN": "注"}},
    {"on": {"segment": {"from": "server", "flags": ["FIN", "ACK"]}},
     "caption": {"en": "two", "zh_CN": "二"}}
  ])");
    const auto j = toJson(rec);
    ASSERT_TRUE(j.contains("beats"));
    ASSERT_EQ(j["beats"].size(), 2U);
    EXPECT_EQ(j["beats"][0]["t_us"], 1000);
    EXPECT_EQ(j["beats"][0]["caption"]["zh_CN"], "一");
    EXPECT_EQ(j["beats"][0]["notes"]["en"], "n");
    EXPECT_EQ(j["beats"][1]["caption"]["en"], "two");
    EXPECT_EQ(j["beats"][1]["focus"].size(), 1U);
    const Recording back = recordingFromJson(nlohmann::json::parse(j.dump()));
    ASSERT_EQ(back.beats.size(), 2U);
    for (std::size_t i = 0; i < 2; ++i) {
        EXPECT_EQ(back.beats[i].tUs, rec.beats[i].tUs);
        EXPECT_EQ(back.beats[i].caption.en, rec.beats[i].caption.en);
        EXPECT_EQ(back.beats[i].caption.zhCN, rec.beats[i].caption.zhCN);
        EXPECT_EQ(back.beats[i].notes.zhCN, rec.beats[i].notes.zhCN);
        EXPECT_EQ(back.beats[i].focusSegments, rec.beats[i].focusSegments);
        EXPECT_EQ(back.beats[i].anchor, rec.beats[i].anchor);
    }
    EXPECT_EQ(toJson(back)["beats"].dump(), j["beats"].dump());
    // The text trace lists them too.
    EXPECT_NE(toText(rec).find("beat 2: two"), std::string::npos);
}

TEST(Beats, AnAppAnchorSitsOnTheApplicationCall) {
    const Recording rec = run(R"([
    {"on": {"app": {"host": "client", "call": "close", "result": "ok"}}, "caption": "close"},
    {"on": {"app": {"host": "client", "call": "connect", "result": "EADDRNOTAVAIL"}},
     "caption": "never fails here"}
  ])");
    ASSERT_EQ(rec.beats.size(), 1U);
    EXPECT_EQ(rec.beats[0].tUs, 10000);
    EXPECT_EQ(rec.beats[0].anchor, "app");
    EXPECT_EQ(
        parseError(R"([{"on": {"app": {"host": "client", "call": "fork"}}, "caption": "x"}])").id(),
        ErrorId::ScenarioBadValue);
    EXPECT_EQ(parseError(R"([{"on": {"app": {"call": "close"}}, "caption": "x"}])").id(),
              ErrorId::ScenarioMissingField);
}
