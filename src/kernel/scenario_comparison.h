#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/recording.h"
#include "core/scenario.h"

namespace closelab::kernel {

// Engine vs kernel on one scenario (`closelab-cli compare`): the result of every timeline call up
// to the cut, the failed reads the applications saw, and each host's socket states at the cut.
struct ScenarioComparison {
    struct Row {
        std::string what;
        std::string engine;
        std::string kernel;
        bool agree = true;
        // Shown, not judged: segment sequences depend on link delays the kernel lab cannot
        // reproduce on loopback (data still in flight at close() time, ACK order within 1 ms).
        bool informational = false;
    };
    std::vector<Row> rows;
    bool agree = true;

    // A cut time (ms) at most maxMs that falls 300 ms after a timeline call and at least 100 ms
    // before the next one, so a few ms of real-time lag in the kernel replay cannot move a call
    // across it. As late as possible; 300 ms after the first call if no gap is wide enough.
    static long long quietCutMs(const core::Scenario& scenario, long long maxMs);

    static ScenarioComparison compare(const core::Scenario& scenario, const core::Recording& engine,
                                      const core::Recording& kernel, long long cutUs);
    nlohmann::json toJson() const;
    std::string toText() const;
};

}  // namespace closelab::kernel
