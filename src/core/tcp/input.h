#pragma once

#include <cstdint>

#include "core/tcp/segment_flags.h"

// Checks of an arriving segment in a synchronized state: net/ipv4/tcp_input.c
// tcp_validate_incoming() and tcp_sequence().
namespace closelab::core::tcp {

// tcp_sequence(): the segment ends at or after rcv_nxt and starts inside the receive window.
constexpr bool tcp_sequence(std::uint32_t seq, std::uint32_t endSeq, std::uint32_t rcvNxt,
                            std::uint32_t rcvWnd) {
    return !before(endSeq, rcvNxt) && !after(seq, rcvNxt + rcvWnd);
}

enum class RstCheck : std::uint8_t {
    Reset,         // tcp_reset(): the connection is reset
    ChallengeAck,  // in the window but not at rcv_nxt: tcp_send_challenge_ack() (RFC 5961 3.2)
    Drop,          // out of the window: dropped
};

// tcp_validate_incoming() for an RST (RFC 5961 3.2): only an RST exactly at rcv_nxt resets.
constexpr RstCheck tcp_validate_rst(std::uint32_t seq, std::uint32_t rcvNxt, std::uint32_t rcvWnd) {
    if (!tcp_sequence(seq, seq, rcvNxt, rcvWnd))
        return RstCheck::Drop;
    return seq == rcvNxt ? RstCheck::Reset : RstCheck::ChallengeAck;
}

}  // namespace closelab::core::tcp
