#include "core/tcp_state.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace closelab::core {

namespace {

constexpr std::array<std::string_view, kStateCount> kNames = {
    "CLOSED",     "LISTEN",     "SYN_SENT", "SYN_RECV", "ESTABLISHED", "FIN_WAIT_1",
    "FIN_WAIT_2", "CLOSE_WAIT", "CLOSING",  "LAST_ACK", "TIME_WAIT",
};

struct Alias {
    std::string_view name;
    TcpState state;
};

// ss (iproute2 sock_state_print()) and netstat (net-tools tcp_state[]) spellings.
constexpr std::array<Alias, 12> kAliases = {{
    {"ESTAB", TcpState::Established},
    {"SYN-SENT", TcpState::SynSent},
    {"SYN-RECV", TcpState::SynRecv},
    {"FIN-WAIT-1", TcpState::FinWait1},
    {"FIN-WAIT-2", TcpState::FinWait2},
    {"FIN_WAIT1", TcpState::FinWait1},
    {"FIN_WAIT2", TcpState::FinWait2},
    {"TIME-WAIT", TcpState::TimeWait},
    {"CLOSE-WAIT", TcpState::CloseWait},
    {"LAST-ACK", TcpState::LastAck},
    {"CLOSE", TcpState::Closed},
    {"UNCONN", TcpState::Closed},
}};

}  // namespace

std::string_view stateName(TcpState state) {
    const auto i = static_cast<std::size_t>(state);
    return i < kNames.size() ? kNames[i] : std::string_view("?");
}

std::optional<TcpState> parseState(std::string_view name) {
    std::string upper(name);
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        if (kNames[i] == upper)
            return kAllStates[i];
    }
    for (const auto& a : kAliases) {
        if (a.name == upper)
            return a.state;
    }
    return std::nullopt;
}

bool isAllowedTransition(TcpState from, TcpState to) {
    using S = TcpState;
    if (from == to)
        return false;
    // Any socket can be destroyed: RST, abort, give-up, tcp_done().
    if (to == S::Closed)
        return true;
    switch (from) {
        case S::Closed:
            return to == S::Listen || to == S::SynSent || to == S::SynRecv;
        case S::Listen:
            return false;
        case S::SynSent:
            return to == S::Established || to == S::SynRecv;
        case S::SynRecv:
            return to == S::Established || to == S::FinWait1 || to == S::CloseWait;
        case S::Established:
            return to == S::FinWait1 || to == S::CloseWait;
        case S::FinWait1:
            return to == S::FinWait2 || to == S::Closing || to == S::TimeWait;
        case S::FinWait2:
            return to == S::TimeWait;
        case S::CloseWait:
            return to == S::LastAck;
        case S::Closing:
            return to == S::TimeWait;
        case S::LastAck:
            return false;
        case S::TimeWait:
            return false;
    }
    return false;
}

}  // namespace closelab::core
