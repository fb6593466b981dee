// The built-ins as lessons: every one has 3-8 beats in both languages that sit on recorded events
// of its run, numbers its texts quote agree with its run, and the four-way-close pin.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "core/recording_json.h"
#include "engine_test_util.h"

using namespace closelab::core;
using namespace closelab::test;

namespace {

bool hasCjk(const std::string& s) {
    // UTF-8 lead bytes E4..E9 start the CJK Unified Ideographs U+4E00..U+9FFF.
    return std::any_of(s.begin(), s.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b >= 0xE4 && b <= 0xE9;
    });
}

// Times of everything the run recorded: segments sent and arriving, transitions, application
// calls, timers starting and ending, notes.
std::vector<SimTime> eventTimes(const Recording& rec) {
    std::vector<SimTime> t;
    for (const auto& s : rec.segments) {
        t.push_back(s.tUs);
        if (s.arriveUs >= 0)
            t.push_back(s.arriveUs);
    }
    for (const auto& x : rec.transitions)
        t.push_back(x.tUs);
    for (const auto& a : rec.appEvents)
        t.push_back(a.tUs);
    for (const auto& x : rec.timers) {
        t.push_back(x.startUs);
        t.push_back(x.endUs);
    }
    for (const auto& n : rec.notes)
        t.push_back(n.t);
    std::sort(t.begin(), t.end());
    return t;
}

// "250 ms", "1.5 s", "60 seconds", "60 秒", "40 毫秒" -> milliseconds, sorted.
std::vector<double> quotedMs(const std::string& text) {
    static const std::regex re(R"((\d+(?:\.\d+)?) ?(ms|seconds?|s|毫秒|秒)(?![A-Za-z]))");
    std::vector<double> out;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator();
         ++it) {
        const double v = std::stod((*it)[1].str());
        const std::string unit = (*it)[2].str();
        out.push_back(unit == "ms" || unit == "毫秒" ? v : v * 1000.0);  // s, second(s), 秒
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<const LocalizedText*> textsOf(const Scenario& sc) {
    std::vector<const LocalizedText*> texts = {&sc.description, &sc.lesson};
    for (const auto& b : sc.beats) {
        texts.push_back(&b.caption);
        if (!b.notes.empty())
            texts.push_back(&b.notes);
    }
    return texts;
}

const RecSegment* nthSegment(const Recording& rec, std::string_view from, std::uint8_t flags,
                             int nth) {
    for (const auto& s : rec.segments) {
        if (s.from == from && s.flags == flags && --nth == 0)
            return &s;
    }
    return nullptr;
}

}  // namespace

TEST(Builtins, TheDefaultScenarioIsTheFourWayCloseAndComesFirst) {
    EXPECT_EQ(kDefaultScenarioId, "four-way-close");
    ASSERT_FALSE(builtinScenarios().empty());
    EXPECT_EQ(builtinScenarios().front().id, kDefaultScenarioId);
    EXPECT_EQ(builtinScenario(kDefaultScenarioId).id, "four-way-close");
}

TEST(BuiltinBeats, EveryBuiltinHasThreeToEightBeatsInBothLanguages) {
    for (const auto& b : builtinScenarios()) {
        const Scenario sc = builtinScenario(b.id);
        EXPECT_GE(sc.beats.size(), 3U) << b.id;
        EXPECT_LE(sc.beats.size(), 8U) << b.id;
        for (std::size_t i = 0; i < sc.beats.size(); ++i) {
            const BeatSpec& beat = sc.beats[i];
            const std::string where = std::string(b.id) + " beat " + std::to_string(i + 1);
            EXPECT_FALSE(beat.caption.en.empty()) << where;
            EXPECT_FALSE(hasCjk(beat.caption.en)) << where;
            EXPECT_TRUE(hasCjk(beat.caption.zhCN)) << where << ": no Chinese caption";
            // One or two lines on a projector: short captions.
            EXPECT_LE(beat.caption.en.size(), 150U) << where;
            EXPECT_EQ(beat.notes.en.empty(), beat.notes.zhCN.empty()) << where;
            if (!beat.notes.zhCN.empty()) {
                EXPECT_TRUE(hasCjk(beat.notes.zhCN)) << where;
            }
        }
    }
}

