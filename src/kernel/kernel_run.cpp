#include "kernel/kernel_run.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <deque>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <tuple>

#include "core/error.h"
#include "core/options.h"
#include "core/recording_json.h"
#include "kernel/mib_counters.h"
#include "kernel/netns_runner.h"
#include "kernel/sock_diag.h"

namespace closelab::kernel {

namespace {

using Clock = std::chrono::steady_clock;
using core::AppCall;
using core::AppCallKind;

std::string errnoName(int err) {
    const char* name = ::strerrorname_np(err);
    return name ? name : "E" + std::to_string(err);
}

sockaddr_in makeAddr(const std::string& address, std::uint16_t port) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    ::inet_pton(AF_INET, address.c_str(), &a.sin_addr);
    return a;
}

std::string endpoint(const std::array<std::uint8_t, 16>& addr, std::uint16_t port) {
    char text[INET_ADDRSTRLEN] = {};
    ::inet_ntop(AF_INET, addr.data(), text, sizeof text);
    return std::string(text) + ":" + std::to_string(port);
}

// Kernel state numbers to the engine's TcpState (TCP_NEW_SYN_RECV shows as SYN_RECV).
std::optional<core::TcpState> toCore(int state) {
    using S = core::TcpState;
    static constexpr std::array<S, 13> kMap = {
        S::Closed, S::Established, S::SynSent, S::SynRecv, S::FinWait1, S::FinWait2, S::TimeWait,
        S::Closed, S::CloseWait,   S::LastAck, S::Listen,  S::Closing,  S::SynRecv};
    if (state < 1 || state > 12) {
        return std::nullopt;
    }
    return kMap[static_cast<std::size_t>(state)];
}

// A scripted drop done by nftables inside the namespace: rules added at afterUs.
struct NftDrop {
    long long afterUs = 0;
    std::string rules;  // "add rule inet closelab out ..." lines
};

struct Plan {
    std::vector<std::pair<std::string, std::string>> sysctls;
    std::vector<NftDrop> drops;
    // host -> socket options every socket of that host's application gets
    std::map<std::string, std::vector<std::pair<std::string, std::string>>> socketOptions;
    std::vector<std::string> notes;
    std::vector<std::string> notReplayed;
};

// A Drop fault as nftables rules on the namespace's output hook. nft cannot say "the nth
// match", so a quota does it: `quota until B bytes` matches while the bytes it has seen stay
// under B, and every matching segment has the same size (no data, no SYN options): IP 20 + TCP
// 20 (+ 12 with the timestamp option).
std::optional<NftDrop> nftDrop(const core::FaultSpec& f,
                               const std::map<std::string, std::string>& address, bool timestamps) {
    const auto& m = f.match;
    if (f.action != core::FaultAction::Drop || m.flags.empty() || m.hasData.value_or(false) ||
        m.nth < 1 || m.count < 0) {
        return std::nullopt;
    }
    std::string flags;
    for (const auto& flag : m.flags) {
        if (flag == "SYN") {
            return std::nullopt;
        }
        static const std::map<std::string, std::string> kNames = {
            {"FIN", "fin"}, {"RST", "rst"}, {"PSH", "psh"}, {"ACK", "ack"}};
        const auto it = kNames.find(flag);
        if (it == kNames.end()) {
            return std::nullopt;
        }
        flags += (flags.empty() ? "" : "|") + it->second;
    }
    std::string match = "meta l4proto tcp";
    if (!m.from.empty()) {
        match += " ip saddr " + address.at(m.from);
    }
    if (!m.to.empty()) {
        match += " ip daddr " + address.at(m.to);
    }
    match += " tcp flags & (fin|syn|rst|psh|ack|urg) == " + flags;
    const long long size = 40 + (timestamps ? 12 : 0);
    NftDrop drop;
    drop.afterUs = m.afterUs;
    if (m.nth > 1) {
        drop.rules += "add rule inet closelab out " + match + " quota until " +
                      std::to_string((m.nth - 1) * size + 1) + " bytes accept\n";
    }
    drop.rules += "add rule inet closelab out " + match +
                  (m.count > 0 ? " quota until " + std::to_string(m.count * size + 1) + " bytes"
                               : std::string()) +
                  " counter drop\n";
    return drop;
}

// `nft -f -`, started ahead of time: nft's start-up (tens of ms) happens before the scripted
// moment, and finish() only hands it the script and waits for it to apply it.
class NftProcess {
public:
    NftProcess() {
        int in[2];
        if (::pipe2(in, O_CLOEXEC) != 0) {
            throw std::runtime_error("pipe for nft failed");
        }
        m_pid = ::fork();
        if (m_pid == 0) {
            ::dup2(in[0], 0);
            ::execlp("nft", "nft", "-f", "-", static_cast<char*>(nullptr));
            ::_exit(127);
        }
        ::close(in[0]);
        m_fd = in[1];
    }
    NftProcess(const NftProcess&) = delete;
    NftProcess& operator=(const NftProcess&) = delete;
    ~NftProcess() {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
        if (m_pid > 0) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
        }
    }

