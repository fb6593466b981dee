// Property tests over many seeds and fault mixes: only allowed transitions, no 4-tuple held
// twice on a host, every socket accounted for, deterministic runs.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "core/recording_json.h"
#include "core/rng.h"
#include "engine_test_util.h"

using namespace closelab::core;

namespace {

void checkInvariants(const Recording& rec, const std::string& what) {
    std::map<std::pair<std::string, int>, TcpState> state;
    std::map<std::pair<std::string, int>, std::string> tupleOf;
    std::set<std::tuple<std::string, std::string, std::string>> live;  // host, local, remote
    for (const auto& t : rec.transitions) {
        const auto key = std::make_pair(t.host, t.socket);
        const TcpState prev = state.count(key) ? state[key] : TcpState::Closed;
        ASSERT_EQ(prev, t.from) << what << " socket " << t.socket << " at " << t.tUs;
        ASSERT_TRUE(isAllowedTransition(t.from, t.to))
            << what << ": " << stateName(t.from) << " -> " << stateName(t.to) << " (" << t.cause
            << ")";
        const auto tuple = std::make_tuple(t.host, t.local, t.remote);
        if (t.from == TcpState::Closed) {
            ASSERT_TRUE(live.insert(tuple).second) << what << ": 4-tuple held twice on " << t.host
                                                   << ": " << t.local << " " << t.remote;
        }
        if (t.to == TcpState::Closed)
            live.erase(tuple);
        state[key] = t.to;
    }
    // Every socket still open at the end is in final_sockets and vice versa.
    std::size_t open = 0;
    for (const auto& [key, s] : state)
        open += s != TcpState::Closed;
    std::size_t rows = 0;
    for (const auto& r : rec.finalSockets)
        rows += r.size();
    ASSERT_EQ(open, rows) << what;
}

}  // namespace

TEST(Properties, InvariantsHoldOverSeedsAndFaultMixes) {
    int runs = 0;
    for (const auto& b : builtinScenarios()) {
        const Scenario base = builtinScenario(b.id);
        for (std::uint64_t seed = 1; seed <= 200; ++seed) {
            Scenario sc = base;
            Rng r(seed * 7919 + b.id.size());
            sc.defaultLink.loss = (seed % 3 == 0) ? 0.0 : 0.02 * static_cast<double>(r.below(10));
            sc.defaultLink.jitterUs = r.below(3) * 300;
            sc.defaultLink.duplicate = seed % 5 == 0 ? 0.05 : 0.0;
            for (auto& l : sc.links)
                l.loss = sc.defaultLink.loss;
            RunConfig cfg;
            cfg.seed = seed;
            const Recording rec = simulate(sc, cfg);
            checkInvariants(rec, std::string(b.id) + " seed " + std::to_string(seed));
            if (HasFatalFailure())
                return;
            if (seed % 10 == 1) {
                const Recording again = simulate(sc, cfg);
                ASSERT_EQ(toJson(rec).dump(), toJson(again).dump()) << b.id << " seed " << seed;
            }
            ++runs;
        }
    }
    EXPECT_EQ(runs, 16 * 200);
}

TEST(Properties, DifferentSeedsGiveDifferentPortsButTheSameStory) {
    const Recording a = closelab::test::runBuiltin("normal-close", {}, 1);
    const Recording b = closelab::test::runBuiltin("normal-close", {}, 2);
    EXPECT_NE(a.transitions[1].local, b.transitions[1].local);
    EXPECT_EQ(a.transitions.size(), b.transitions.size());
}
