#include "capture/packet_decode.h"

#include <cstring>

#include <pcap/dlt.h>

namespace closelab::capture {

namespace {

constexpr int kDltLinuxSll2 = 276;  // DLT_LINUX_SLL2 (older headers lack it)
constexpr int kDltIpv4 = 228;
constexpr int kDltIpv6 = 229;

std::uint16_t be16(const std::uint8_t* p) {
    return static_cast<std::uint16_t>((p[0] << 8) | p[1]);
}
std::uint32_t be32(const std::uint8_t* p) {
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
           p[3];
}

Decoded decodeTcp(const std::uint8_t* p, std::uint32_t avail, std::uint32_t segLen,
                  TcpPacket& out) {
    if (avail < 20 || segLen < 20)
        return Decoded::Truncated;
    const std::uint32_t hlen = static_cast<std::uint32_t>(p[12] >> 4) * 4;
    if (hlen < 20 || hlen > segLen)
        return Decoded::NotTcp;  // a malformed header: nothing to learn from it
    out.sport = be16(p);
    out.dport = be16(p + 2);
    out.seq = be32(p + 4);
    out.ack = be32(p + 8);
    out.flags = p[13];
    out.win = be16(p + 14);
    out.len = segLen - hlen;
    out.hasTs = false;
    // Options, as far as the snaplen kept them.
    const std::uint32_t optEnd = hlen < avail ? hlen : avail;
    std::uint32_t i = 20;
    while (i < optEnd) {
        const std::uint8_t kind = p[i];
        if (kind == 0)
            break;
        if (kind == 1) {
            ++i;
            continue;
        }
        if (i + 1 >= optEnd)
            break;
        const std::uint8_t olen = p[i + 1];
        if (olen < 2 || i + olen > optEnd)
            break;
        if (kind == 8 && olen == 10) {
            out.hasTs = true;
            out.tsval = be32(p + i + 2);
            out.tsecr = be32(p + i + 6);
        }
        i += olen;
    }
    return Decoded::Tcp;
}

Decoded decodeIpv4(const std::uint8_t* p, std::uint32_t avail, TcpPacket& out) {
    if (avail < 20)
        return Decoded::Truncated;
    if ((p[0] >> 4) != 4)
        return Decoded::NotTcp;
    const std::uint32_t ihl = static_cast<std::uint32_t>(p[0] & 0x0f) * 4;
    const std::uint32_t total = be16(p + 2);
    if (ihl < 20 || total < ihl)
        return Decoded::NotTcp;
    if (p[9] != 6)
        return Decoded::NotTcp;
    if ((be16(p + 6) & 0x1fff) != 0)
        return Decoded::NotTcp;  // a later fragment: no TCP header in it
    if (avail < ihl)
        return Decoded::Truncated;
    out.family = 4;
    out.src.fill(0);
    out.dst.fill(0);
    std::memcpy(out.src.data(), p + 12, 4);
    std::memcpy(out.dst.data(), p + 16, 4);
    return decodeTcp(p + ihl, avail - ihl, total - ihl, out);
}

Decoded decodeIpv6(const std::uint8_t* p, std::uint32_t avail, TcpPacket& out) {
    if (avail < 40)
        return Decoded::Truncated;
    if ((p[0] >> 4) != 6)
        return Decoded::NotTcp;
    std::uint32_t payload = be16(p + 4);
    std::uint8_t next = p[6];
    out.family = 6;
    std::memcpy(out.src.data(), p + 8, 16);
    std::memcpy(out.dst.data(), p + 24, 16);
    std::uint32_t off = 40;
    // Extension headers: hop-by-hop, routing, destination options, fragment, AH, mobility.
    for (int hops = 0; hops < 16; ++hops) {
        if (next == 6)
            return off <= avail ? decodeTcp(p + off, avail - off, payload, out)
                                : Decoded::Truncated;
        std::uint32_t extLen = 0;
        if (next == 0 || next == 43 || next == 60 || next == 135) {
            if (off + 2 > avail)
                return Decoded::Truncated;
            extLen = (static_cast<std::uint32_t>(p[off + 1]) + 1) * 8;
        } else if (next == 44) {
            if (off + 8 > avail)
                return Decoded::Truncated;
            if ((be16(p + off + 2) & 0xfff8) != 0)
                return Decoded::NotTcp;  // a later fragment
            extLen = 8;
        } else if (next == 51) {
            if (off + 2 > avail)
                return Decoded::Truncated;
            extLen = (static_cast<std::uint32_t>(p[off + 1]) + 2) * 4;
        } else {
            return Decoded::NotTcp;  // 59 (no next header), ICMPv6, UDP, ESP, ...
        }
        if (extLen > payload)
            return Decoded::NotTcp;
        next = p[off];
        off += extLen;
        payload -= extLen;
    }
    return Decoded::NotTcp;
}

Decoded decodeIp(const std::uint8_t* p, std::uint32_t avail, TcpPacket& out) {
    if (avail < 1)
        return Decoded::Truncated;
    switch (p[0] >> 4) {
        case 4:
            return decodeIpv4(p, avail, out);
        case 6:
            return decodeIpv6(p, avail, out);
        default:
            return Decoded::NotTcp;
    }
}

Decoded decodeEtherType(std::uint16_t type, const std::uint8_t* p, std::uint32_t avail,
                        TcpPacket& out) {
    // 802.1Q, 802.1ad (QinQ) and the old 0x9100 tags, any depth the packet has.
    for (int tags = 0; tags < 8 && (type == 0x8100 || type == 0x88a8 || type == 0x9100); ++tags) {
        if (avail < 4)
            return Decoded::Truncated;
        type = be16(p + 2);
        p += 4;
        avail -= 4;
    }
    if (type == 0x0800)
        return decodeIpv4(p, avail, out);
    if (type == 0x86dd)
        return decodeIpv6(p, avail, out);
    return Decoded::NotTcp;
}

}  // namespace

bool linkTypeSupported(int dlt) {
    switch (dlt) {
        case DLT_EN10MB:
        case DLT_LINUX_SLL:
        case kDltLinuxSll2:
        case DLT_RAW:
        case kDltIpv4:
        case kDltIpv6:
        case DLT_NULL:
        case DLT_LOOP:
            return true;
        default:
            return false;
    }
}

Decoded decodePacket(int dlt, const std::uint8_t* data, std::uint32_t caplen, TcpPacket& out) {
    switch (dlt) {
        case DLT_EN10MB:
            if (caplen < 14)
                return Decoded::Truncated;
            return decodeEtherType(be16(data + 12), data + 14, caplen - 14, out);
        case DLT_LINUX_SLL:
            if (caplen < 16)
                return Decoded::Truncated;
            return decodeEtherType(be16(data + 14), data + 16, caplen - 16, out);
        case kDltLinuxSll2:
            if (caplen < 20)
                return Decoded::Truncated;
            return decodeEtherType(be16(data), data + 20, caplen - 20, out);
        case DLT_RAW:
        case kDltIpv4:
        case kDltIpv6:
            return decodeIp(data, caplen, out);
        case DLT_NULL:
        case DLT_LOOP:
            // A 4-byte address family (host order for NULL, network order for LOOP); the IP
            // version nibble says the same and does not depend on the writer's byte order.
            if (caplen < 4)
                return Decoded::Truncated;
            return decodeIp(data + 4, caplen - 4, out);
        default:
            return Decoded::NotTcp;
    }
}

}  // namespace closelab::capture
