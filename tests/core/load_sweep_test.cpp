// runSweep(): every point is the load with the value applied, the result does not depend on
// the number of jobs, a stop request ends it, and the caps hold.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "core/load/load_model.h"
#include "core/load/load_sweep.h"

namespace closelab::core {
namespace {

SweepSpec smallSweep() {
    SweepSpec s;
    s.base.ratePerS = 400;
    s.base.durationS = 20;
    s.param = SweepParam::PortRange;
    s.values = {50, 500, 5000};
    s.param2 = SweepParam::TwReuse;
    s.values2 = {0, 1};
    return s;
}

TEST(LoadSweep, PointsAreTheLoadsWithTheValueWhateverTheJobs) {
    const SweepSpec sweep = smallSweep();
    const SweepResult one = runSweep(sweep, 1);
    const SweepResult three = runSweep(sweep, 3);
    EXPECT_EQ(sweepResultToJson(one), sweepResultToJson(three));
    ASSERT_EQ(one.points.size(), 6U);
    LoadSpec load = sweep.base;
    load.settings.emplace_back("net.ipv4.ip_local_port_range", "32768 33267");
    load.settings.emplace_back("net.ipv4.tcp_tw_reuse", "1");
    EXPECT_EQ(loadSummaryToJson(one.points[3].summary), loadSummaryToJson(runLoad(load).summary));
    EXPECT_EQ(one.points[3].value, 500);
    EXPECT_EQ(one.points[3].value2, 1);
    EXPECT_EQ(one.points[0].summary.usablePortsPerDestination, 50U);
}

TEST(LoadSweep, AValueReplacesTheSameOptionSetForOneHost) {
    LoadSpec s;
    s.settings.emplace_back("client.net.ipv4.tcp_fin_timeout", "7");
    s.settings.emplace_back("net.ipv4.tcp_fin_timeout_x", "1");
    applySweepValue(s, SweepParam::FinTimeout, 30);
    ASSERT_EQ(s.settings.size(), 2U);
    EXPECT_EQ(s.settings[0].first, "net.ipv4.tcp_fin_timeout_x");
    EXPECT_EQ(s.settings[1],
              (std::pair<std::string, std::string>{"net.ipv4.tcp_fin_timeout", "30"}));
}

TEST(LoadSweep, PortRangeKeepsTheDefaultStartWhileItFits) {
    LoadSpec s;
    applySweepValue(s, SweepParam::PortRange, 28232);
    EXPECT_EQ(s.settings.back().second, "32768 60999");
    applySweepValue(s, SweepParam::PortRange, 64000);
    EXPECT_EQ(s.settings.back().second, "1536 65535");
}

TEST(LoadSweep, CapsAndRangesAreTypedErrors) {
    SweepSpec s = smallSweep();
    s.values.assign(kMaxSweepPoints2D / 2 + 1, 100);
    try {
        sweepPointSpecs(s);
        FAIL();
    } catch (const LoadSpecError& e) {
        EXPECT_EQ(e.id(), ErrorId::SweepTooManyPoints);
    }
    EXPECT_EQ(sweepRange(SweepParam::Clients, 1, 10, 4, "a", "b", "c"),
              (std::vector<double>{1, 4, 7, 10}));
    EXPECT_THROW(sweepRange(SweepParam::Loss, 0, 1, 3, "a", "b", "c"), LoadSpecError);
    EXPECT_THROW(parseSweepValues(SweepParam::Rate, "1,2,", "--values"), LoadSpecError);
}

TEST(LoadSweep, AStopEndsARunningSweep) {
    SweepSpec s;
    s.base.ratePerS = 100'000;
    s.base.durationS = 100;
    s.base.serverPorts = 64;
    s.param = SweepParam::Rate;
    s.values = {90'000, 100'000, 110'000};
    std::stop_source source;
    LoadControl control;
    control.stop = source.get_token();
    std::atomic<std::int64_t> done{0};
    control.progress = [&](std::int64_t d, std::int64_t total) {
        done = d;
        EXPECT_EQ(total, 300'000'000);
    };
    std::jthread stopper([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        source.request_stop();
    });
    const auto start = std::chrono::steady_clock::now();
    EXPECT_THROW(runSweep(s, 2, control), LoadCancelled);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(1500));
    EXPECT_GT(done.load(), 0);
}

}  // namespace
}  // namespace closelab::core
