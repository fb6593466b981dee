#pragma once

#include <array>
#include <cstdint>

namespace closelab::capture {

// One TCP segment as the capture shows it. Addresses are 16 bytes (IPv4 in the first 4).
struct TcpPacket {
    std::int64_t tUs = 0;
    std::uint8_t family = 4;  // 4 or 6
    std::array<std::uint8_t, 16> src{};
    std::array<std::uint8_t, 16> dst{};
    std::uint16_t sport = 0;
    std::uint16_t dport = 0;
    std::uint32_t seq = 0;
    std::uint32_t ack = 0;
    std::uint8_t flags = 0;  // FIN SYN RST PSH ACK URG ECE CWR as in the header
    std::uint16_t win = 0;
    std::uint32_t len = 0;  // payload length from the IP header (snaplen does not shorten it)
    bool hasTs = false;
    std::uint32_t tsval = 0;
    std::uint32_t tsecr = 0;
};

enum class Decoded : std::uint8_t {
    Tcp,        // `out` holds the segment
    NotTcp,     // another protocol, a non-first fragment, ARP, ...
    Truncated,  // the snaplen cut the packet before the end of the TCP header
};

// libpcap link types (DLT_*) this decoder reads: Ethernet, Linux cooked v1/v2, raw IP (v4, v6),
// BSD loopback (host and network byte order).
bool linkTypeSupported(int dlt);

// Decodes link layer (with 802.1Q / QinQ tags), IPv4 or IPv6 (extension headers skipped) and
// the TCP header. Never reads past data + caplen.
Decoded decodePacket(int dlt, const std::uint8_t* data, std::uint32_t caplen, TcpPacket& out);

}  // namespace closelab::capture