    void finish(const std::string& script) {
        (void)!::write(m_fd, script.data(), script.size());
        ::close(m_fd);
        m_fd = -1;
        int status = 0;
        while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
        }
        m_pid = -1;
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            throw std::runtime_error(
                "nft could not install a scripted drop (is nftables installed?)");
        }
    }

private:
    pid_t m_pid = -1;
    int m_fd = -1;
};

Plan makePlan(const core::Scenario& sc, const core::RunConfig& config) {
    Plan plan;
    const auto profile = config.kernel.value_or(sc.kernel);
    if (profile != core::KernelProfile::Linux6) {
        throw std::invalid_argument(
            "kernel-run replays on this machine's kernel, which is the "
            "linux-6 profile, not " +
            std::string(core::profileName(profile)));
    }
    for (const auto& h : sc.hosts) {
        if (h.isNat || !h.via.empty()) {
            throw std::invalid_argument("host '" + h.name +
                                        "' is a NAT or sits behind one: not reproducible on the "
                                        "kernel lab (one namespace, no NAT)");
        }
    }
    // Options set explicitly (scenario or --set) decide the namespace's sysctls; defaults are the
    // kernel's own. One namespace: two hosts may not ask for different values.
    std::map<std::string, std::pair<std::string, std::string>> chosen;  // name -> (value, host)
    std::vector<core::OptionOverride> explicitOptions = sc.options;
    explicitOptions.insert(explicitOptions.end(), config.overrides.begin(), config.overrides.end());
    for (const auto& o : explicitOptions) {
        const auto* spec = core::findOption(o.name);
        if (!spec) {
            throw core::InputError(core::ErrorId::UnknownOption, {{"name", o.name}});
        }
        const auto value = core::parseOptionValue(o.name, o.value, profile);
        if (spec->kind == core::OptionKind::Closelab) {
            throw std::invalid_argument(o.name +
                                        " is a teaching knob, not a kernel setting: not "
                                        "reproducible on the kernel");
        }
        if (spec->kind == core::OptionKind::Socket) {
            for (const auto& h : sc.hosts) {
                if (o.host.empty() || o.host == h.name) {
                    plan.socketOptions[h.name].emplace_back(o.name, value.text);
                }
            }
            continue;
        }
        const auto it = chosen.find(o.name);
        if (it != chosen.end() && it->second.second != o.host && it->second.first != value.text &&
            !o.host.empty() && !it->second.second.empty()) {
            throw std::invalid_argument(o.name + " differs between hosts " + it->second.second +
                                        " and " + o.host +
                                        ": all hosts share one namespace in the kernel lab");
        }
        if (it != chosen.end() && it->second.second.empty() == o.host.empty() &&
            it->second.second != o.host && it->second.first != value.text) {
            throw std::invalid_argument(o.name +
                                        " differs between hosts: all hosts share one "
                                        "namespace in the kernel lab");
        }
        chosen[o.name] = {value.text, o.host};
        if (!o.host.empty() && sc.hosts.size() > 1) {
            plan.notes.push_back(o.name + "=" + value.text + " was set for " + o.host +
                                 " and applies to every host (one namespace)");
        }
    }
    for (const auto& [name, v] : chosen) {
        plan.sysctls.emplace_back(name, v.first);
    }
    bool timestamps = true;
    for (const auto& [name, value] : plan.sysctls) {
        if (name == "net.ipv4.tcp_timestamps") {
            timestamps = value != "0";
        }
    }
    std::map<std::string, std::string> address;
    for (const auto& h : sc.hosts) {
        address[h.name] = h.address;
    }
    for (const auto& f : sc.faults) {
        if (auto drop = nftDrop(f, address, timestamps)) {
            plan.drops.push_back(std::move(*drop));
            plan.notes.push_back("a scripted drop is done by nftables in the namespace");
        } else {
            plan.notReplayed.push_back(
                f.action == core::FaultAction::Drop
                    ? "a scripted drop of segments with data or SYN, or without flags: not "
                      "reproducible (nftables can only count fixed-size segments here)"
                    : "a scripted hold/duplicate: not reproducible on the kernel (no netem, no "
                      "NFQUEUE)");
        }
    }
    // Two hosts closing at the same instant: on loopback the first FIN arrives before the second
    // close(), so the FINs cannot cross in flight as they do over a link with delay.
    std::map<core::SimTime, std::set<std::string>> closers;
    for (const auto& c : sc.timeline) {
        if (c.call == AppCallKind::Close || c.call == AppCallKind::Shutdown) {
            closers[c.t].insert(c.host);
        }
    }
    for (const auto& [t, hosts] : closers) {
        if (hosts.size() > 1) {
            plan.notReplayed.push_back(
                "two hosts close at the same instant: on loopback the first FIN arrives before "
                "the other close(), so the FINs cannot cross (that needs delayed segments)");
            break;
        }
    }
    const auto lossy = [](const core::LinkSpec& l) {
        return l.loss > 0 || l.duplicate > 0 || l.jitterUs > 0;
    };
    if (lossy(sc.defaultLink) || std::any_of(sc.links.begin(), sc.links.end(), lossy)) {
        plan.notReplayed.push_back("link loss/duplication/jitter: not reproducible on loopback");
    }
    plan.notes.push_back("link delays are not reproduced: loopback delivers in microseconds");
    plan.notes.push_back(
        "segments are captured on lo (AF_PACKET); transitions are sampled "
        "states; segments dropped by nftables are not seen");
    plan.notes.push_back("counters are the namespace's, shown on the first host");
    return plan;
}