TEST(BuiltinBeats, EveryBeatResolvesAndSitsAtOrJustBeforeARecordedEvent) {
    for (const auto& b : builtinScenarios()) {
        const Scenario sc = builtinScenario(b.id);
        const Recording rec = simulate(sc, RunConfig{});
        // Every beat is placed in the default run, and anchored ones on their own events.
        ASSERT_EQ(rec.beats.size(), sc.beats.size()) << b.id << ": a beat's event is missing";
        int anchored = 0;
        for (const auto& spec : sc.beats)
            anchored += spec.on.kind != BeatAnchor::Kind::None ? 1 : 0;
        int resolved = 0;
        for (const auto& beat : rec.beats)
            resolved += beat.anchor != "time" ? 1 : 0;
        EXPECT_EQ(resolved, anchored) << b.id << ": an anchored beat fell back to its at_ms";
        const std::vector<SimTime> events = eventTimes(rec);
        for (std::size_t i = 0; i < rec.beats.size(); ++i) {
            const SimTime t = rec.beats[i].tUs;
            const auto it = std::lower_bound(events.begin(), events.end(), t);
            EXPECT_TRUE(it != events.end() && *it - t <= 1000)
                << b.id << " beat " << i + 1 << " at " << t << " us has no event within 1 ms";
            if (i > 0) {
                EXPECT_LE(rec.beats[i - 1].tUs, t) << b.id;
            }
            for (int f : rec.beats[i].focusSegments) {
                EXPECT_LT(static_cast<std::size_t>(f), rec.segments.size()) << b.id;
            }
        }
        // The JSON of the run carries them.
        EXPECT_EQ(toJson(rec)["beats"].size(), rec.beats.size()) << b.id;
    }
}

TEST(BuiltinTexts, NumbersWithUnitsAgreeBetweenTheLanguages) {
    for (const auto& b : builtinScenarios()) {
        const Scenario sc = builtinScenario(b.id);
        for (const LocalizedText* t : textsOf(sc)) {
            EXPECT_EQ(quotedMs(t->en), quotedMs(t->zhCN)) << b.id << ": " << t->en;
        }
    }
}

TEST(BuiltinTexts, StraySegmentQuotesTheNumbersOfItsRun) {
    const Scenario sc = builtinScenario("stray-segment");
    ASSERT_EQ(sc.faults.size(), 1U);
    const double holdMs = static_cast<double>(sc.faults[0].holdUs) / 1000.0;
    SimTime closeUs = -1;
    SimTime reconnectUs = -1;
    for (const auto& c : sc.timeline) {
        if (c.host == "client" && c.call == AppCallKind::Close && closeUs < 0)
            closeUs = c.t;
        if (c.host == "client" && c.call == AppCallKind::Connect && c.t > 0 && reconnectUs < 0)
            reconnectUs = c.t;
    }
    ASSERT_GT(closeUs, 0);
    ASSERT_GT(reconnectUs, closeUs);
    const double closeMs = static_cast<double>(closeUs) / 1000.0;
    const double gapMs = static_cast<double>(reconnectUs - closeUs) / 1000.0;
    // Every duration the texts quote is one of the run's: the hold, the close time, the gap to
    // the reconnect, or TIME_WAIT's 60 s.
    const std::vector<double> known = {holdMs, closeMs, gapMs, 60000.0};
    for (const LocalizedText* t : textsOf(sc)) {
        for (const std::string* s : {&t->en, &t->zhCN}) {
            for (double ms : quotedMs(*s)) {
                EXPECT_NE(std::find(known.begin(), known.end(), ms), known.end())
                    << ms << " ms in: " << *s;
            }
        }
    }
    const auto desc = quotedMs(sc.description.en);
    for (double ms : {holdMs, closeMs, gapMs}) {
        EXPECT_NE(std::find(desc.begin(), desc.end(), ms), desc.end()) << ms;
    }
    // And the run does what the text says: the copy arrives that much later than it was sent.
    const Recording rec = simulate(sc, RunConfig{});
    bool found = false;
    for (const auto& s : rec.segments) {
        if (s.reason == "paws") {
            found = true;
            EXPECT_EQ(s.arriveUs - s.tUs, sc.faults[0].holdUs + sc.defaultLink.delayUs);
        }
    }
    EXPECT_TRUE(found);
}

