#include "kernel/live_monitor.h"

#include <arpa/inet.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "kernel/proc_net_tcp.h"
#include "kernel/sock_diag.h"
#include "kernel/tcp_state.h"

namespace closelab::kernel {

namespace {

std::string endpointText(int family, const std::array<std::uint8_t, 16>& addr, std::uint16_t port) {
    char text[INET6_ADDRSTRLEN] = {};
    ::inet_ntop(family, addr.data(), text, sizeof text);
    return family == AF_INET6 ? "[" + std::string(text) + "]:" + std::to_string(port)
                              : std::string(text) + ":" + std::to_string(port);
}

nlohmann::json toJson(const std::vector<LiveSample::PortCount>& list) {
    auto out = nlohmann::json::array();
    for (const auto& p : list) {
        out.push_back({{"endpoint", p.endpoint}, {"count", p.count}});
    }
    return out;
}

}  // namespace

nlohmann::json toJson(const LiveSample& s) {
    return {
        {"t_ms", s.tMs},
        {"source", s.source},
        {"counts", s.counts},
        {"fin_wait_2_orphaned", s.orphanedFinWait2},
        {"fin_wait_2_half_closed", s.halfClosedFinWait2},
        {"ipv6", s.ipv6},
        {"counters", s.counters},
        {"top_ports",
         {{"TIME_WAIT", toJson(s.topTimeWaitPorts)},
          {"CLOSE_WAIT", toJson(s.topCloseWaitPorts)},
          {"TIME_WAIT_by_destination", toJson(s.topTimeWaitDestinations)}}},
    };
}

LiveMonitor::LiveMonitor(std::size_t topN, bool forceProc)
    : m_topN(topN), m_forceProc(forceProc), m_start(std::chrono::steady_clock::now()) {}

namespace {

// Integer keys while counting (no string per socket: 100,000 TIME_WAIT must stay cheap); text
// only for the few entries that make the top list.
struct DestinationKey {
    int family = 0;
    std::array<std::uint8_t, 16> addr{};
    std::uint16_t port = 0;
    bool operator==(const DestinationKey& o) const {
        return family == o.family && port == o.port && addr == o.addr;
    }
};

struct DestinationHash {
    std::size_t operator()(const DestinationKey& k) const {
        std::uint64_t a = 0, b = 0;
        std::memcpy(&a, k.addr.data(), 8);
        std::memcpy(&b, k.addr.data() + 8, 8);
        return std::hash<std::uint64_t>()(a * 0x9e3779b97f4a7c15ULL ^ b ^
                                          (static_cast<std::uint64_t>(k.port) << 8) ^
                                          static_cast<std::uint64_t>(k.family));
    }
};

// "1 connection", "2 connections": the diagnosis is English, so the two forms are English's
// (the same rule as the note templates' {n|one|other} selector).
std::string counted(long long n, std::string_view one, std::string_view other) {
    return std::to_string(n) + " " + std::string(n == 1 ? one : other);
}

std::vector<LiveSample::PortCount> topPorts(const std::vector<long long>& counts, std::size_t n) {
    std::vector<std::pair<long long, int>> nonZero;
    for (std::size_t port = 0; port < counts.size(); ++port) {
        if (counts[port] > 0) {
            nonZero.emplace_back(counts[port], static_cast<int>(port));
        }
    }
    const auto order = [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    };
    const auto keep = std::min(n, nonZero.size());
    std::partial_sort(nonZero.begin(), nonZero.begin() + static_cast<std::ptrdiff_t>(keep),
                      nonZero.end(), order);
    std::vector<LiveSample::PortCount> out;
    for (std::size_t i = 0; i < keep; ++i) {
        out.push_back({std::to_string(nonZero[i].second), nonZero[i].first});
    }
    return out;
}

}  // namespace

LiveSample LiveMonitor::summarise(const std::vector<SocketEntry>& entries, std::size_t topN) {
    Summariser summariser(topN);
    for (const auto& e : entries) {
        summariser.add(e);
    }
    return summariser.finish();
}

struct LiveMonitor::Summariser::Impl {
    std::size_t topN;
    LiveSample s;
    std::array<long long, 16> byState{};
    std::vector<long long> twPorts = std::vector<long long>(65536, 0);
    std::vector<long long> cwPorts = std::vector<long long>(65536, 0);
    std::unordered_map<DestinationKey, long long, DestinationHash> twDest;
};

LiveMonitor::Summariser::Summariser(std::size_t topN) : m_impl(std::make_unique<Impl>()) {
    m_impl->topN = topN;
}

LiveMonitor::Summariser::~Summariser() = default;

void LiveMonitor::Summariser::add(const SocketEntry& e) {
    auto& d = *m_impl;
    const int state = e.state == 12 ? 3 : e.state;  // TCP_NEW_SYN_RECV is shown as SYN_RECV
    if (state >= 1 && state <= 11) {
        ++d.byState[static_cast<std::size_t>(state)];
    }
    d.s.ipv6 += e.family == AF_INET6;
    if (state == static_cast<int>(TcpState::TimeWait)) {
        ++d.twPorts[e.localPort];
        ++d.twDest[DestinationKey{e.family, e.remoteAddr, e.remotePort}];
    } else if (state == static_cast<int>(TcpState::CloseWait)) {
        ++d.cwPorts[e.localPort];
    } else if (state == static_cast<int>(TcpState::FinWait2)) {
        ++(e.isOrphanedFinWait2() ? d.s.orphanedFinWait2 : d.s.halfClosedFinWait2);
    }
}

LiveSample LiveMonitor::Summariser::finish() {
    auto& d = *m_impl;
    for (int state = 1; state <= 11; ++state) {
        d.s.counts[std::string(*stateName(state))] = d.byState[static_cast<std::size_t>(state)];
    }
    d.s.topTimeWaitPorts = topPorts(d.twPorts, d.topN);
    d.s.topCloseWaitPorts = topPorts(d.cwPorts, d.topN);
    std::vector<std::pair<long long, DestinationKey>> dest;
    dest.reserve(d.twDest.size());
    for (const auto& [key, n] : d.twDest) {
        dest.emplace_back(n, key);
    }
    const auto keep = std::min(d.topN, dest.size());
    std::partial_sort(dest.begin(), dest.begin() + static_cast<std::ptrdiff_t>(keep), dest.end(),
                      [](const auto& a, const auto& b) {
                          if (a.first != b.first) {
                              return a.first > b.first;
                          }
                          return std::tie(a.second.family, a.second.addr, a.second.port) <
                                 std::tie(b.second.family, b.second.addr, b.second.port);
                      });
    for (std::size_t i = 0; i < keep; ++i) {
        const auto& k = dest[i].second;
        d.s.topTimeWaitDestinations.push_back(
            {endpointText(k.family, k.addr, k.port), dest[i].first});
    }
    return std::move(d.s);
}

LiveSample LiveMonitor::sample() {
    Summariser summariser(m_topN);
    std::string source = "sock_diag";
    if (!m_forceProc) {
        try {
            SockDiag::forEachTcpSocket([&summariser](const SocketEntry& e) { summariser.add(e); });
        } catch (const std::runtime_error&) {
            source = "proc";
            summariser = Summariser(m_topN);
        }
    }
    if (source == "proc" || m_forceProc) {
        source = "proc";
        for (const auto& e : ProcNetTcp::read()) {
            summariser.add(e);
        }
    }
    LiveSample s = summariser.finish();
    s.source = source;
    s.tMs = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                  m_start)
                .count();
    const auto counters = MibCounters::read();
    if (!m_firstCounters) {
        m_firstCounters = counters;
    }
    // The counters of the close story are always listed (stable CSV columns); any other counter
    // only when it moved.
    for (const auto& [name, value] : MibCounters::delta(*m_firstCounters, counters)) {
        const bool key =
            std::find(kKeyCounters.begin(), kKeyCounters.end(), name) != kKeyCounters.end();
        if (key || value != 0) {
            s.counters[name] = value;
        }
    }
    for (const auto name : kKeyCounters) {
        s.counters.emplace(std::string(name), 0);
    }
    return s;
}

