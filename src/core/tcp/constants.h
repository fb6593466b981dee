#pragma once

#include <cstdint>

#include "core/sim_time.h"

// The kernel's TCP constants (include/net/tcp.h, inet_timewait_sock.c), defined once for the
// scenario engine and the load model. Times are SimTime (µs).
namespace closelab::core::tcp {

inline constexpr SimTime kTcpTimewaitLen = secToUs(60);     // TCP_TIMEWAIT_LEN (60*HZ)
inline constexpr SimTime kTcpFinTimeout = kTcpTimewaitLen;  // TCP_FIN_TIMEOUT
inline constexpr SimTime kTcpFinTimeoutMax = secToUs(120);  // TCP_FIN_TIMEOUT_MAX (TCP_LINGER2)
inline constexpr SimTime kTcpRtoMin = msToUs(200);          // TCP_RTO_MIN (HZ/5)
inline constexpr SimTime kTcpRtoMax = secToUs(120);         // TCP_RTO_MAX
inline constexpr SimTime kTcpTimeoutInit = secToUs(1);      // TCP_TIMEOUT_INIT (RFC 6298 2.1)
inline constexpr SimTime kTcpTimeoutFallback = secToUs(3);  // TCP_TIMEOUT_FALLBACK
inline constexpr SimTime kTcpDelackMin = msToUs(40);        // TCP_DELACK_MIN (HZ/25)
inline constexpr SimTime kTcpAtoMin = msToUs(40);           // TCP_ATO_MIN (HZ/25)
inline constexpr std::uint8_t kTcpMaxQuickacks = 16;        // TCP_MAX_QUICKACKS
inline constexpr std::int64_t kTcpPawsMslSec = 60;          // TCP_PAWS_MSL (seconds)
inline constexpr std::int64_t kTcpPawsWrapSec = 2147;  // TCP_PAWS_WRAP (INT_MAX / USEC_PER_SEC)
inline constexpr std::int64_t kTcpPaws24DaysSec = 60 * 60 * 24 * 24;  // TCP_PAWS_24DAYS (4.9)
inline constexpr std::int32_t kTcpPawsWindow = 1;                     // TCP_PAWS_WINDOW
inline constexpr SimTime kTwKillThreshold = secToUs(4);  // __inet_twsk_schedule(): timeo <= 4*HZ
inline constexpr int kTcpSynackRetries = 5;              // net.ipv4.tcp_synack_retries default
inline constexpr std::uint32_t kTwIsnGap = 65535 + 2;    // tw_snd_nxt + 65535 + 2: a new ISN

}  // namespace closelab::core::tcp
