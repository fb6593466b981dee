#pragma once

#include <cstdint>

#include "core/kernel_profile.h"
#include "core/sim_time.h"
#include "core/tcp/paws.h"
#include "core/tcp_state.h"

// connect() taking over a TIME_WAIT of its 4-tuple: net/ipv4/tcp_ipv4.c tcp_twsk_unique().
namespace closelab::core::tcp {

struct TwReuseSock {
    TcpState substate = TcpState::TimeWait;  // tw_substate
    bool tsSeen = false;                     // tw_ts_recent_stamp != 0
    SimTime entryStamp = 0;                  // tw_entry_stamp (when TIME_WAIT began)
    SimTime tsRecentStamp = 0;               // tw_ts_recent_stamp
};

struct TwReuseRules {
    KernelProfile profile = KernelProfile::Linux6;
    std::uint8_t twReuse = 2;           // net.ipv4.tcp_tw_reuse
    std::uint32_t reuseDelayMs = 1000;  // net.ipv4.tcp_tw_reuse_delay (6.14+)
    bool loopback = false;              // source or destination in 127/8
};

enum class TwReuse : std::uint8_t {
    Reuse,         // take it over: ISN tw_snd_nxt + 65537, TWRecycled
    NoTimestamps,  // tw_ts_recent_stamp == 0
    Off,           // tcp_tw_reuse 0 (or 2 off loopback, or a FIN_WAIT2 mini-socket)
    TooYoung,      // not yet tcp_tw_reuse_delay (4.9: timestamp seconds) old
};

// The part of tcp_twsk_unique() that does not depend on the time: the effective reuse value.
constexpr int tcp_twsk_reuse(const TwReuseSock& tw, const TwReuseRules& r) {
    int reuse = r.twReuse;
    // 6.x: never a FIN_WAIT2 mini-socket (the check is absent from 4.9-4.11), 2 = loopback only.
    if (r.profile != KernelProfile::Linux49) {
        if (tw.substate == TcpState::FinWait2)
            reuse = 0;
        if (reuse == 2 && !r.loopback)
            reuse = 0;
    }
    return reuse;
}

// The first time at which the age test of tcp_twsk_unique() passes.
//  6.14+: time_after32(tcp_clock_ms(), tw_entry_stamp + tcp_tw_reuse_delay), strictly after, in ms.
//  4.9:   get_seconds() - tw_ts_recent_stamp > 1.
constexpr SimTime tcp_twsk_reuse_ready(const TwReuseSock& tw, const TwReuseRules& r) {
    if (r.profile == KernelProfile::Linux49)
        return (seconds(tw.tsRecentStamp) + 2) * kUsPerSec;
    return (tw.entryStamp / kUsPerMs + r.reuseDelayMs + 1) * kUsPerMs;
}

// tcp_twsk_unique(). `boundPort`: the socket was bound before connect() (twp == NULL), which
// takes over any TIME_WAIT that saw timestamps, whatever tcp_tw_reuse and its delay say.
constexpr TwReuse tcp_twsk_unique(const TwReuseSock& tw, const TwReuseRules& r, bool boundPort,
                                  SimTime now) {
    if (!tw.tsSeen)
        return TwReuse::NoTimestamps;
    if (boundPort)
        return TwReuse::Reuse;
    if (tcp_twsk_reuse(tw, r) == 0)
        return TwReuse::Off;
    return now >= tcp_twsk_reuse_ready(tw, r) ? TwReuse::Reuse : TwReuse::TooYoung;
}

}  // namespace closelab::core::tcp
