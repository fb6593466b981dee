#pragma once

#include <cstdint>

#include "core/kernel_profile.h"
#include "core/sim_time.h"
#include "core/tcp/constants.h"

// PAWS (RFC 7323 5): include/net/tcp.h tcp_paws_check() and tcp_paws_reject().
namespace closelab::core::tcp {

// ktime_get_seconds() / get_seconds(): the kernel keeps ts_recent_stamp in whole seconds.
constexpr std::int64_t seconds(SimTime t) {
    return t / kUsPerSec;
}

// What a socket remembers of the peer's timestamps (rx_opt.ts_recent, ts_recent_stamp).
struct TsRecent {
    std::uint32_t tsRecent = 0;
    SimTime tsRecentStamp = 0;  // when tsRecent was recorded
};

// tcp_paws_check(): the timestamp is acceptable if at most `window` older than ts_recent, or
// ts_recent is too old to compare (TCP_PAWS_WRAP; 4.9: TCP_PAWS_24DAYS), or ts_recent is 0.
constexpr bool tcp_paws_check(const TsRecent& r, std::uint32_t tsval, std::int32_t window,
                              KernelProfile profile, SimTime now) {
    if (static_cast<std::int32_t>(r.tsRecent - tsval) <= window)
        return true;
    const std::int64_t wrap =
        profile == KernelProfile::Linux49 ? kTcpPaws24DaysSec : kTcpPawsWrapSec;
    if (seconds(now) >= seconds(r.tsRecentStamp) + wrap)
        return true;
    return r.tsRecent == 0;
}

// tcp_paws_reject(): window 0; an RST is accepted once ts_recent is TCP_PAWS_MSL old.
constexpr bool tcp_paws_reject(const TsRecent& r, std::uint32_t tsval, bool rst,
                               KernelProfile profile, SimTime now) {
    if (tcp_paws_check(r, tsval, 0, profile, now))
        return false;
    return !(rst && seconds(now) >= seconds(r.tsRecentStamp) + kTcpPawsMslSec);
}

}  // namespace closelab::core::tcp
