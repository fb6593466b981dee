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

}  // namespace closelab::core