// Every IPv4 TCP segment the namespace sends on `lo`, read from an AF_PACKET socket bound to
// ETH_P_IP: such a socket sits in ptype_base and sees each segment once, as lo delivers it
// (PACKET_HOST); transmit copies go only to ETH_P_ALL taps. Segments nftables drops on output
// never reach the device, so they are not seen.
class LoopbackCapture {
public:
    LoopbackCapture() {
        m_fd = ::socket(AF_PACKET, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, htons(ETH_P_IP));
        if (m_fd < 0) {
            return;  // no capture: segments stay empty, noted by the caller
        }
        sockaddr_ll addr{};
        addr.sll_family = AF_PACKET;
        addr.sll_protocol = htons(ETH_P_IP);
        addr.sll_ifindex = static_cast<int>(::if_nametoindex("lo"));
        const int one = 1;
        const int buffer = 8 << 20;
        ::setsockopt(m_fd, SOL_SOCKET, SO_TIMESTAMP, &one, sizeof one);
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &buffer, sizeof buffer);
        if (::bind(m_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
            ::close(m_fd);
            m_fd = -1;
        }
    }
    ~LoopbackCapture() {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    LoopbackCapture(const LoopbackCapture&) = delete;
    LoopbackCapture& operator=(const LoopbackCapture&) = delete;
    bool ok() const { return m_fd >= 0; }

    struct Segment {
        long long realtimeUs = 0;
        std::array<std::uint8_t, 4> src{};
        std::array<std::uint8_t, 4> dst{};
        std::uint16_t sport = 0;
        std::uint16_t dport = 0;
        std::uint32_t seq = 0;
        std::uint32_t ack = 0;
        std::uint8_t flags = 0;
        std::uint32_t len = 0;
        bool hasTs = false;
        std::uint32_t tsval = 0;
        std::uint32_t tsecr = 0;
    };

    // Reads what is queued (bounded) and hands each TCP segment to `take`.
    template <typename Take>
    void drain(Take&& take) {
        if (m_fd < 0) {
            return;
        }
        for (int i = 0; i < 100000; ++i) {
            std::uint8_t packet[256];
            sockaddr_ll from{};
            iovec iov{packet, sizeof packet};
            alignas(cmsghdr) char control[64];
            msghdr msg{};
            msg.msg_name = &from;
            msg.msg_namelen = sizeof from;
            msg.msg_iov = &iov;
            msg.msg_iovlen = 1;
            msg.msg_control = control;
            msg.msg_controllen = sizeof control;
            const ssize_t n = ::recvmsg(m_fd, &msg, MSG_TRUNC);
            if (n < 0) {
                return;
            }
            if (from.sll_pkttype == PACKET_OUTGOING) {
                continue;
            }
            Segment seg;
            for (cmsghdr* c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
                if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_TIMESTAMP) {
                    timeval tv{};
                    std::memcpy(&tv, CMSG_DATA(c), sizeof tv);
                    seg.realtimeUs = tv.tv_sec * 1'000'000LL + tv.tv_usec;
                }
            }
            const std::size_t got =
                std::min<std::size_t>(static_cast<std::size_t>(n), sizeof packet);
            if (parse(packet, got, static_cast<std::size_t>(n), seg)) {
                take(seg);
            }
        }
    }

private:
    static std::uint32_t be32(const std::uint8_t* p) {
        return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) |
               (std::uint32_t{p[2]} << 8) | p[3];
    }

    static bool parse(const std::uint8_t* p, std::size_t got, std::size_t wire, Segment& seg) {
        if (got < 20 || (p[0] >> 4) != 4 || p[9] != IPPROTO_TCP) {
            return false;
        }
        const std::size_t ihl = static_cast<std::size_t>(p[0] & 0x0f) * 4;
        const std::size_t total = (std::size_t{p[2]} << 8) | p[3];
        if (ihl < 20 || got < ihl + 20) {
            return false;
        }
        std::memcpy(seg.src.data(), p + 12, 4);
        std::memcpy(seg.dst.data(), p + 16, 4);
        const std::uint8_t* t = p + ihl;
        seg.sport = static_cast<std::uint16_t>((t[0] << 8) | t[1]);
        seg.dport = static_cast<std::uint16_t>((t[2] << 8) | t[3]);
        seg.seq = be32(t + 4);
        seg.ack = be32(t + 8);
        const std::size_t doff = static_cast<std::size_t>(t[12] >> 4) * 4;
        seg.flags = t[13] & 0x1f;  // FIN SYN RST PSH ACK: the engine's SegmentFlag bits
        const std::size_t length = std::min(total, wire);
        seg.len = length > ihl + doff ? static_cast<std::uint32_t>(length - ihl - doff) : 0;
        for (std::size_t i = 20; i + 1 < doff && ihl + i < got;) {
            const std::uint8_t kind = t[i];
            if (kind == 0) {
                break;
            }
            if (kind == 1) {
                ++i;
                continue;
            }
            const std::uint8_t optLen = t[i + 1];
            if (optLen < 2) {
                break;
            }
            if (kind == 8 && optLen == 10 && ihl + i + 10 <= got) {
                seg.hasTs = true;
                seg.tsval = be32(t + i + 2);
                seg.tsecr = be32(t + i + 6);
            }
            i += optLen;
        }
        return true;
    }

    int m_fd = -1;
};

