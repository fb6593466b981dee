#pragma once

#include <cstddef>
#include <string>

#include "cli/commands.h"
#include "core/load/load_spec.h"

namespace closelab::cli {

// The value after option args[i] (advancing i), or UsageError when it is missing.
const std::string& needValue(const Args& args, std::size_t& i);

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

// Parses args[i] if it is one of the workload and output flags both commands share (moving i
// past its value) and returns true; false for any other argument. Bad values throw UsageError.
bool parseSharedLoadFlag(const Args& args, std::size_t& i, const LoadFlagLimits& limits,
                         core::LoadSpec& spec, std::string& format, bool& help);

// Every `closelab-cli load` flag (cmd_load.cpp); `command` names the command in the error for
// an unknown option.
core::LoadSpec parseLoadArgs(const Args& args, std::string& format, bool& help,
                             const char* command = "load");

}  // namespace closelab::cli
