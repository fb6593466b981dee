#pragma once
// Writes small synthetic captures: TCP segments of one or more connections, framed for a chosen
// link type, into pcap (libpcap's dump API) or pcapng (a hand-written writer). Used by the test
// data generator and the capture benchmark.
#include <pcap/pcap.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

namespace closelab::testcap {

constexpr int kDltSll2 = 276;
constexpr int kDltIpv4 = 228;

enum Flag : std::uint8_t { F = 0x01, S = 0x02, R = 0x04, P = 0x08, A = 0x10 };

struct Endpoint {
    std::uint8_t family = 4;
    std::array<std::uint8_t, 16> addr{};
    std::uint16_t port = 0;
};

inline Endpoint v4(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d,
                   std::uint16_t port) {
    Endpoint e;
    e.family = 4;
    e.addr = {a, b, c, d};
    e.port = port;
    return e;
}
inline Endpoint v6(std::uint16_t last, std::uint16_t port) {  // fd00::last
    Endpoint e;
    e.family = 6;
    e.addr = {0xfd, 0x00};
    e.addr[14] = static_cast<std::uint8_t>(last >> 8);
    e.addr[15] = static_cast<std::uint8_t>(last);
    e.port = port;
    return e;
}

struct Seg {
    std::int64_t tUs = 0;
    Endpoint src, dst;
    std::uint8_t flags = A;
    std::uint32_t seq = 0, ack = 0, len = 0;
    std::uint16_t win = 64240;
    bool ts = true;
    std::uint32_t tsval = 0, tsecr = 0;
};

struct Framing {
    int dlt = 1;                           // DLT_EN10MB
    std::vector<std::uint16_t> vlanTpids;  // e.g. {0x88a8, 0x8100} for QinQ
    bool ipv6HopByHop = false;             // an 8-byte hop-by-hop header before TCP
};

inline void put16(std::vector<std::uint8_t>& b, std::uint16_t v) {
    b.push_back(static_cast<std::uint8_t>(v >> 8));
    b.push_back(static_cast<std::uint8_t>(v));
}
inline void put32(std::vector<std::uint8_t>& b, std::uint32_t v) {
    put16(b, static_cast<std::uint16_t>(v >> 16));
    put16(b, static_cast<std::uint16_t>(v));
}

// The frame as the link type carries it (payload bytes are 'x').
inline std::vector<std::uint8_t> frame(const Seg& s, const Framing& f) {
    std::vector<std::uint8_t> tcp;
    put16(tcp, s.src.port);
    put16(tcp, s.dst.port);
    put32(tcp, s.seq);
    put32(tcp, s.ack);
    const std::uint8_t hlen = s.ts ? 32 : 20;
    tcp.push_back(static_cast<std::uint8_t>((hlen / 4) << 4));
    tcp.push_back(s.flags);
    put16(tcp, s.win);
    put16(tcp, 0);  // checksum (not checked by readers here)
    put16(tcp, 0);
    if (s.ts) {
        tcp.push_back(1);
        tcp.push_back(1);
        tcp.push_back(8);
        tcp.push_back(10);
        put32(tcp, s.tsval);
        put32(tcp, s.tsecr);
    }
    tcp.insert(tcp.end(), s.len, 'x');
    std::vector<std::uint8_t> ip;
    const bool six = s.src.family == 6;
    if (!six) {
        ip.push_back(0x45);
        ip.push_back(0);
        put16(ip, static_cast<std::uint16_t>(20 + tcp.size()));
        put16(ip, 0);
        put16(ip, 0x4000);
        ip.push_back(64);
        ip.push_back(6);
        put16(ip, 0);
        ip.insert(ip.end(), s.src.addr.begin(), s.src.addr.begin() + 4);
        ip.insert(ip.end(), s.dst.addr.begin(), s.dst.addr.begin() + 4);
    } else {
        const std::size_t ext = f.ipv6HopByHop ? 8 : 0;
        put32(ip, 0x60000000);
        put16(ip, static_cast<std::uint16_t>(tcp.size() + ext));
        ip.push_back(f.ipv6HopByHop ? 0 : 6);
        ip.push_back(64);
        ip.insert(ip.end(), s.src.addr.begin(), s.src.addr.end());
        ip.insert(ip.end(), s.dst.addr.begin(), s.dst.addr.end());
        if (f.ipv6HopByHop) {
            const std::uint8_t hbh[8] = {6, 0, 1, 4, 0, 0, 0, 0};  // next TCP, PadN
            ip.insert(ip.end(), hbh, hbh + 8);
        }
    }
    ip.insert(ip.end(), tcp.begin(), tcp.end());
    const std::uint16_t ethertype = six ? 0x86dd : 0x0800;
    std::vector<std::uint8_t> out;
    switch (f.dlt) {
        case DLT_EN10MB: {
            const std::uint8_t macs[12] = {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1};
            out.insert(out.end(), macs, macs + 12);
            for (std::size_t i = 0; i < f.vlanTpids.size(); ++i) {
                put16(out, f.vlanTpids[i]);
                put16(out, static_cast<std::uint16_t>(100 + i));
            }
            put16(out, ethertype);
            break;
        }
        case DLT_LINUX_SLL:
            put16(out, 4);    // sent by us
            put16(out, 772);  // ARPHRD_LOOPBACK
            put16(out, 6);
            for (int i = 0; i < 8; ++i)
                out.push_back(0);
            put16(out, ethertype);
            break;
        case kDltSll2:
            put16(out, ethertype);
            put16(out, 0);
            put32(out, 1);  // interface index
            put16(out, 772);
            out.push_back(4);
            out.push_back(6);
            for (int i = 0; i < 8; ++i)
                out.push_back(0);
            break;
        case DLT_NULL: {  // host byte order
            const std::uint32_t fam = six ? 10 : 2;
            const auto* p = reinterpret_cast<const std::uint8_t*>(&fam);
            out.insert(out.end(), p, p + 4);
            break;
        }
        case DLT_LOOP:
            put32(out, six ? 24 : 2);
            break;
        default:  // raw IP
            break;
    }
    out.insert(out.end(), ip.begin(), ip.end());
    return out;
}

// pcap through libpcap's dump API.
class PcapWriter {
public:
    PcapWriter(const std::string& path, int dlt, int snaplen = 262144) : m_snaplen(snaplen) {
        m_dead = pcap_open_dead(dlt, snaplen);
        m_dumper = pcap_dump_open(m_dead, path.c_str());
        if (m_dumper == nullptr)
            throw std::runtime_error("cannot write " + path + ": " + pcap_geterr(m_dead));
    }
    ~PcapWriter() {
        pcap_dump_close(m_dumper);
        pcap_close(m_dead);
    }
    PcapWriter(const PcapWriter&) = delete;
    PcapWriter& operator=(const PcapWriter&) = delete;
    void write(std::int64_t tUs, const std::vector<std::uint8_t>& bytes) {
        pcap_pkthdr h{};
        h.ts.tv_sec = static_cast<time_t>(1'700'000'000 + tUs / 1'000'000);
        h.ts.tv_usec = static_cast<suseconds_t>(tUs % 1'000'000);
        h.len = static_cast<bpf_u_int32>(bytes.size());
        h.caplen = std::min<bpf_u_int32>(h.len, static_cast<bpf_u_int32>(m_snaplen));
        pcap_dump(reinterpret_cast<u_char*>(m_dumper), &h, bytes.data());
    }

private:
    int m_snaplen;
    pcap_t* m_dead = nullptr;
    pcap_dumper_t* m_dumper = nullptr;
};

// pcapng: a section header, one interface, enhanced packet blocks (little endian, microseconds).
class PcapngWriter {
public:
    PcapngWriter(const std::string& path, int dlt, std::uint32_t snaplen = 262144)
        : m_snaplen(snaplen) {
        m_file = std::fopen(path.c_str(), "wb");
        if (m_file == nullptr)
            throw std::runtime_error("cannot write " + path);
        std::vector<std::uint8_t> shb;
        le32(shb, 0x0a0d0d0a);
        le32(shb, 28);
        le32(shb, 0x1a2b3c4d);
        le16(shb, 1);
        le16(shb, 0);
        le32(shb, 0xffffffff);
        le32(shb, 0xffffffff);
        le32(shb, 28);
        std::vector<std::uint8_t> idb;
        le32(idb, 1);
        le32(idb, 20);
        le16(idb, static_cast<std::uint16_t>(dlt));
        le16(idb, 0);
        le32(idb, snaplen);
        le32(idb, 20);
        std::fwrite(shb.data(), 1, shb.size(), m_file);
        std::fwrite(idb.data(), 1, idb.size(), m_file);
    }
    ~PcapngWriter() { std::fclose(m_file); }
    PcapngWriter(const PcapngWriter&) = delete;
    PcapngWriter& operator=(const PcapngWriter&) = delete;
    void write(std::int64_t tUs, const std::vector<std::uint8_t>& bytes) {
        const std::uint64_t ts = static_cast<std::uint64_t>(1'700'000'000'000'000LL + tUs);
        const std::uint32_t cap =
            std::min<std::uint32_t>(static_cast<std::uint32_t>(bytes.size()), m_snaplen);
        const std::uint32_t padded = (cap + 3) & ~3u;
        const std::uint32_t total = 32 + padded;
        std::vector<std::uint8_t> b;
        le32(b, 6);
        le32(b, total);
        le32(b, 0);
        le32(b, static_cast<std::uint32_t>(ts >> 32));
        le32(b, static_cast<std::uint32_t>(ts));
        le32(b, cap);
        le32(b, static_cast<std::uint32_t>(bytes.size()));
        b.insert(b.end(), bytes.begin(), bytes.begin() + cap);
        b.resize(28 + padded, 0);
        le32(b, total);
        std::fwrite(b.data(), 1, b.size(), m_file);
    }

private:
    static void le16(std::vector<std::uint8_t>& b, std::uint16_t v) {
        b.push_back(static_cast<std::uint8_t>(v));
        b.push_back(static_cast<std::uint8_t>(v >> 8));
    }
    static void le32(std::vector<std::uint8_t>& b, std::uint32_t v) {
        le16(b, static_cast<std::uint16_t>(v));
        le16(b, static_cast<std::uint16_t>(v >> 16));
    }
    std::FILE* m_file = nullptr;
    std::uint32_t m_snaplen;
};

// A connection's segments, written by the ends' own sequence numbers.
class Conv {
public:
    Conv(Endpoint client, Endpoint server, std::uint32_t cIsn, std::uint32_t sIsn,
         std::uint32_t cTs = 1000, std::uint32_t sTs = 5000)
        : m_c(client), m_s(server), m_cSeq(cIsn), m_sSeq(sIsn), m_cTs(cTs), m_sTs(sTs) {}
    std::vector<Seg> segs;
    bool ts = true;
    // One segment from the client (true) or the server; advances that end's seq by len (+SYN/FIN)
    // unless `keepSeq` (a retransmission or probe).
    Seg& send(std::int64_t tUs, bool fromClient, std::uint8_t flags, std::uint32_t len = 0,
              std::int32_t seqDelta = 0, bool advance = true) {
        Seg s;
        s.tUs = tUs;
        s.src = fromClient ? m_c : m_s;
        s.dst = fromClient ? m_s : m_c;
        s.flags = flags;
        std::uint32_t& seq = fromClient ? m_cSeq : m_sSeq;
        s.seq = seq + static_cast<std::uint32_t>(seqDelta);
        s.ack = (flags & A) ? (fromClient ? m_sSeq : m_cSeq) : 0;
        s.len = len;
        s.ts = ts;
        s.tsval = (fromClient ? m_cTs : m_sTs) + static_cast<std::uint32_t>(tUs / 1000);
        s.tsecr =
            (flags & A) ? (fromClient ? m_sTs : m_cTs) + static_cast<std::uint32_t>(tUs / 1000) : 0;
        if (advance)
            seq += len + ((flags & S) ? 1 : 0) + ((flags & F) ? 1 : 0);
        segs.push_back(s);
        return segs.back();
    }
    void handshake(std::int64_t t) {
        send(t, true, S);
        send(t + 100, false, S | A);
        send(t + 200, true, A);
    }

private:
    Endpoint m_c, m_s;
    std::uint32_t m_cSeq, m_sSeq, m_cTs, m_sTs;
};

}  // namespace closelab::testcap