std::pair<int, int> LiveMonitor::localPortRange() {
    std::ifstream in("/proc/sys/net/ipv4/ip_local_port_range");
    int low = 0, high = 0;
    if (in >> low >> high && low > 0 && high >= low) {
        return {low, high};
    }
    return {32768, 60999};
}

std::vector<LiveMonitor::Diagnosis> LiveMonitor::diagnose(const LiveSample& s,
                                                          std::pair<int, int> portRange) {
    std::vector<Diagnosis> out;
    // A CLOSE_WAIT leak: the peer closed, our application never called close() (tcp_fin(): the
    // kernel only moves to CLOSE_WAIT and waits for the application; there is no timer).
    const long long closeWait = s.counts.at("CLOSE_WAIT");
    if (!s.topCloseWaitPorts.empty() && s.topCloseWaitPorts.front().count >= 10) {
        // At least 10 here, so "sockets are" always agrees.
        const auto& p = s.topCloseWaitPorts.front();
        out.push_back(
            {"close-wait-leak",
             std::to_string(p.count) + " of " + std::to_string(closeWait) +
                 " CLOSE_WAIT sockets are on local port " + p.endpoint +
                 ": the peer has closed, but the application behind port " + p.endpoint +
                 " has not called close(). CLOSE_WAIT never times out; no sysctl fixes it. Fix "
                 "the application: close the socket on EOF and on every error path, and evict "
                 "dead connections from its pools."});
    }
    // Port exhaustion: connect() needs a local port unique per destination
    // (__inet_hash_connect()); a TIME_WAIT 4-tuple blocks its port for 60 s (TCP_TIMEWAIT_LEN).
    const long long rangeSize = portRange.second - portRange.first + 1;
    if (!s.topTimeWaitDestinations.empty() && rangeSize > 0) {
        const auto& d = s.topTimeWaitDestinations.front();
        if (d.count * 2 >= rangeSize) {
            out.push_back(
                {"port-exhaustion-ahead",
                 counted(d.count, "TIME_WAIT socket", "TIME_WAIT sockets") + " toward " +
                     d.endpoint + (d.count == 1 ? " uses " : " use ") +
                     std::to_string(d.count * 100 / rangeSize) + "% of ip_local_port_range (" +
                     std::to_string(portRange.first) + "-" + std::to_string(portRange.second) +
                     "): new connect() calls to it will fail with EADDRNOTAVAIL once the range "
                     "is full. Helps: keep-alive or a connection pool, letting the server close "
                     "first, a wider ip_local_port_range, more destination addresses or ports, "
                     "tcp_tw_reuse=1 (needs tcp_timestamps; 2, the default, covers only "
                     "loopback). Hurts: tcp_tw_recycle (gone since Linux 4.12, dropped SYNs "
                     "behind NAT), a small tcp_max_tw_buckets (skips TIME_WAIT silently), "
                     "SO_LINGER {1,0} (RST and lost data). tcp_fin_timeout does not change "
                     "TIME_WAIT, which is always 60 s."});
        }
    }
    if (const auto it = s.counters.find("TCPTimeWaitOverflow");
        it != s.counters.end() && it->second > 0) {
        out.push_back({"tw-bucket-overflow",
                       counted(it->second, "connection", "connections") +
                           " skipped TIME_WAIT because tcp_max_tw_buckets was full "
                           "(TcpExt.TCPTimeWaitOverflow). Old duplicates can now reach new "
                           "connections on the same 4-tuple; raise the limit rather than rely "
                           "on it."});
    }
    // 100 or more here, so "sockets" always agrees.
    if (s.orphanedFinWait2 >= 100) {
        out.push_back({"orphaned-fin-wait-2",
                       std::to_string(s.orphanedFinWait2) +
                           " orphaned FIN_WAIT_2 sockets: this machine closed them but the peers "
                           "have not closed their side yet. The kernel drops each after "
                           "tcp_fin_timeout; look at the peer applications (they are probably in "
                           "CLOSE_WAIT)."});
    }
    return out;
}

}  // namespace closelab::kernel
