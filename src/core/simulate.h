#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/kernel_profile.h"
#include "core/options.h"
#include "core/recording.h"
#include "core/scenario.h"

namespace closelab::core {

struct RunConfig {
    std::optional<KernelProfile> kernel;    // overrides the scenario's profile
    std::vector<OptionOverride> overrides;  // --set, applied after the scenario's own options
    std::uint64_t seed = 1;
    // false = a "null recorder": no segments, notes, transitions or timers are kept (counters,
    // app events, final sockets and the outcome still are). For bulk runs.
    bool recordDetail = true;
};

// The most segments one scenario run may send. A scenario is a lesson for a ladder diagram:
// the largest built-in sends 195; a file that asks for gigabytes in one send() or repeats a
// connection 100,000 times is stopped here with an error instead of running for minutes and
// filling the memory (a recorded segment costs kilobytes by the time the views hold it).
inline constexpr std::uint64_t kMaxScenarioSegments = 20'000;

// Runs a scenario. Pure and deterministic: the same scenario, config and seed give the same
// Recording. Throws InputError for options that are unknown, out of range, not in the profile,
// or scoped to a host the scenario does not have, and when the run would send more than
// kMaxScenarioSegments segments (ScenarioTooManySegments).
Recording simulate(const Scenario& scenario, const RunConfig& config);

// The scenario's lesson beats placed in a run: each anchored beat at the time of the event it
// names (the nth matching segment, sent or arrived, or the nth matching state transition), else
// at its at_ms; a beat whose event did not happen and that has no at_ms is left out. Sorted by
// time (stable). simulate() fills Recording::beats with it; the kernel lab can call it too.
std::vector<RecBeat> resolveBeats(const Scenario& scenario, const Recording& rec);

// The effective options of one host after the profile defaults, the scenario's options and the
// overrides (what Recording::options lists). Throws like simulate().
std::vector<std::pair<std::string, std::string>> effectiveOptions(const Scenario& scenario,
                                                                  const RunConfig& config,
                                                                  std::string_view host);

}  // namespace closelab::core
