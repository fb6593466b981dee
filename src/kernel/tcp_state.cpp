#include "kernel/tcp_state.h"

#include <utility>

namespace closelab::kernel {

std::optional<std::string_view> stateName(int kernelState) {
    if (kernelState < 1 || kernelState > static_cast<int>(kStateNames.size())) {
        return std::nullopt;
    }
    return kStateNames[static_cast<std::size_t>(kernelState - 1)];
}

std::optional<TcpState> parseStateText(std::string_view text) {
    // ss: sock_state_print() in iproute2 misc/ss.c; netstat: tcp_state[] in net-tools netstat.c.
    static constexpr std::pair<std::string_view, TcpState> kSpellings[] = {
        {"ESTAB", TcpState::Established},    {"ESTABLISHED", TcpState::Established},
        {"SYN-SENT", TcpState::SynSent},     {"SYN_SENT", TcpState::SynSent},
        {"SYN-RECV", TcpState::SynRecv},     {"SYN_RECV", TcpState::SynRecv},
        {"FIN-WAIT-1", TcpState::FinWait1},  {"FIN_WAIT1", TcpState::FinWait1},
        {"FIN_WAIT_1", TcpState::FinWait1},  {"FIN-WAIT-2", TcpState::FinWait2},
        {"FIN_WAIT2", TcpState::FinWait2},   {"FIN_WAIT_2", TcpState::FinWait2},
        {"TIME-WAIT", TcpState::TimeWait},   {"TIME_WAIT", TcpState::TimeWait},
        {"UNCONN", TcpState::Closed},        {"CLOSE", TcpState::Closed},
        {"CLOSED", TcpState::Closed},        {"CLOSE-WAIT", TcpState::CloseWait},
        {"CLOSE_WAIT", TcpState::CloseWait}, {"LAST-ACK", TcpState::LastAck},
        {"LAST_ACK", TcpState::LastAck},     {"LISTEN", TcpState::Listen},
        {"CLOSING", TcpState::Closing},
    };
    for (const auto& [spelling, state] : kSpellings) {
        if (spelling == text) {
            return state;
        }
    }
    return std::nullopt;
}

}  // namespace closelab::kernel
