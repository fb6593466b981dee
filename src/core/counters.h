#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace closelab::core {

// SNMP/MIB counters with the kernel's names (/proc/net/snmp "Tcp:", /proc/net/netstat "TcpExt:"),
// so users can compare with `nstat`. Append-only.
enum class Mib : std::uint8_t {
    ActiveOpens,          // Tcp
    PassiveOpens,         // Tcp
    AttemptFails,         // Tcp
    EstabResets,          // Tcp
    InSegs,               // Tcp
    OutSegs,              // Tcp
    RetransSegs,          // Tcp
    OutRsts,              // Tcp
    TW,                   // TcpExt: TIME_WAITs that ended by their timer (6.x: counted at schedule)
    TWRecycled,           // TcpExt: TIME_WAIT taken over by connect() (tcp_twsk_unique())
    TWKilled,             // TcpExt: short-lived timewait sockets (FIN_WAIT_2 substate, recycle)
    PAWSPassiveRejected,  // TcpExt PAWSPassive (linux-4.9 tcp_tw_recycle SYN drop)
    PAWSEstab,            // TcpExt
    PAWSTimewait,         // TcpExt (6.18: LINUX_MIB_PAWS_TW_REJECTED)
    TCPTimeWaitOverflow,  // TcpExt: tcp_max_tw_buckets reached
    TCPAbortOnData,       // TcpExt: SO_LINGER {1,0} close (sic)
    TCPAbortOnClose,      // TcpExt: close() with unread data
    TCPAbortOnLinger,     // TcpExt: TCP_LINGER2 < 0
    TCPAbortOnTimeout,    // TcpExt: retransmission give-up
    TCPLossProbes,        // TcpExt
    TCPTimeouts,          // TcpExt: RTO expiries
    TCPSynRetrans,        // TcpExt
    DelayedACKs,          // TcpExt
    TCPACKSkippedTimeWait,  // TcpExt: rate-limited TIME_WAIT ACKs
    TCPChallengeACK,        // TcpExt
    ListenDrops,            // TcpExt
    Count
};

inline constexpr std::size_t kMibCount = static_cast<std::size_t>(Mib::Count);

// "TCPTimeWaitOverflow", "OutRsts", ... (without the Tcp/TcpExt prefix).
std::string_view mibName(Mib mib);
// "Tcp" or "TcpExt": nstat prints prefix + name, e.g. "TcpExtTCPTimeWaitOverflow".
std::string_view mibGroup(Mib mib);
std::optional<Mib> parseMib(std::string_view name);

// One host's counters. Fixed array: no allocation, no strings on the hot path.
class Counters {
public:
    void add(Mib mib, std::uint64_t n = 1) { m_values[static_cast<std::size_t>(mib)] += n; }
    std::uint64_t get(Mib mib) const { return m_values[static_cast<std::size_t>(mib)]; }
    const std::array<std::uint64_t, kMibCount>& values() const { return m_values; }
    void reset() { m_values.fill(0); }

private:
    std::array<std::uint64_t, kMibCount> m_values{};
};

}  // namespace closelab::core
