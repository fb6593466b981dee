#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace closelab::core {

// RFC 9293 states as Linux reports them (include/net/tcp_states.h), in the order of the
// closelab state names. NEW_SYN_RECV and BOUND_INACTIVE are kernel-internal and not modelled.
enum class TcpState : std::uint8_t {
    Closed,
    Listen,
    SynSent,
    SynRecv,
    Established,
    FinWait1,
    FinWait2,
    CloseWait,
    Closing,
    LastAck,
    TimeWait,
};

inline constexpr std::size_t kStateCount = 11;

inline constexpr std::array<TcpState, kStateCount> kAllStates = {
    TcpState::Closed,      TcpState::Listen,   TcpState::SynSent,  TcpState::SynRecv,
    TcpState::Established, TcpState::FinWait1, TcpState::FinWait2, TcpState::CloseWait,
    TcpState::Closing,     TcpState::LastAck,  TcpState::TimeWait,
};

// "CLOSED" "LISTEN" "SYN_SENT" "SYN_RECV" "ESTABLISHED" "FIN_WAIT_1" "FIN_WAIT_2" "CLOSE_WAIT"
// "CLOSING" "LAST_ACK" "TIME_WAIT" — the names used in every output of closelab.
std::string_view stateName(TcpState state);

// Inverse of stateName(); also accepts the ss spellings ("ESTAB", "FIN-WAIT-1", "TIME-WAIT", ...)
// and netstat's ("FIN_WAIT1", "CLOSE"). Case-insensitive. nullopt for anything else.
std::optional<TcpState> parseState(std::string_view name);

// Whether Linux can move a socket from `from` to `to` (RFC 9293 diagram plus Linux's shortcuts:
// RST/abort from any synchronized state to CLOSED, tcp_close_state() from SYN_SENT to CLOSED, the
// TIME_WAIT takeover of tcp_timewait_state_process()). Used by the property tests and the kernel
// lab.
bool isAllowedTransition(TcpState from, TcpState to);

constexpr std::size_t stateIndex(TcpState state) {
    return static_cast<std::size_t>(state);
}

}  // namespace closelab::core
