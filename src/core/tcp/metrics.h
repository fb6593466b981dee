#pragma once

#include <cstdint>

#include "core/sim_time.h"
#include "core/tcp/constants.h"
#include "core/tcp/paws.h"

// linux-4.9 tcp_tw_recycle: the per-peer timestamp cache of net/ipv4/tcp_metrics.c.
namespace closelab::core::tcp {

struct PeerTimestamp {
    bool exists = false;
    std::uint32_t ts = 0;  // tcpm_ts
    SimTime stamp = 0;     // tcpm_ts_stamp
};

// tcp_remember_stamp(): on entering TIME_WAIT, store ts_recent and its stamp if it is newer
// than the cached one, or the cached one is over TCP_PAWS_MSL old and not newer. true = store.
constexpr bool tcp_remember_stamp(const PeerTimestamp& p, std::uint32_t tsRecent,
                                  SimTime tsRecentStamp, SimTime now) {
    if (!p.exists)
        return true;
    return static_cast<std::int32_t>(p.ts - tsRecent) <= 0 ||
           (seconds(now) - seconds(p.stamp) > kTcpPawsMslSec && p.stamp <= tsRecentStamp);
}

// tcp_peer_is_proven(paws_check = true), called by tcp_conn_request() for a SYN that did not come
// through a TIME_WAIT: false (drop silently, PAWSPassive) when the peer's cached timestamp is
// under TCP_PAWS_MSL old and the SYN's is older by more than TCP_PAWS_WINDOW, or missing.
constexpr bool tcp_peer_is_proven(const PeerTimestamp& p, bool synHasTs, std::uint32_t synTsval,
                                  SimTime now) {
    if (!p.exists || seconds(now) - seconds(p.stamp) >= kTcpPawsMslSec)
        return true;
    return synHasTs && static_cast<std::int32_t>(p.ts - synTsval) <= kTcpPawsWindow;
}

}  // namespace closelab::core::tcp