TEST(FourWayClose, FinAckFinAckWithFinWait2AndCloseWaitBands) {
    const Scenario sc = builtinScenario("four-way-close");
    const Recording rec = simulate(sc, RunConfig{});
    // The teardown: every segment from the client's FIN on.
    std::vector<const RecSegment*> close;
    for (const auto& s : rec.segments) {
        if (!close.empty() || (s.from == "client" && (s.flags & kFin)))
            close.push_back(&s);
    }
    ASSERT_EQ(close.size(), 4U);
    EXPECT_EQ(close[0]->from, "client");
    EXPECT_EQ(close[0]->flags, kFin | kAck);
    EXPECT_EQ(close[1]->from, "server");
    EXPECT_EQ(close[1]->flags, kAck);  // the ACK alone: no FIN rides with it
    EXPECT_EQ(close[2]->from, "server");
    EXPECT_EQ(close[2]->flags, kFin | kAck);
    EXPECT_EQ(close[3]->from, "client");
    EXPECT_EQ(close[3]->flags, kAck);
    for (const auto* s : close) {
        EXPECT_EQ(s->fate, Fate::Delivered);
    }
    EXPECT_EQ(close[1]->ack, close[0]->seq + 1);  // it acknowledges the client's FIN
    // The ACK is the 40 ms delayed ACK; the server's FIN follows its close() 100 ms after EOF.
    EXPECT_EQ(close[1]->tUs - close[0]->arriveUs, 40000);
    EXPECT_EQ(counter(rec, "server", Mib::DelayedACKs), 1U);
    const auto closeWait = entered(rec, "server", TcpState::CloseWait);
    const auto lastAck = entered(rec, "server", TcpState::LastAck);
    ASSERT_EQ(closeWait.size(), 1U);
    ASSERT_EQ(lastAck.size(), 1U);
    EXPECT_EQ(closeWait[0], close[0]->arriveUs);
    EXPECT_EQ(lastAck[0] - closeWait[0], 100000);  // CLOSE_WAIT: 100 ms, a visible band
    EXPECT_EQ(close[2]->tUs, lastAck[0]);
    const auto fw1 = entered(rec, "client", TcpState::FinWait1);
    const auto fw2 = entered(rec, "client", TcpState::FinWait2);
    const auto tw = entered(rec, "client", TcpState::TimeWait);
    ASSERT_EQ(fw1.size(), 1U);
    ASSERT_EQ(fw2.size(), 1U);
    ASSERT_EQ(tw.size(), 1U);
    EXPECT_EQ(fw2[0], close[1]->arriveUs);
    EXPECT_EQ(tw[0], close[2]->arriveUs);
    EXPECT_EQ(tw[0] - fw2[0], 60000);  // FIN_WAIT_2: 60 ms, a visible band
    EXPECT_GT(fw2[0] - fw1[0], 40000);
    // The client's path and the server's, then TIME_WAIT's 60 s on the client only.
    std::vector<TcpState> clientPath;
    for (const auto& t : transitionsOf(rec, "client"))
        clientPath.push_back(t.to);
    EXPECT_EQ(clientPath,
              (std::vector<TcpState>{TcpState::SynSent, TcpState::Established, TcpState::FinWait1,
                                     TcpState::FinWait2, TcpState::TimeWait, TcpState::Closed}));
    const auto closed = entered(rec, "client", TcpState::Closed);
    ASSERT_EQ(closed.size(), 1U);
    EXPECT_EQ(closed[0] - tw[0], secToUs(60));
    EXPECT_TRUE(entered(rec, "server", TcpState::TimeWait).empty());
    // normal-close, the same exchange with a server that closes at once, needs three.
    const Recording normal = runBuiltin("normal-close");
    const RecSegment* serverFin = nthSegment(normal, "server", kFin | kAck, 1);
    ASSERT_NE(serverFin, nullptr);
    EXPECT_EQ(nthSegment(normal, "server", kAck, 3), nullptr) << "normal-close: no lone ACK";
    // The texts say what the run does.
    EXPECT_NE(sc.lesson.en.find("normal-close"), std::string::npos);
    EXPECT_NE(sc.lesson.en.find("three segments"), std::string::npos);
    EXPECT_NE(sc.description.en.find("100 ms"), std::string::npos);
    EXPECT_NE(sc.description.en.find("40 ms"), std::string::npos);
}
