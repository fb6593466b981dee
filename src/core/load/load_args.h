#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/load/load_spec.h"

namespace closelab::core {

// The argument list of `closelab-cli load` read into a LoadSpec. It lives in the core, not in the
// CLI, because a question's run is such an argument list and the quiz (and the app's practice
// mode, which cannot link the CLI) must play it exactly as `closelab-cli load` would.

// A bad argument: one English line naming the flag and what it expects ("--rate expects a
// number, got 'x'"). The CLI prints it as a usage error (exit 2).
class LoadArgsError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Whole decimal integer in [lo, hi], finite number in [lo, hi], any finite number, a seed
// 0..2^64-1; each throws LoadArgsError naming `option`.
long long parseIntegerArg(const std::string& option, const std::string& text, long long lo,
                          long long hi);
double parseNumberArg(const std::string& option, const std::string& text, double lo, double hi);
double parseAnyNumberArg(const std::string& option, const std::string& text);
std::uint64_t parseSeedArg(const std::string& text);
// A double as a person writes it: "0.000001", "10000000", "0.99".
std::string formatNumberArg(double value);

// The value after option args[i] (advancing i), or LoadArgsError when it is missing.
const std::string& needArgValue(const std::vector<std::string>& args, std::size_t& i);

// What `load` (simulated) and `kernel-load` (real sockets, in real time) accept.
struct LoadFlagLimits {
    double maxRate = 0;
    long long maxCount = 0;
    double maxDurationS = 0;
    long long maxPeerCloseDelayMs = 0;
    long long maxClients = 0;
    long long maxServerPorts = 0;
    long long minSampleMs = 1;
    long long maxSampleMs = 0;
};

// The limits of the simulated `load`.
LoadFlagLimits simulatedLoadLimits();

// Parses args[i] if it is one of the workload and output flags both commands share (moving i
// past its value) and returns true; false for any other argument. Bad values throw LoadArgsError.
bool parseSharedLoadFlag(const std::vector<std::string>& args, std::size_t& i,
                         const LoadFlagLimits& limits, LoadSpec& spec, std::string& format,
                         bool& help);

// Every argument of `closelab-cli load`; `format` gets --format (default "json"), `help` is set
// by -h/--help. Unknown flags throw LoadArgsError, naming `command` (load, sweep).
LoadSpec loadSpecFromArgs(const std::vector<std::string>& args, std::string& format, bool& help,
                          const std::string& command = "load");
// The same for a caller that has no use for --format and --help (a question's run).
LoadSpec loadSpecFromArgs(const std::vector<std::string>& args);

}  // namespace closelab::core
