// Analytic checks: the port budget (usable ports / TIME_WAIT length per destination), a pool
// without TIME_WAIT, a linear CLOSE_WAIT leak; plus the sustainable-rate summary.
#include <gtest/gtest.h>

#include <cmath>

#include "load_test_util.h"

namespace closelab::core {
namespace {

using namespace loadtest;

struct BudgetCase {
    const char* range;  // ip_local_port_range
    int timeWaitMs;     // closelab.time_wait_len_ms (60000 = the kernel's)
    double ports;       // usable ports
};

class LoadPortBudget : public ::testing::TestWithParam<BudgetCase> {};

LoadSpec budgetSpec(const BudgetCase& c, double rate) {
    LoadSpec s;
    s.ratePerS = rate;
    s.durationS = 5.0 * c.timeWaitMs / 1000.0;
    set(s, "net.ipv4.ip_local_port_range", c.range);
    if (c.timeWaitMs != 60000) {
        set(s, "closelab.time_wait_len_ms", std::to_string(c.timeWaitMs));
    }
    return s;
}

TEST_P(LoadPortBudget, JustBelowTheThresholdNeverFails) {
    const BudgetCase c = GetParam();
    const double threshold = c.ports / (c.timeWaitMs / 1000.0);
    const LoadResult r = runLoad(budgetSpec(c, threshold * 0.995));
    EXPECT_TRUE(r.summary.failed.empty());
    EXPECT_GE(r.summary.succeeded + 2, r.summary.attempted);  // the last may still be in flight
    EXPECT_FALSE(r.summary.firstFailureMs.has_value());
    ASSERT_TRUE(r.summary.sustainableRatePerS.has_value());
    EXPECT_NEAR(*r.summary.sustainableRatePerS, threshold, threshold * 0.001);
    EXPECT_EQ(r.summary.sustainableReason, "time_wait");
}

TEST_P(LoadPortBudget, JustAboveTheThresholdFailsOnceTheRangeFills) {
    const BudgetCase c = GetParam();
    const double threshold = c.ports / (c.timeWaitMs / 1000.0);
    const double rate = threshold * 1.005;
    const LoadResult r = runLoad(budgetSpec(c, rate));
    EXPECT_GT(failed(r, "EADDRNOTAVAIL"), 0u);
    ASSERT_TRUE(r.summary.firstFailureMs.has_value());
    // The range fills after ports / rate seconds.
    EXPECT_NEAR(static_cast<double>(*r.summary.firstFailureMs), c.ports / rate * 1000.0,
                2000.0 / rate + 5.0);
    EXPECT_EQ(host(r, "client").portsInUse.back() <= c.ports, true);
    EXPECT_FALSE(r.summary.failureWindows.empty());
}

INSTANTIATE_TEST_SUITE_P(Analytic, LoadPortBudget,
                         ::testing::Values(BudgetCase{"32768 60999", 60000, 28232},
                                           BudgetCase{"40000 40999", 60000, 1000},
                                           BudgetCase{"32768 60999", 30000, 28232},
                                           BudgetCase{"50000 50499", 10000, 500}));

TEST(LoadPortBudget, DefaultThresholdIs470Point5PerSecond) {
    LoadSpec below;
    below.ratePerS = 470;
    const LoadResult r1 = runLoad(below);
    EXPECT_EQ(r1.summary.attempted, 470u * 300u);
    EXPECT_EQ(r1.summary.succeeded, r1.summary.attempted);
    ASSERT_TRUE(r1.summary.sustainableRatePerS.has_value());
    EXPECT_NEAR(*r1.summary.sustainableRatePerS, 28232.0 / 60.0, 0.05);

    LoadSpec above;
    above.ratePerS = 471;
    const LoadResult r2 = runLoad(above);
    EXPECT_GT(failed(r2, "EADDRNOTAVAIL"), 0u);
    EXPECT_EQ(host(r2, "client").states[stateIdx("TIME_WAIT")].back() <= 28232u, true);
}

TEST(LoadPortBudget, OscillatesAtTheDefaultTeachingLoad) {
    LoadSpec s;
    s.ratePerS = 1000;
    const LoadResult r = runLoad(s);
    ASSERT_TRUE(r.summary.firstFailureMs.has_value());
    EXPECT_NEAR(static_cast<double>(*r.summary.firstFailureMs), 28232.0, 2.0);
    // Works for ~28 s, fails until the first TIME_WAITs expire at ~60 s, works again...
    ASSERT_GE(r.summary.failureWindows.size(), 4u);
    EXPECT_EQ(r.summary.failureWindows[0].startMs, 28000);
    EXPECT_EQ(r.summary.failureWindows[0].endMs, 61000);
    EXPECT_EQ(r.summary.failureWindows[1].startMs, 88000);
    EXPECT_EQ(r.summary.peak.at("client").at("TIME_WAIT"), 28232u);
}

TEST(LoadPortBudget, MoreDestinationsMultiplyTheBudget) {
    LoadSpec s;
    s.ratePerS = 1000;
    s.serverPorts = 3;  // three destinations: 3 x 470.5/s
    const LoadResult r = runLoad(s);
    EXPECT_EQ(r.summary.succeeded, r.summary.attempted);
    ASSERT_TRUE(r.summary.sustainableRatePerS.has_value());
    EXPECT_NEAR(*r.summary.sustainableRatePerS, 3 * 28232.0 / 60.0, 0.2);
}

TEST(LoadPortBudget, TwReuseRaisesTheBudgetOnLoopback) {
    LoadSpec s;
    s.ratePerS = 1000;
    s.loopback = true;  // tcp_tw_reuse=2 applies
    const LoadResult r = runLoad(s);
    EXPECT_EQ(r.summary.succeeded, r.summary.attempted);
    EXPECT_EQ(r.summary.sustainableReason, "tw_reuse");
    ASSERT_TRUE(r.summary.sustainableRatePerS.has_value());
    EXPECT_GT(*r.summary.sustainableRatePerS, 20000.0);
}

TEST(LoadPool, KeepAlivePoolRemovesTimeWait) {
    LoadSpec s;
    s.ratePerS = 1000;
    s.pool = 10;
    const LoadResult r = runLoad(s);
    EXPECT_EQ(r.summary.attempted, 10u);
    EXPECT_EQ(r.summary.succeeded, 10u);
    EXPECT_EQ(r.summary.requestsCompleted, 300000u);
    EXPECT_EQ(r.summary.peak.at("client").at("TIME_WAIT"), 0u);
    EXPECT_EQ(r.summary.peak.at("client").at("ESTABLISHED"), 10u);
    EXPECT_FALSE(r.summary.firstFailureMs.has_value());
}

TEST(LoadPool, RecycledPoolMakesTimeWaitInProportion) {
    LoadSpec s;
    s.ratePerS = 1000;
    s.pool = 10;
    s.poolRequests = 100;
    s.durationS = 50;
    const LoadResult r = runLoad(s);
    // 50,000 requests / 100 per connection = 500 connections closed by the client.
    EXPECT_NEAR(static_cast<double>(counter(r, "client", "TW")), 500.0, 11.0);
    EXPECT_NEAR(static_cast<double>(last(r, "client", "TIME_WAIT")), 500.0, 11.0);
    EXPECT_EQ(r.summary.requestsCompleted, 50000u);
}

class LoadCloseWaitLeak : public ::testing::TestWithParam<int> {};
TEST_P(LoadCloseWaitLeak, GrowsLinearly) {
    const int rate = GetParam();
    LoadSpec s;
    s.ratePerS = rate;
    s.durationS = 50;  // shorter than tcp_fin_timeout, before ports come round again
    s.peerClose = PeerClose::Never;
    const LoadResult r = runLoad(s);
    const auto& cw = host(r, "server").states[stateIdx("CLOSE_WAIT")];
    for (std::size_t k = 1; k < r.tMs.size(); ++k) {
        const double expected = rate * r.tMs[k] / 1000.0;
        EXPECT_NEAR(cw[k], expected, 1.0) << r.tMs[k];
    }
    // The server's ACK of each FIN is a delayed ACK (40 ms): until then the client is in
    // FIN_WAIT_1, after it an orphaned FIN_WAIT_2.
    EXPECT_EQ(last(r, "client", "FIN_WAIT_2") + last(r, "client", "FIN_WAIT_1"), cw.back());
}
INSTANTIATE_TEST_SUITE_P(Analytic, LoadCloseWaitLeak, ::testing::Values(10, 100, 400));

TEST(LoadCloseWaitLeak, StaysAfterTheClientsFinWait2Expires) {
    LoadSpec s;
    s.ratePerS = 10;
    s.durationS = 100;
    s.peerClose = PeerClose::Never;
    set(s, "client.net.ipv4.tcp_fin_timeout", "10");
    const LoadResult r = runLoad(s);
    // CLOSE_WAIT never times out; the client's orphans live 10 s.
    EXPECT_NEAR(last(r, "server", "CLOSE_WAIT"), 1000.0, 30.0);
    EXPECT_NEAR(last(r, "client", "FIN_WAIT_2"), 100.0, 2.0);
    EXPECT_EQ(r.summary.sustainableReason, "fin_wait_2");
}

TEST(LoadSummary, SustainableRateReasons) {
    LoadSpec s;
    s.ratePerS = 10;
    s.durationS = 1;
    s.closer = LoadCloser::Server;
    EXPECT_FALSE(runLoad(s).summary.sustainableRatePerS.has_value());
    EXPECT_EQ(runLoad(s).summary.sustainableReason, "server_closes_first");
    LoadSpec l;
    l.ratePerS = 10;
    l.durationS = 1;
    set(l, "client.SO_LINGER", "1,0");
    EXPECT_EQ(runLoad(l).summary.sustainableReason, "linger_zero");
    LoadSpec b;
    b.ratePerS = 10;
    b.durationS = 1;
    set(b, "net.ipv4.tcp_max_tw_buckets", "1000");
    EXPECT_EQ(runLoad(b).summary.sustainableReason, "tw_buckets_cap");
}

TEST(LoadSummary, BucketCapKeepsTheDefaultLoadWorking) {
    LoadSpec s;
    s.ratePerS = 1000;
    set(s, "client.net.ipv4.tcp_max_tw_buckets", "20000");
    const LoadResult r = runLoad(s);
    EXPECT_EQ(r.summary.succeeded, r.summary.attempted);
    EXPECT_EQ(r.summary.peak.at("client").at("TIME_WAIT"), 20000u);
    EXPECT_GT(counter(r, "client", "TCPTimeWaitOverflow"), 199000);
}

}  // namespace
}  // namespace closelab::core
