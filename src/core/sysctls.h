#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "core/kernel_profile.h"
#include "core/options.h"
#include "core/sim_time.h"

namespace closelab::core {

// The per-host (per network namespace) sysctls that matter for closing connections, with the
// kernel's names and the chosen profile's defaults. Plain data: the hot path reads fields.
struct Sysctls {
    KernelProfile profile = KernelProfile::Linux6;
    std::uint8_t tcpTwReuse = 2;                // net.ipv4.tcp_tw_reuse (0, 1, 2 = loopback only)
    std::uint32_t tcpTwReuseDelayMs = 1000;     // net.ipv4.tcp_tw_reuse_delay (6.14+); 0 = absent
    std::uint8_t tcpTimestamps = 1;             // net.ipv4.tcp_timestamps (0, 1, 2)
    std::int32_t tcpFinTimeoutSec = 60;         // net.ipv4.tcp_fin_timeout (orphan FIN_WAIT_2 only)
    std::int64_t tcpMaxTwBuckets = 131072;      // net.ipv4.tcp_max_tw_buckets
    bool tcpRfc1337 = false;                    // net.ipv4.tcp_rfc1337 (0 = RST kills TIME_WAIT)
    std::uint8_t tcpOrphanRetries = 0;          // net.ipv4.tcp_orphan_retries (0 means 8)
    std::uint8_t tcpRetries2 = 15;              // net.ipv4.tcp_retries2
    std::uint8_t tcpSynRetries = 6;             // net.ipv4.tcp_syn_retries
    bool tcpTwRecycle = false;                  // net.ipv4.tcp_tw_recycle (linux-4.9 only)
    std::uint32_t tcpInvalidRatelimitMs = 500;  // net.ipv4.tcp_invalid_ratelimit
    std::uint16_t localPortLow = 32768;         // net.ipv4.ip_local_port_range
    std::uint16_t localPortHigh = 60999;
    std::vector<std::pair<std::uint16_t, std::uint16_t>> reservedPorts;  // ip_local_reserved_ports
    // closelab.msl_ms: only the rfc793 profile (TIME_WAIT = 2*MSL).
    std::int64_t mslMs = 30000;
    // closelab.time_wait_len_ms: what-if length of TIME_WAIT; -1 = the profile's own rule.
    std::int64_t timeWaitLenMs = -1;

    static Sysctls defaults(KernelProfile profile);

    // Applies one validated sysctl or closelab.* option (socket options are ignored here).
    void apply(std::string_view name, const OptionValue& value);

    // TIME_WAIT length of this host: TCP_TIMEWAIT_LEN (60 s), 2*MSL on rfc793, or the what-if.
    SimTime timeWaitLen() const;
    // tcp_orphan_retries(): 0 means 8 while the socket is alive.
    int orphanRetries() const { return tcpOrphanRetries == 0 ? 8 : tcpOrphanRetries; }
    bool isReservedPort(std::uint16_t port) const;
};

// Socket options a host's application sets on the sockets it creates (setsockopt before
// bind/connect/listen). Accepted sockets inherit the listener's (sk_clone_lock()).
struct SocketOptions {
    bool lingerOn = false;        // SO_LINGER l_onoff
    std::int32_t lingerSec = 0;   // SO_LINGER l_linger
    bool reuseAddr = false;       // SO_REUSEADDR
    bool reusePort = false;       // SO_REUSEPORT
    std::int32_t linger2Sec = 0;  // TCP_LINGER2: 0 = use tcp_fin_timeout, -1 = abort, max 120

    void apply(std::string_view name, const OptionValue& value);
};

}  // namespace closelab::core
