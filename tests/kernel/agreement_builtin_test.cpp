// Every built-in scenario the kernel can replay (no NAT, no scripted faults, no lossy links, no
// teaching knobs), run on the engine and on the kernel, compared at a cut time.
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "core/scenario.h"
#include "core/simulate.h"
#include "kernel/kernel_run.h"
#include "kernel/scenario_comparison.h"
#include "kernel_test_support.h"

using closelab::kernel::KernelRun;
using closelab::kernel::ScenarioComparison;

namespace {

constexpr long long kMaxCutMs = 2700;

bool replayable(const closelab::core::Scenario& sc) {
    const auto lossy = [](const closelab::core::LinkSpec& l) {
        return l.loss > 0 || l.duplicate > 0 || l.jitterUs > 0;
    };
    if (!sc.faults.empty() || lossy(sc.defaultLink)) {
        return false;
    }
    for (const auto& l : sc.links) {
        if (lossy(l)) {
            return false;
        }
    }
    return true;
}

}  // namespace

TEST(AgreementBuiltin, EveryReplayableBuiltinScenarioAgrees) {
    CLOSELAB_REQUIRE_NETNS();
    int compared = 0;
    for (const auto& builtin : closelab::core::builtinScenarios()) {
        const auto sc = closelab::core::builtinScenario(builtin.id);
        if (!replayable(sc)) {
            continue;
        }
        closelab::core::RunConfig config;
        const long long cutMs = ScenarioComparison::quietCutMs(sc, kMaxCutMs);
        KernelRun::Result kernel;
        try {
            kernel = KernelRun::run(sc, config, cutMs);
        } catch (const std::invalid_argument& e) {
            // Not reproducible on the kernel (NAT, conflicting sysctls, closelab.* knobs).
            continue;
        }
        if (!kernel.notReplayed.empty()) {
            continue;  // listed by KernelRun, e.g. FINs that must cross in flight
        }
        const auto engine = closelab::core::simulate(sc, config);
        const auto r = ScenarioComparison::compare(sc, engine, kernel.recording, cutMs * 1000);
        EXPECT_TRUE(r.agree) << sc.id << " at " << cutMs << " ms\n" << r.toText();
        ++compared;
    }
    EXPECT_GE(compared, 1);
}
