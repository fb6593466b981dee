#pragma once

#include <cstdint>

// TCP header flags with the values of the header's flag byte (include/net/tcp.h TCPHDR_*): the
// one flag type of the scenario engine, its recordings and the load model.
namespace closelab::core::tcp {

enum SegmentFlag : std::uint8_t {
    kFin = 0x01,  // TCPHDR_FIN
    kSyn = 0x02,  // TCPHDR_SYN
    kRst = 0x04,  // TCPHDR_RST
    kPsh = 0x08,  // TCPHDR_PSH
    kAck = 0x10,  // TCPHDR_ACK
};

// Sequence space a segment occupies: payload plus one for SYN and one for FIN
// (TCP_SKB_CB(skb)->end_seq - seq).
constexpr std::uint32_t seqSpace(std::uint8_t flags, std::uint32_t len) {
    return len + ((flags & kSyn) != 0 ? 1 : 0) + ((flags & kFin) != 0 ? 1 : 0);
}

// before() / after() of include/net/tcp.h: sequence numbers compared modulo 2^32.
constexpr bool before(std::uint32_t a, std::uint32_t b) {
    return static_cast<std::int32_t>(a - b) < 0;
}
constexpr bool after(std::uint32_t a, std::uint32_t b) {
    return before(b, a);
}

}  // namespace closelab::core::tcp
