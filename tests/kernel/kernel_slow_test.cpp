// The 60 s TIME_WAIT lifetime (label slow): TCP_TIMEWAIT_LEN, whatever tcp_fin_timeout says.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "kernel/kernel_experiments.h"
#include "kernel_test_support.h"

using closelab::kernel::KernelExperiments;

TEST(KernelSlow, TimeWaitLastsSixtySecondsWhateverFinTimeout) {
    CLOSELAB_REQUIRE_NETNS();
    const auto r = KernelExperiments::timeWaitLifetime(3, 5);
    EXPECT_EQ(r["present_at_59s"], 3) << r;
    EXPECT_GE(r["gone_ms"].get<long long>(), 59'500) << r;
    EXPECT_LE(r["gone_ms"].get<long long>(), 62'500) << r;
}
