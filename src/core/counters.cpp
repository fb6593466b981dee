#include "core/counters.h"

namespace closelab::core {

namespace {

struct MibInfo {
    std::string_view name;
    std::string_view group;
};

constexpr std::array<MibInfo, kMibCount> kMibs = {{
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

}  // namespace

std::string_view mibName(Mib mib) {
    const auto i = static_cast<std::size_t>(mib);
    return i < kMibs.size() ? kMibs[i].name : std::string_view("?");
}

std::string_view mibGroup(Mib mib) {
    const auto i = static_cast<std::size_t>(mib);
    return i < kMibs.size() ? kMibs[i].group : std::string_view("?");
}

std::optional<Mib> parseMib(std::string_view name) {
    for (std::size_t i = 0; i < kMibs.size(); ++i) {
        if (kMibs[i].name == name)
            return static_cast<Mib>(i);
    }
    return std::nullopt;
}

}  // namespace closelab::core