class Replay {
public:
    Replay(const core::Scenario& sc, const Plan& plan, long long untilMs)
        : m_sc(sc), m_plan(plan), m_untilUs(untilMs * 1000) {
        for (std::size_t i = 0; i < sc.hosts.size(); ++i) {
            m_address[sc.hosts[i].name] = sc.hosts[i].address;
        }
    }

    core::Recording run() {
        std::size_t alias = 0;
        std::set<std::string> added;
        for (const auto& h : m_sc.hosts) {
            if (h.address.rfind("127.", 0) != 0 && added.insert(h.address).second) {
                addAddress("lo:" + std::to_string(++alias), h.address);
            }
        }
        m_rec.source = "kernel";
        m_rec.scenario = m_sc.id;
        m_rec.kernel = core::KernelProfile::Linux6;
        for (const auto& h : m_sc.hosts) {
            m_rec.hosts.push_back({h.name, h.name, h.address});
            std::vector<std::pair<std::string, std::string>> options;
            for (const auto& [name, value] : m_plan.sysctls) {
                options.emplace_back(name, value);
            }
            m_rec.options.push_back(std::move(options));
        }
        m_rec.counters.resize(m_sc.hosts.size());
        m_rec.finalSockets.resize(m_sc.hosts.size());
        const auto before = MibCounters::read();
        std::vector<std::unique_ptr<NftProcess>> nft;
        if (!m_plan.drops.empty()) {
            NftProcess table;
            table.finish(
                "add table inet closelab\nadd chain inet closelab out { type filter hook "
                "output priority 0; policy accept; }\n");
            for (std::size_t i = 0; i < m_plan.drops.size(); ++i) {
                nft.push_back(std::make_unique<NftProcess>());
            }
        }
        LoopbackCapture capture;
        timeval realStart{};
        m_start = Clock::now();
        ::gettimeofday(&realStart, nullptr);
        m_realStartUs = realStart.tv_sec * 1'000'000LL + realStart.tv_usec;
        std::size_t next = 0;
        std::size_t nextDrop = 0;
        const auto& tl = m_sc.timeline;
        // Bounded: the loop ends at untilUs, and each iteration sleeps up to 1 ms.
        for (;;) {
            const auto now = nowUs();
            if (now >= m_untilUs) {
                break;
            }
            while (nextDrop < m_plan.drops.size() && m_plan.drops[nextDrop].afterUs <= now) {
                nft[nextDrop]->finish(m_plan.drops[nextDrop].rules);
                ++nextDrop;
            }
            while (next < tl.size() && tl[next].t <= now) {
                execute(tl[next]);
                ++next;
            }
            service();
            capture.drain([this](const LoopbackCapture::Segment& seg) { addSegment(seg); });
            observe(nowUs());
            std::this_thread::sleep_for(std::chrono::microseconds(500));
        }
        capture.drain([this](const LoopbackCapture::Segment& seg) { addSegment(seg); });
        observe(m_untilUs);
        m_rec.endUs = m_untilUs;
        const auto delta = MibCounters::delta(before, MibCounters::read());
        for (const auto& [name, value] : delta) {
            if (const auto mib = core::parseMib(name); mib && value > 0) {
                m_rec.counters[0].add(*mib, static_cast<std::uint64_t>(value));
            }
        }
        if (const auto it = delta.find("OutRsts"); it != delta.end()) {
            m_rec.outcome.resets = static_cast<int>(it->second);
        }
        finalSockets();
        return std::move(m_rec);
    }

private:
    struct AppSocket {
        int fd = -1;
        std::string host;
        std::string name;
        bool autoRead = true;
        bool closeOnEof = false;
        bool listener = false;
        bool sawEof = false;
        std::string pendingListener;  // accept() still waiting
        bool pendingAccept = false;
        std::uint64_t pendingSend = 0;  // bytes of send() calls not yet in the socket buffer
    };

