#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/load/load_control.h"
#include "core/load/load_result.h"
#include "core/load/load_spec.h"

namespace closelab::core {

// What a sweep varies. Each one changes one field or one sysctl (on every host) of the load.
enum class SweepParam : std::uint8_t {
    Rate,            // --rate, attempts per second
    Duration,        // --duration, simulated seconds
    PortRange,       // size of net.ipv4.ip_local_port_range (from 32768, lower when wider)
    ServerPorts,     // --server-ports
    Clients,         // --clients
    TwReuse,         // net.ipv4.tcp_tw_reuse 0/1/2
    TwReuseDelay,    // net.ipv4.tcp_tw_reuse_delay, ms
    MaxTwBuckets,    // net.ipv4.tcp_max_tw_buckets
    FinTimeout,      // net.ipv4.tcp_fin_timeout, s
    PeerCloseDelay,  // --peer-close delay:MS
    Pool,            // --pool P (0: one connection per request)
    Loss,            // --loss
    Count
};

struct SweepParamInfo {
    std::string_view name;  // as the CLI spells it: "rate", "port_range", ...
    bool integer;
    double min;
    double max;
};

const SweepParamInfo& sweepParamInfo(SweepParam p);
// Throws LoadSpecError(SweepUnknownParam) naming the allowed names.
SweepParam parseSweepParam(std::string_view name);

// Caps: points of a one-parameter sweep, and of a two-parameter one (a heat map); attempts of
// all points together (the limit of one load).
inline constexpr std::size_t kMaxSweepPoints = 256;
inline constexpr std::size_t kMaxSweepPoints2D = 1024;
inline constexpr std::uint64_t kMaxSweepAttempts = kMaxLoadCount;

// "V1,V2,..." -> values; `option` names the flag in errors ("--values"). Every value must be a
// number (a whole one for integer parameters) within the parameter's bounds.
std::vector<double> parseSweepValues(SweepParam p, std::string_view list,
                                     const std::string& option);
// `steps` evenly spaced values from `from` to `to` (both included; rounded for integers).
std::vector<double> sweepRange(SweepParam p, double from, double to, long long steps,
                               const std::string& fromOption, const std::string& toOption,
                               const std::string& stepsOption);

// The load with the parameter set to `value`.
void applySweepValue(LoadSpec& spec, SweepParam p, double value);

struct SweepSpec {
    LoadSpec base;
    SweepParam param = SweepParam::Rate;
    std::vector<double> values;
    std::optional<SweepParam> param2;
    std::vector<double> values2;
};

struct SweepPoint {
    double value = 0;
    std::optional<double> value2;
    LoadSummary summary;
    std::map<std::string, std::uint64_t> peakMemoryBytes;  // per host, over the samples
};

struct SweepResult {
    SweepSpec spec;
    std::vector<SweepPoint> points;  // values x values2, the second parameter varying fastest
};

// The point loads in output order. Throws LoadSpecError for too many points or attempts, or
// the first point whose load is bad.
std::vector<LoadSpec> sweepPointSpecs(const SweepSpec& sweep);

// Runs every point on `jobs` std::jthreads. Each point is deterministic by its seed, so the
// result does not depend on `jobs`. control.progress is called from the worker threads (it
// must be thread-safe) with the simulated time of all points done so far; a stop request
// ends the sweep with LoadCancelled.
SweepResult runSweep(const SweepSpec& sweep, unsigned jobs, const LoadControl& control = {});

// {"param", "values", ["param2", "values2",] "spec", "points": [{"value", ["value2",] "summary",
// "peak_memory_bytes"}]}; summary as in loadResultToJson().
nlohmann::json sweepResultToJson(const SweepResult& result);
// One row per point.
std::string sweepResultToCsv(const SweepResult& result);

}  // namespace closelab::core
