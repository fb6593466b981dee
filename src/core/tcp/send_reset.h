#pragma once

#include <cstdint>

#include "core/tcp/segment_flags.h"

// The RST that answers a segment no socket takes: net/ipv4/tcp_ipv4.c tcp_v4_send_reset().
namespace closelab::core::tcp {

struct ResetReply {
    bool send = false;  // never an RST in answer to an RST
    std::uint8_t flags = 0;
    std::uint32_t seq = 0;
    std::uint32_t ack = 0;
};

// With ACK set: seq = SEG.ACK, no ACK; else seq 0 and ACK of everything the segment occupied
// (RFC 793 p. 36, as tcp_v4_send_reset() builds it).
constexpr ResetReply tcp_v4_send_reset(std::uint8_t flags, std::uint32_t seq, std::uint32_t len,
                                       std::uint32_t ack) {
    if ((flags & kRst) != 0)
        return {};
    if ((flags & kAck) != 0)
        return {true, kRst, ack, 0};
    return {true, static_cast<std::uint8_t>(kRst | kAck), 0, seq + seqSpace(flags, len)};
}

}  // namespace closelab::core::tcp
