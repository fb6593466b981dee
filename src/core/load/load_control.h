#pragma once

#include <cstdint>
#include <exception>
#include <functional>
#include <stop_token>

namespace closelab::core {

// How a caller watches and stops a long run. The event loop looks at it every
// kLoadPollEvents events (a counter, not a clock), which at the engine's speed is well under
// a millisecond of wall time, so a stop request ends the run within the 100 ms a user notices.
struct LoadControl {
    std::stop_token stop;  // a stop request ends the run with LoadCancelled
    // Simulated time done and the run's total, in microseconds; called on the running thread
    // at every poll (callers that print or paint throttle it themselves).
    std::function<void(std::int64_t doneUs, std::int64_t totalUs)> progress;
};

inline constexpr std::uint32_t kLoadPollEvents = 4096;

// Thrown by runLoad() and runSweep() when the caller asked them to stop; no partial result.
class LoadCancelled : public std::exception {
public:
    const char* what() const noexcept override { return "cancelled"; }
};

}  // namespace closelab::core