    static void addAddress(const std::string& label, const std::string& address) {
        const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        ifreq ifr{};
        std::strncpy(ifr.ifr_name, label.c_str(), IFNAMSIZ - 1);
        auto* sin = reinterpret_cast<sockaddr_in*>(&ifr.ifr_addr);
        sin->sin_family = AF_INET;
        ::inet_pton(AF_INET, address.c_str(), &sin->sin_addr);
        const bool ok = ::ioctl(fd, SIOCSIFADDR, &ifr) == 0;
        const int err = errno;
        ::close(fd);
        if (!ok) {
            throw std::runtime_error("cannot add " + address + " to lo: " + std::strerror(err));
        }
    }

    long long nowUs() const {
        return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - m_start)
            .count();
    }

    void event(const std::string& host, const std::string& sock, std::string call,
               std::string result, std::string detail = {}) {
        core::RecAppEvent e;
        e.tUs = nowUs();
        e.host = host;
        e.sock = sock;
        e.call = std::move(call);
        e.result = std::move(result);
        e.detail = std::move(detail);
        m_rec.appEvents.push_back(std::move(e));
    }

    void applyOptions(int fd, const std::string& host,
                      const std::vector<core::OptionOverride>& callOptions) {
        std::vector<std::pair<std::string, std::string>> all;
        if (const auto it = m_plan.socketOptions.find(host); it != m_plan.socketOptions.end()) {
            all = it->second;
        }
        for (const auto& o : callOptions) {
            all.emplace_back(o.name, o.value);
        }
        for (const auto& [name, value] : all) {
            const auto v = core::parseOptionValue(name, value, core::KernelProfile::Linux6);
            if (name == "SO_LINGER") {
                const ::linger l{static_cast<int>(v.a), static_cast<int>(v.b)};
                ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
            } else if (name == "SO_REUSEADDR" || name == "SO_REUSEPORT") {
                const int on = static_cast<int>(v.a);
                ::setsockopt(fd, SOL_SOCKET, name == "SO_REUSEADDR" ? SO_REUSEADDR : SO_REUSEPORT,
                             &on, sizeof on);
            } else if (name == "TCP_LINGER2") {
                const int secs = static_cast<int>(v.a);
                ::setsockopt(fd, IPPROTO_TCP, TCP_LINGER2, &secs, sizeof secs);
            } else {
                throw std::invalid_argument("socket option " + name +
                                            " is not reproducible in kernel-run yet");
            }
        }
    }

    int newSocket() {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        const timeval timeout{2, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
        return fd;
    }

    AppSocket* find(const std::string& host, const std::string& name) {
        const auto it = m_sockets.find({host, name});
        return it == m_sockets.end() || it->second.fd < 0 ? nullptr : &it->second;
    }

    void execute(const AppCall& c) {
        const std::string call(core::appCallName(c.call));
        const std::string& addr = m_address.at(c.host);
        switch (c.call) {
            case AppCallKind::Listen: {
                AppSocket s;
                s.fd = newSocket();
                s.host = c.host;
                s.name = c.sock;
                s.listener = true;
                applyOptions(s.fd, c.host, c.sockOptions);
                const auto a = makeAddr(addr, c.port);
                if (::bind(s.fd, reinterpret_cast<const sockaddr*>(&a), sizeof a) != 0 ||
                    ::listen(s.fd, 1024) != 0) {
                    event(c.host, c.sock, call, errnoName(errno));
                    ::close(s.fd);
                    return;
                }
                event(c.host, c.sock, call, "ok");
                m_sockets[{c.host, c.sock}] = s;
                return;
            }
            case AppCallKind::Connect: {
                AppSocket s;
                s.fd = newSocket();
                s.host = c.host;
                s.name = c.sock;
                s.autoRead = c.autoRead;
                s.closeOnEof = c.closeOnEof;
                applyOptions(s.fd, c.host, c.sockOptions);
                const int one = 1;
                if (c.localPort == 0) {
                    ::setsockopt(s.fd, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &one, sizeof one);
                }
                const auto local = makeAddr(addr, c.localPort);
                if (::bind(s.fd, reinterpret_cast<const sockaddr*>(&local), sizeof local) != 0) {
                    event(c.host, c.sock, call, errnoName(errno), "bind");
                    ::close(s.fd);
                    return;
                }
                const auto peer = makeAddr(m_address.at(c.to), c.port);
                if (::connect(s.fd, reinterpret_cast<const sockaddr*>(&peer), sizeof peer) != 0) {
                    event(c.host, c.sock, call, errnoName(errno));
                    ::close(s.fd);
                    return;
                }
                sockaddr_in got{};
                socklen_t len = sizeof got;
                ::getsockname(s.fd, reinterpret_cast<sockaddr*>(&got), &len);
                event(c.host, c.sock, call, "ok",
                      "local " + addr + ":" + std::to_string(ntohs(got.sin_port)));
                m_sockets[{c.host, c.sock}] = s;
                return;
            }
            case AppCallKind::Accept: {
                AppSocket s;
                s.host = c.host;
                s.name = c.sock;
                s.autoRead = c.autoRead;
                s.closeOnEof = c.closeOnEof;
                s.pendingAccept = true;
                s.pendingListener = c.listener;
                m_sockets[{c.host, c.sock}] = s;
                // Waiting accept() calls are served in the order they were made, as the engine
                // queues them at the listener.
                m_acceptQueue.emplace_back(c.host, c.sock);
                serviceAccepts();
                return;
            }
            case AppCallKind::Send: {
                AppSocket* s = find(c.host, c.sock);
                if (!s) {
                    event(c.host, c.sock, call, "EBADF");
                    return;
                }
                // Never block the replay: what the socket buffer cannot take now is written by
                // service() as the peer reads, like a blocking send() returning later.
                s->pendingSend += c.bytes;
                const int err = pushPending(*s);
                event(
                    c.host, c.sock, call, err != 0 ? errnoName(err) : "ok",
                    err != 0 ? "" : std::to_string(c.bytes) + (c.bytes == 1 ? " byte" : " bytes"));
                return;
            }
            case AppCallKind::Recv: {
                AppSocket* s = find(c.host, c.sock);
                if (!s) {
                    event(c.host, c.sock, call, "EBADF");
                    return;
                }
                readNow(*s, c.bytes, true);
                return;
            }
            case AppCallKind::Shutdown: {
                AppSocket* s = find(c.host, c.sock);
                const int rc = s ? ::shutdown(s->fd, SHUT_WR) : -1;
                event(c.host, c.sock, call, !s ? "EBADF" : rc == 0 ? "ok" : errnoName(errno));
                return;
            }
            case AppCallKind::Close: {
                AppSocket* s = find(c.host, c.sock);
                if (!s) {
                    event(c.host, c.sock, call, "EBADF");
                    return;
                }
                ::close(s->fd);
                s->fd = -1;
                event(c.host, c.sock, call, "ok");
                return;
            }
        }
    }

    void tryAccept(AppSocket& s) {
        AppSocket* listener = find(s.host, s.pendingListener);
        if (!listener) {
            s.pendingAccept = false;
            event(s.host, s.name, "accept", "EBADF");
            return;
        }
        pollfd pfd{listener->fd, POLLIN, 0};
        if (::poll(&pfd, 1, 0) != 1) {
            return;
        }
        const int fd = ::accept4(listener->fd, nullptr, nullptr, SOCK_CLOEXEC);
        s.pendingAccept = false;
        if (fd < 0) {
            event(s.host, s.name, "accept", errnoName(errno));
            return;
        }
        s.fd = fd;
        event(s.host, s.name, "accept", "ok");
    }

    // Reads what is queued without blocking. explicitCall: a scenario recv() (always recorded).
    void readNow(AppSocket& s, std::uint64_t bytes, bool explicitCall) {
        char buffer[65536];
        std::uint64_t total = 0;
        for (int i = 0; i < 10000; ++i) {
            const std::size_t want =
                bytes == 0 ? sizeof buffer : std::min<std::uint64_t>(sizeof buffer, bytes - total);
            if (want == 0) {
                break;
            }
            const ssize_t n = ::recv(s.fd, buffer, want, MSG_DONTWAIT);
            if (n > 0) {
                total += static_cast<std::uint64_t>(n);
                // One call returns what is queued; a pending error (ECONNRESET) or EOF belongs
                // to the next call, as tcp_recvmsg() reports it only when nothing was copied.
                int queued = 0;
                if (::ioctl(s.fd, FIONREAD, &queued) != 0 || queued == 0) {
                    break;
                }
                continue;
            }
            if (n == 0) {
                if (!s.sawEof) {
                    s.sawEof = true;
                    event(s.host, s.name, "recv", "ok",
                          total > 0 ? "read " + std::to_string(total) +
                                          (total == 1 ? " byte, EOF" : " bytes, EOF")
                                    : "EOF");
                    if (s.closeOnEof) {
                        ::close(s.fd);
                        s.fd = -1;
                        event(s.host, s.name, "close", "ok", "on EOF");
                    }
                }
                return;
            }
            if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
                break;
            }
            event(s.host, s.name, "recv", errnoName(errno));
            s.autoRead = false;
            return;
        }
        if (explicitCall) {
            event(s.host, s.name, "recv", "ok",
                  "read " + std::to_string(total) + (total == 1 ? " byte" : " bytes"));
        }
    }

    // Writes as much of the pending bytes as the socket takes without blocking; 0 or an errno.
    static int pushPending(AppSocket& s) {
        static const std::string chunk(65536, 'x');
        for (int i = 0; i < 100000 && s.pendingSend > 0; ++i) {
            const auto want =
                static_cast<std::size_t>(std::min<std::uint64_t>(chunk.size(), s.pendingSend));
            const ssize_t n = ::send(s.fd, chunk.data(), want, MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n > 0) {
                s.pendingSend -= static_cast<std::uint64_t>(n);
                continue;
            }
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
                return 0;
            }
            s.pendingSend = 0;
            return n < 0 ? errno : 0;
        }
        return 0;
    }

    void serviceAccepts() {
        for (auto it = m_acceptQueue.begin(); it != m_acceptQueue.end();) {
            auto& s = m_sockets[*it];
            if (s.pendingAccept) {
                tryAccept(s);
            }
            it = s.pendingAccept ? std::next(it) : m_acceptQueue.erase(it);
        }
    }

    void service() {
        serviceAccepts();
        for (auto& [key, s] : m_sockets) {
            if (s.fd >= 0 && s.pendingSend > 0) {
                if (const int err = pushPending(s); err != 0) {
                    event(s.host, s.name, "send", errnoName(err), "while writing queued bytes");
                }
            }
            if (s.fd >= 0 && !s.listener && s.autoRead) {
                readNow(s, 0, false);
            }
        }
    }

    std::string hostOfAddress(const std::string& ep) const {
        const auto ip = ep.substr(0, ep.rfind(':'));
        for (const auto& h : m_sc.hosts) {
            if (h.address == ip) {
                return h.name;
            }
        }
        return m_sc.hosts.empty() ? std::string() : m_sc.hosts.front().name;
    }

    void observe(long long tUs) {
        std::map<std::pair<std::string, std::string>, core::TcpState> seen;
        m_last.clear();
        SockDiag::forEachTcpSocket([&](const SocketEntry& e) {
            const auto state = toCore(e.state);
            if (!state || e.family != AF_INET) {
                return;
            }
            const auto local = endpoint(e.localAddr, e.localPort);
            const auto remote = *state == core::TcpState::Listen
                                    ? std::string("*:*")
                                    : endpoint(e.remoteAddr, e.remotePort);
            seen[{local, remote}] = *state;
            m_last.push_back(e);
        });
        for (const auto& [key, state] : seen) {
            auto it = m_states.find(key);
            if (it == m_states.end()) {
                const int id = ++m_nextId;
                m_ids[key] = id;
                record(tUs, key, id, core::TcpState::Closed, state);
                m_states[key] = state;
            } else if (it->second != state) {
                record(tUs, key, m_ids[key], it->second, state);
                it->second = state;
            }
        }
        for (auto it = m_states.begin(); it != m_states.end();) {
            if (seen.count(it->first) == 0) {
                record(tUs, it->first, m_ids[it->first], it->second, core::TcpState::Closed);
                m_ids.erase(it->first);
                it = m_states.erase(it);
            } else {
                ++it;
            }
        }
    }

    void addSegment(const LoopbackCapture::Segment& seg) {
        std::array<std::uint8_t, 16> src{};
        std::array<std::uint8_t, 16> dst{};
        std::memcpy(src.data(), seg.src.data(), 4);
        std::memcpy(dst.data(), seg.dst.data(), 4);
        core::RecSegment r;
        r.tUs = std::max(0LL, seg.realtimeUs - m_realStartUs);
        r.src = endpoint(src, seg.sport);
        r.dst = endpoint(dst, seg.dport);
        r.from = hostOfAddress(r.src);
        r.to = hostOfAddress(r.dst);
        r.flags = seg.flags;
        r.seq = seg.seq;
        r.ack = seg.ack;
        r.len = seg.len;
        r.hasTs = seg.hasTs;
        r.tsval = seg.tsval;
        r.tsecr = seg.tsecr;
        r.arriveUs = r.tUs;  // loopback: delivered within microseconds
        const auto sender = m_ids.find({r.src, r.dst});
        r.socket = sender == m_ids.end() ? 0 : sender->second;
        m_rec.segments.push_back(std::move(r));
    }

    void record(long long tUs, const std::pair<std::string, std::string>& key, int id,
                core::TcpState from, core::TcpState to) {
        core::RecTransition t;
        t.tUs = tUs;
        t.host = hostOfAddress(key.first);
        t.socket = id;
        t.local = key.first;
        t.remote = key.second;
        t.from = from;
        t.to = to;
        t.cause = "observed";
        m_rec.transitions.push_back(std::move(t));
    }

    void finalSockets() {
        for (const auto& e : m_last) {
            const auto state = toCore(e.state);
            if (!state || e.family != AF_INET) {
                continue;
            }
            core::SocketRow row;
            row.local = endpoint(e.localAddr, e.localPort);
            row.remote = *state == core::TcpState::Listen ? std::string("*:*")
                                                          : endpoint(e.remoteAddr, e.remotePort);
            row.host = hostOfAddress(row.local);
            row.state = *state;
            row.recvQ = e.rqueue;
            row.sendQ = e.wqueue;
            if (e.isTimewaitSock()) {
                row.timer = "timewait," + std::to_string(e.expiresMs) + "ms";
            }
            const auto idIt = m_ids.find({row.local, row.remote});
            row.socket = idIt == m_ids.end() ? 0 : idIt->second;
            for (std::size_t h = 0; h < m_sc.hosts.size(); ++h) {
                if (m_sc.hosts[h].name == row.host) {
                    m_rec.finalSockets[h].push_back(row);
                }
            }
        }
    }

    const core::Scenario& m_sc;
    const Plan& m_plan;
    long long m_untilUs;
    std::map<std::string, std::string> m_address;
    std::map<std::pair<std::string, std::string>, AppSocket> m_sockets;
    std::deque<std::pair<std::string, std::string>> m_acceptQueue;
    std::map<std::pair<std::string, std::string>, core::TcpState> m_states;
    std::map<std::pair<std::string, std::string>, int> m_ids;
    std::vector<SocketEntry> m_last;
    int m_nextId = 0;
    Clock::time_point m_start;
    long long m_realStartUs = 0;
    core::Recording m_rec;
};

}  // namespace

