// Writes the synthetic captures of tests/data/captures/ (see its README.md). Deterministic: the
// same bytes every run. Usage: make_captures DIR
#include <algorithm>
#include <fstream>
#include <iostream>
#include <string>

#include "pcap_writer.h"

using namespace closelab::testcap;

namespace {

const Endpoint kClient = v4(10, 0, 0, 1, 40000);
const Endpoint kServer = v4(10, 0, 0, 2, 80);

template <class Writer>
void writeAll(Writer& w, const std::vector<Seg>& segs, const Framing& f) {
    for (const auto& s : segs)
        w.write(s.tUs, frame(s, f));
}

void writePcap(const std::string& path, const std::vector<Seg>& segs, Framing f = {},
               int snaplen = 262144) {
    PcapWriter w(path, f.dlt, snaplen);
    writeAll(w, segs, f);
}

void writePcapng(const std::string& path, const std::vector<Seg>& segs, Framing f = {}) {
    PcapngWriter w(path, f.dlt);
    writeAll(w, segs, f);
}

// Client closes first: the client holds TIME_WAIT.
std::vector<Seg> clientCloses(Endpoint c = kClient, Endpoint s = kServer) {
    Conv v(c, s, 1000, 900000);
    v.handshake(0);
    v.send(1000, true, P | A, 100);
    v.send(1500, false, A);
    v.send(2000, false, P | A, 300);
    v.send(2500, true, A);
    v.send(3000, true, F | A);
    v.send(3100, false, A);
    v.send(4000, false, F | A);
    v.send(4100, true, A);
    return v.segs;
}

// Server closes first (HTTP/1.0 style): the server holds TIME_WAIT.
std::vector<Seg> serverCloses(std::int64_t t0 = 0, Endpoint c = kClient, std::uint32_t cIsn = 1000,
                              std::uint32_t cTs = 1000) {
    Conv v(c, kServer, cIsn, 900000 + cIsn, cTs);
    v.handshake(t0);
    v.send(t0 + 1000, true, P | A, 80);
    v.send(t0 + 2000, false, P | A, 500);
    v.send(t0 + 2100, false, F | A);
    v.send(t0 + 2200, true, A);
    v.send(t0 + 3000, true, F | A);
    v.send(t0 + 3100, false, A);
    return v.segs;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: make_captures DIR\n";
        return 2;
    }
    const std::string d = std::string(argv[1]) + "/";

    writePcap(d + "ethernet-client-close.pcap", clientCloses());
    writePcap(d + "sll-server-close.pcap", serverCloses(), {DLT_LINUX_SLL, {}, false});
    writePcap(d + "sll2-ipv6-hop-by-hop.pcap", clientCloses(v6(1, 40000), v6(2, 443)),
              {kDltSll2, {}, true});
    writePcapng(d + "qinq-client-close.pcapng", clientCloses(),
                {DLT_EN10MB, {0x88a8, 0x8100}, false});
    writePcap(d + "raw-ipv4-server-close.pcap", serverCloses(), {DLT_RAW, {}, false});
    writePcap(d + "null-loopback-client-close.pcap", clientCloses(), {DLT_NULL, {}, false});
    // tcpdump's snaplen cuts each packet after 64 bytes; the payload lengths still count.
    writePcap(d + "snaplen-64.pcap", serverCloses(), {}, 64);

