#pragma once

#include <cstdint>

namespace closelab::core {

// Simulated time. One clock for the whole run; integer so a seed fully determines a run.
using SimTime = std::int64_t;  // microseconds

inline constexpr SimTime kUsPerMs = 1000;
inline constexpr SimTime kUsPerSec = 1000 * kUsPerMs;

constexpr SimTime msToUs(std::int64_t ms) {
    return ms * kUsPerMs;
}
constexpr SimTime secToUs(std::int64_t s) {
    return s * kUsPerSec;
}

// TCP_TIMEWAIT_LEN (include/net/tcp.h): 60*HZ, a compile-time constant, not a sysctl.
inline constexpr SimTime kTimeWaitLen = secToUs(60);

}  // namespace closelab::core
