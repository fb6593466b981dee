#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace closelab::kernel {

// Kernel state numbers, include/net/tcp_states.h (TCP_ESTABLISHED = 1 ... TCP_CLOSING = 11).
enum class TcpState : int {
    Established = 1,
    SynSent = 2,
    SynRecv = 3,
    FinWait1 = 4,
    FinWait2 = 5,
    TimeWait = 6,
    Closed = 7,
    CloseWait = 8,
    LastAck = 9,
    Listen = 10,
    Closing = 11,
};

// The closelab state names used in every JSON output (same as `closelab-cli run`).
inline constexpr std::array<std::string_view, 11> kStateNames = {
    "ESTABLISHED", "SYN_SENT",   "SYN_RECV", "FIN_WAIT_1", "FIN_WAIT_2", "TIME_WAIT",
    "CLOSED",      "CLOSE_WAIT", "LAST_ACK", "LISTEN",     "CLOSING"};

// Name of a kernel state number, or nullopt for numbers outside 1..11
// (NEW_SYN_RECV = 12 and BOUND_INACTIVE = 13 are kernel-internal).
std::optional<std::string_view> stateName(int kernelState);

// Reads a state as ss prints it (ESTAB, FIN-WAIT-1, UNCONN), as netstat prints it
// (FIN_WAIT1, CLOSE) or in closelab's own spelling (FIN_WAIT_1, CLOSED). Case-sensitive,
// as both tools print upper case.
std::optional<TcpState> parseStateText(std::string_view text);

}  // namespace closelab::kernel
