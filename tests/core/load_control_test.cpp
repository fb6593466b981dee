// Progress and cancel of runLoad(): progress rises in simulated time to the total, a watched
// run gives the same result as an unwatched one, and a stop request ends a long run quickly.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <thread>
#include <vector>

#include "core/load/load_model.h"

namespace closelab::core {
namespace {

TEST(LoadControl, ProgressRisesToTheTotalAndLeavesTheResultAlone) {
    LoadSpec spec;
    spec.ratePerS = 1000;
    spec.durationS = 30;
    std::vector<std::int64_t> done;
    std::int64_t total = -1;
    LoadControl control;
    control.progress = [&](std::int64_t d, std::int64_t t) {
        done.push_back(d);
        total = t;
    };
    const LoadResult watched = runLoad(spec, control);
    const LoadResult plain = runLoad(spec);
    EXPECT_EQ(loadResultToJson(watched), loadResultToJson(plain));
    ASSERT_GE(done.size(), 3U);  // polled during the run, and once at the end
    EXPECT_EQ(total, 30'000'000);
    EXPECT_EQ(done.back(), total);
    for (std::size_t i = 1; i < done.size(); ++i) {
        EXPECT_LE(done[i - 1], done[i]);
    }
    EXPECT_GT(done.front(), 0);
    EXPECT_LT(done.front(), total);
}

TEST(LoadControl, AStopRequestedBeforeTheRunCancelsIt) {
    LoadSpec spec;
    spec.ratePerS = 1000;
    std::stop_source source;
    source.request_stop();
    LoadControl control;
    control.stop = source.get_token();
    EXPECT_THROW(runLoad(spec, control), LoadCancelled);
}

// 100,000 attempts/s for 300 s takes many seconds; a stop after 200 ms ends it within 100 ms.
TEST(LoadControl, AStopEndsALongRunWithin100Ms) {
    LoadSpec spec;
    spec.ratePerS = 100'000;
    spec.durationS = 300;
    std::stop_source source;
    LoadControl control;
    control.stop = source.get_token();
    std::int64_t lastDone = 0;
    control.progress = [&](std::int64_t d, std::int64_t) { lastDone = d; };
    using Clock = std::chrono::steady_clock;
    Clock::time_point stoppedAt;
    std::jthread stopper([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        stoppedAt = Clock::now();
        source.request_stop();
    });
    bool cancelled = false;
    try {
        runLoad(spec, control);
    } catch (const LoadCancelled&) {
        cancelled = true;
    }
    const auto end = Clock::now();
    stopper.join();
    ASSERT_TRUE(cancelled);
    EXPECT_LT(end - stoppedAt, std::chrono::milliseconds(100));
    EXPECT_GT(lastDone, 0);
    EXPECT_LT(lastDone, 300'000'000);
}

}  // namespace
}  // namespace closelab::core