KernelRun::Result KernelRun::run(const core::Scenario& scenario, const core::RunConfig& config,
                                 long long untilMs) {
    const Plan plan = makePlan(scenario, config);
    long long until = scenario.durationUs / 1000;
    if (untilMs > 0) {
        until = std::min(until, untilMs);
    }
    if (until > kMaxRunMs) {
        throw std::invalid_argument("kernel-run runs in real time; use --until-ms up to 600000");
    }
    NetnsRunner::Options options;
    options.sysctls = plan.sysctls;
    options.timeout = std::chrono::milliseconds(until + 30'000);
    const std::string text = NetnsRunner::run(options, [&] {
        Replay replay(scenario, plan, until);
        return core::toJson(replay.run()).dump();
    });
    Result result;
    result.recording = core::recordingFromJson(nlohmann::json::parse(text));
    result.recording.source = "kernel";
    // The lesson's beats follow what the real kernel did, as they follow the engine.
    result.recording.beats = core::resolveBeats(scenario, result.recording);
    result.notes = plan.notes;
    result.notReplayed = plan.notReplayed;
    return result;
}

nlohmann::json KernelRun::toJson(const Result& result) {
    auto out = nlohmann::json::parse(core::toJson(result.recording).dump());
    out["source"] = "kernel";
    out["kernel_notes"] = result.notes;
    out["not_reproducible"] = result.notReplayed;
    return out;
}

}  // namespace closelab::kernel
