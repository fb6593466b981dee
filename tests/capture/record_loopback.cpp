// Records real kernel traffic for tests/data/captures: inside a private network namespace
// (unshare(CLONE_NEWNET), loopback only, gone when the process exits) it captures lo with an
// AF_PACKET socket and writes pcap with libpcap's dump API while a client and a server close
// connections three ways: the client closes first; SO_LINGER {1,0}; the server closes with
// unread data. Needs root. Usage: record_loopback OUT.pcap
#include <arpa/inet.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <pcap/pcap.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <thread>

namespace {

void die(const char* what) {
    std::fprintf(stderr, "record_loopback: %s: %s\n", what, std::strerror(errno));
    std::_Exit(1);
}

void bringUpLo() {
    const int s = socket(AF_INET, SOCK_DGRAM, 0);
    ifreq ifr{};
    std::strncpy(ifr.ifr_name, "lo", IFNAMSIZ - 1);
    if (ioctl(s, SIOCGIFFLAGS, &ifr) < 0)
        die("SIOCGIFFLAGS");
    ifr.ifr_flags |= IFF_UP;
    if (ioctl(s, SIOCSIFFLAGS, &ifr) < 0)
        die("SIOCSIFFLAGS");
    close(s);
}

int listener(int port) {
    const int l = socket(AF_INET, SOCK_STREAM, 0);
    const int one = 1;
    setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(l, reinterpret_cast<sockaddr*>(&a), sizeof a) < 0 || listen(l, 8) < 0)
        die("listen");
    return l;
}

int dial(int port) {
    const int c = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(c, reinterpret_cast<sockaddr*>(&a), sizeof a) < 0)
        die("connect");
    return c;
}

void pause(int ms) {
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

void traffic() {
    const int l = listener(8080);
    char buf[512] = {};
    {  // 1. the client closes first: client TIME_WAIT
        const int c = dial(8080);
        const int s = accept(l, nullptr, nullptr);
        (void)!write(c, "GET / HTTP/1.1\r\n\r\n", 18);
        (void)!read(s, buf, sizeof buf);
        (void)!write(s, "HTTP/1.1 200 OK\r\n\r\n", 19);
        (void)!read(c, buf, sizeof buf);
        pause(20);
        close(c);
        pause(20);
        close(s);
        pause(50);
    }
    {  // 2. SO_LINGER {1,0}: the client aborts with RST
        const int c = dial(8080);
        const int s = accept(l, nullptr, nullptr);
        (void)!write(c, "ping", 4);
        (void)!read(s, buf, sizeof buf);
        pause(20);
        linger lg{1, 0};
        setsockopt(c, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
        close(c);
        pause(20);
        close(s);
        pause(50);
    }
    {  // 3. the server closes with unread data: RST
        const int c = dial(8080);
        const int s = accept(l, nullptr, nullptr);
        (void)!write(c, "unread request", 14);
        pause(20);
        close(s);
        pause(20);
        close(c);
        pause(50);
    }
    close(l);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: record_loopback OUT.pcap (as root)\n");
        return 2;
    }
    if (unshare(CLONE_NEWNET) < 0)
        die("unshare(CLONE_NEWNET) (run as root)");
    bringUpLo();
    const int ps = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
    if (ps < 0)
        die("AF_PACKET");
    sockaddr_ll sll{};
    sll.sll_family = AF_PACKET;
    sll.sll_protocol = htons(ETH_P_ALL);
    sll.sll_ifindex = static_cast<int>(if_nametoindex("lo"));
    if (bind(ps, reinterpret_cast<sockaddr*>(&sll), sizeof sll) < 0)
        die("bind AF_PACKET");
    timeval tv{0, 200000};
    setsockopt(ps, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    pcap_t* dead = pcap_open_dead(DLT_EN10MB, 262144);
    pcap_dumper_t* out = pcap_dump_open(dead, argv[1]);
    if (out == nullptr) {
        std::fprintf(stderr, "record_loopback: %s\n", pcap_geterr(dead));
        return 1;
    }
    std::thread t(traffic);
    static unsigned char frame[65536 + 64];
    int idle = 0;
    int packets = 0;
    while (idle < 3 && packets < 1000) {  // bounded: stops 0.6 s after the last packet
        sockaddr_ll from{};
        socklen_t len = sizeof from;
        const ssize_t n =
            recvfrom(ps, frame, sizeof frame, 0, reinterpret_cast<sockaddr*>(&from), &len);
        if (n < 0) {
            ++idle;
            continue;
        }
        idle = 0;
        if (from.sll_pkttype == PACKET_OUTGOING)
            continue;  // lo shows each packet twice; keep the incoming copy, as libpcap does
        pcap_pkthdr h{};
        gettimeofday(&h.ts, nullptr);
        h.caplen = h.len = static_cast<bpf_u_int32>(n);
        pcap_dump(reinterpret_cast<u_char*>(out), &h, frame);
        ++packets;
    }
    t.join();
    pcap_dump_close(out);
    pcap_close(dead);
    close(ps);
    std::printf("record_loopback: %d packets\n", packets);
    return 0;
}
