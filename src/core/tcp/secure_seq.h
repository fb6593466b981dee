#pragma once

#include <cstdint>

#include "core/kernel_profile.h"
#include "core/sim_time.h"

// ISNs and timestamp offsets: net/core/secure_seq.c. The keyed hash of the 4-tuple is the
// caller's (each engine keys its own tuples); the clock and the offset rules are these.
namespace closelab::core::tcp {

// secure_tcp_seq(): the keyed hash plus a clock ticking every 64 ns.
constexpr std::uint32_t secure_tcp_seq(std::uint64_t keyedHash, SimTime now) {
    return static_cast<std::uint32_t>(keyedHash + (static_cast<std::uint64_t>(now) * 1000 >> 6));
}

// secure_tcp_ts_off(): a per-4-tuple offset with tcp_timestamps=1 on 4.10 and later, none with 2;
// linux-4.9 has no offsets (one timestamp clock per host).
constexpr bool secure_tcp_ts_off_applies(KernelProfile profile, int tcpTimestamps) {
    return profile != KernelProfile::Linux49 && tcpTimestamps == 1;
}

// tcp_time_stamp_ms(): the 1 ms timestamp clock of a host whose clock started at `base`.
constexpr std::uint32_t tcp_time_stamp_ms(std::uint32_t base, SimTime now) {
    return base + static_cast<std::uint32_t>(now / kUsPerMs);
}

}  // namespace closelab::core::tcp