    {  // Lost final ACK: the server in LAST_ACK retransmits its FIN, TIME_WAIT re-ACKs it.
        Conv v(kClient, kServer, 1000, 900000);
        v.handshake(0);
        v.send(1000, true, F | A);
        v.send(1100, false, A);
        v.send(2000, false, F | A);
        v.send(2100, true, A);  // seen here at the client, lost on the way
        v.send(2000 + 200000, false, F | A, 0, -1, false);
        v.send(2000 + 200100, true, A);
        writePcap(d + "loop-lost-final-ack.pcap", v.segs, {DLT_LOOP, {}, false});
    }
    {  // SO_LINGER {1,0}: the client aborts with an RST instead of a FIN.
        Conv v(kClient, kServer, 1000, 900000);
        v.handshake(0);
        v.send(1000, true, P | A, 10);
        v.send(1100, false, A);
        v.send(2000, true, R | A);
        writePcap(d + "rst-linger0.pcap", v.segs);
    }
    {  // Unread data: the server closes with 200 bytes unread, Linux sends RST.
        Conv v(kClient, kServer, 1000, 900000);
        v.handshake(0);
        v.send(1000, true, P | A, 200);
        v.send(1100, false, A);
        v.send(5000, false, R | A);
        writePcap(d + "rst-unread-data.pcap", v.segs);
    }
    {  // Data after FIN: the client closed, the server still writes, the orphan answers RST.
        Conv v(kClient, kServer, 1000, 900000);
        v.handshake(0);
        v.send(1000, true, F | A);
        v.send(1100, false, A);
        v.send(2000, false, P | A, 100);
        v.send(2100, true, R);
        writePcap(d + "data-after-fin-rst.pcap", v.segs);
    }
    {  // CLOSE_WAIT leak: the client's FIN is ACKed, the server never closes.
        Conv v(kClient, kServer, 1000, 900000);
        v.handshake(0);
        v.send(1000, true, P | A, 50);
        v.send(1100, false, A);
        v.send(2000, true, F | A);
        v.send(2100, false, A);
        writePcap(d + "close-wait-leak.pcap", v.segs);
    }
    {  // Simultaneous close: both FINs cross, both ends go through CLOSING to TIME_WAIT.
        Conv v(kClient, kServer, 1000, 900000);
        v.handshake(0);
        v.send(1000, true, F | A);
        v.send(1010, false, F | A, 0, 0, true).ack = 1001;  // does not ACK the client's FIN
        v.send(1100, true, A);
        v.send(1110, false, A);
        writePcap(d + "simultaneous-close.pcap", v.segs);
    }
    {  // A re-dial from the same port 5 s later lands on the server's TIME_WAIT.
        auto segs = serverCloses(0);
        const auto again = serverCloses(5'000'000, kClient, 777777, 9000);
        segs.insert(segs.end(), again.begin(), again.end());
        writePcap(d + "syn-on-time-wait.pcap", segs);
    }
    {  // Challenge ACK: the client forgot an ESTABLISHED connection and dials again from the
       // same port; the server answers the SYN with an ACK, the client resets, dials again.
        Conv old(kClient, kServer, 1000, 900000);
        old.handshake(0);
        old.send(1000, true, P | A, 10);
        old.send(1100, false, A);
        Conv fresh(kClient, kServer, 5'000'000, 7'000'000, 90000);
        auto segs = old.segs;
        Seg syn = fresh.send(3'000'000, true, S);
        segs.push_back(syn);
        Seg chal = old.send(3'000'100, false, A);
        segs.push_back(chal);
        Seg rst;
        rst = chal;
        rst.src = kClient;
        rst.dst = kServer;
        rst.flags = R;
        rst.seq = chal.ack;
        rst.ack = 0;
        rst.tUs = 3'000'200;
        segs.push_back(rst);
        Conv again(kClient, kServer, 5'000'000, 7'000'000, 90000);
        again.handshake(4'000'000);
        segs.insert(segs.end(), again.segs.begin(), again.segs.end());
        writePcap(d + "challenge-ack.pcap", segs);
    }
    {  // tcp_tw_recycle behind NAT: one address, two clocks. The server remembers timestamp
       // ~1000000 from the first host; the second host's SYNs carry 2000 and get no SYN-ACK.
        auto segs = serverCloses(0, v4(10, 0, 0, 1, 40000), 1000, 1'000'000);
        Conv late(v4(10, 0, 0, 1, 40002), kServer, 555, 0, 2000);
        late.send(1'000'000, true, S);
        late.send(2'000'000, true, S, 0, -1, false);
        late.send(4'000'000, true, S, 0, -1, false);
        segs.insert(segs.end(), late.segs.begin(), late.segs.end());
        writePcap(d + "tw-recycle-syn-drop.pcap", segs);
    }
    {  // A reader that stopped reading: zero window; then idle keep-alives; still open.
        Conv v(kClient, kServer, 1000, 900000);
        v.handshake(0);
        v.send(1000, true, P | A, 1000);
        v.send(1100, false, A).win = 0;
        v.send(75'000'000, true, A, 0, -1, false);  // keep-alive: seq = snd_nxt - 1
        v.send(75'000'100, false, A).win = 0;
        writePcap(d + "zero-window-keepalive.pcap", v.segs);
    }
    {  // Mid-stream: the capture started after the handshake.
        Conv v(kClient, kServer, 1000, 900000);
        v.send(0, true, P | A, 100);
        v.send(100, false, A);
        v.send(1000, false, F | A);
        v.send(1100, true, F | A);
        v.send(1200, false, A);
        writePcap(d + "mid-stream-server-close.pcap", v.segs);
    }
    {  // Two connections and a UDP-free mix: several incarnations in one file.
        auto segs = clientCloses();
        auto b = serverCloses(10'000, v4(10, 0, 0, 3, 50000));
        segs.insert(segs.end(), b.begin(), b.end());
        std::stable_sort(segs.begin(), segs.end(),
                         [](const Seg& x, const Seg& y) { return x.tUs < y.tUs; });
        writePcap(d + "two-connections.pcap", segs);
    }
    {  // Cut short in the middle of a packet (a tcpdump killed while writing).
        const std::string full = d + "truncated-file.pcap";
        writePcap(full, clientCloses());
        std::ifstream in(full, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        in.close();
        bytes.resize(bytes.size() - 30);
        std::ofstream(full, std::ios::binary | std::ios::trunc) << bytes;
    }
    // Bad files: empty, garbage, a pcap header of an unknown version, an unsupported link type.
    std::ofstream(d + "bad-empty.pcap", std::ios::binary);
    std::ofstream(d + "bad-garbage.pcap", std::ios::binary)
        << "this is a text file, not a capture\n";
    {
        const unsigned char hdr[24] = {0xd4, 0xc3, 0xb2, 0xa1, 9, 0, 4, 0, 0, 0, 0, 0,
                                       0,    0,    0,    0,    0, 0, 4, 0, 1, 0, 0, 0};
        std::ofstream(d + "bad-header-version.pcap", std::ios::binary)
            .write(reinterpret_cast<const char*>(hdr), sizeof hdr);
    }
    writePcap(d + "bad-link-type-80211.pcap", clientCloses(), {105, {}, false});
    return 0;
}
