#pragma once

#include <array>
#include <cstdint>
#include <string_view>

// The SNMP/MIB counters with the kernel's names (/proc/net/snmp "Tcp:", /proc/net/netstat
// "TcpExt:"), the one name table for the scenario engine, the load model and every output.
namespace closelab::core::tcp {

// Append-only: the order is the recordings' and the load model's.
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

struct MibInfo {
    std::string_view name;   // as nstat prints it after the group: "TCPTimeWaitOverflow"
    std::string_view group;  // "Tcp" or "TcpExt"
};

inline constexpr std::array<MibInfo, kMibCount> kMibTable = {{
    {"ActiveOpens", "Tcp"},
    {"PassiveOpens", "Tcp"},
    {"AttemptFails", "Tcp"},
    {"EstabResets", "Tcp"},
    {"InSegs", "Tcp"},
    {"OutSegs", "Tcp"},
    {"RetransSegs", "Tcp"},
    {"OutRsts", "Tcp"},
    {"TW", "TcpExt"},
    {"TWRecycled", "TcpExt"},
    {"TWKilled", "TcpExt"},
    {"PAWSPassiveRejected", "TcpExt"},
    {"PAWSEstab", "TcpExt"},
    {"PAWSTimewait", "TcpExt"},
    {"TCPTimeWaitOverflow", "TcpExt"},
    {"TCPAbortOnData", "TcpExt"},
    {"TCPAbortOnClose", "TcpExt"},
    {"TCPAbortOnLinger", "TcpExt"},
    {"TCPAbortOnTimeout", "TcpExt"},
    {"TCPLossProbes", "TcpExt"},
    {"TCPTimeouts", "TcpExt"},
    {"TCPSynRetrans", "TcpExt"},
    {"DelayedACKs", "TcpExt"},
    {"TCPACKSkippedTimeWait", "TcpExt"},
    {"TCPChallengeACK", "TcpExt"},
    {"ListenDrops", "TcpExt"},
}};

}  // namespace closelab::core::tcp
