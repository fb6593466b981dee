#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/recording.h"
#include "core/scenario.h"
#include "core/simulate.h"

namespace closelab::kernel {

// `closelab-cli kernel-run`: replays a scenario's timeline of application calls in real time on
// real sockets inside a private network namespace. Every host gets its scenario address on `lo`;
// net.* options are written as sysctls of the namespace (which all hosts share); socket options
// are set on the real sockets. States are sampled over NETLINK_SOCK_DIAG every millisecond or
// so and written as transitions (cause "observed"); call results are the real errno; counters
// are the namespace's MIB deltas. Segments are not captured.
class KernelRun {
public:
    struct Result {
        core::Recording recording;             // source "kernel"
        std::vector<std::string> notes;        // how the replay differs from the scenario
        std::vector<std::string> notReplayed;  // faults and links the kernel cannot reproduce
    };

    // untilMs > 0 stops the replay early (the scenario's duration otherwise, at most 600 s).
    // Throws core::InputError for bad options, std::invalid_argument naming what cannot be
    // reproduced (NAT hosts, conflicting sysctls, closelab.* knobs), PrivilegeError without root.
    static Result run(const core::Scenario& scenario, const core::RunConfig& config,
                      long long untilMs);

    static nlohmann::json toJson(const Result& result);

    static constexpr long long kMaxRunMs = 600'000;
};

}  // namespace closelab::kernel
