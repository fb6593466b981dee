// The scenario engine (simulate()) and the load model (runLoad()) follow one TCP rulebook
// (src/core/tcp/): the same lifecycle, run through both, must end the same way. Hundreds of
// generated configurations (close order, peer behaviour, options, kernel profiles), each a
// client-server exchange of one or two connections, are compared on every socket's states and
// when it entered them, every connect() result and every MIB counter of every host.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/counters.h"
#include "core/load/load_model.h"
#include "core/recording.h"
#include "core/rng.h"
#include "core/scenario.h"
#include "core/simulate.h"

namespace closelab::core {
namespace {

// The load model runs its application back to back; the scenario below calls the same
// functions 1-3 µs after the segment they react to has arrived. Times agree within this.
constexpr SimTime kSlackUs = 10;
constexpr std::uint16_t kServerPort = 8080;  // the load model's first listening port

struct Lifecycle {
    KernelProfile profile = KernelProfile::Linux6;
    bool loopback = false;
    LoadCloser closer = LoadCloser::Client;
    PeerClose peer = PeerClose::Normal;
    std::int64_t peerDelayMs = 0;
    int connections = 1;
    SimTime secondAtUs = 0;  // connections == 2: when the second connect() starts
    // NAME=VALUE for every host, or HOST.NAME=VALUE (HOST is "client" or "server"; with
    // loopback both are the one host "localhost").
    std::vector<std::pair<std::string, std::string>> settings;
    std::int64_t durationMs = 150'000;

    std::string describe() const {
        std::ostringstream o;
        o << profileName(profile) << (loopback ? " loopback" : "")
          << (closer == LoadCloser::Client ? " client-first" : " server-first") << " peer="
          << (peer == PeerClose::Normal  ? "normal"
              : peer == PeerClose::Never ? "never"
                                         : "delay:" + std::to_string(peerDelayMs))
          << " connections=" << connections;
        if (connections == 2)
            o << " second@" << secondAtUs << "us";
        for (const auto& [n, v] : settings)
            o << " " << n << "=" << v;
        return o.str();
    }
};

SimTime owdUs(const Lifecycle& l) {
    return l.loopback ? 25 : 500;  // the load model's default RTT halves (0.05 ms, 1 ms)
}

std::string hostFor(const Lifecycle& l, const std::string& role) {
    return l.loopback ? std::string("localhost") : role;
}

// The load model's lifecycle written as a scenario timeline.
Scenario scenarioFor(const Lifecycle& l) {
    Scenario sc;
    sc.id = "engine-vs-load";
    sc.kernel = l.profile;
    sc.durationUs = msToUs(l.durationMs);
    auto addHost = [&](const char* name, const char* address) {
        HostSpec h;
        h.name = name;
        h.address = address;
        sc.hosts.push_back(h);
    };
    if (l.loopback) {
        addHost("localhost", "127.0.0.1");
    } else {
        addHost("client", "10.0.1.1");
        addHost("server", "10.0.0.1");
    }
    sc.defaultLink.delayUs = owdUs(l);
    const std::string client = hostFor(l, "client");
    const std::string server = hostFor(l, "server");
    const SimTime owd = owdUs(l);
    const SimTime rtt = 2 * owd;
    auto call = [&](SimTime t, const std::string& host, AppCallKind kind, const std::string& sock) {
        AppCall c;
        c.t = t;
        c.host = host;
        c.call = kind;
        c.sock = sock;
        return c;
    };
    AppCall listen = call(0, server, AppCallKind::Listen, "l");
    listen.port = kServerPort;
    sc.timeline.push_back(listen);
    for (int k = 0; k < l.connections; ++k) {
        const SimTime t0 = k == 0 ? 0 : l.secondAtUs;
        const std::string c = "c" + std::to_string(k);
        const std::string s = "s" + std::to_string(k);
        AppCall accept = call(0, server, AppCallKind::Accept, s);
        accept.listener = "l";
        accept.closeOnEof = l.closer == LoadCloser::Client && l.peer == PeerClose::Normal;
        sc.timeline.push_back(accept);
        AppCall connect = call(t0, client, AppCallKind::Connect, c);
        connect.to = server;
        connect.port = kServerPort;
        connect.closeOnEof = l.closer == LoadCloser::Server && l.peer == PeerClose::Normal;
        sc.timeline.push_back(connect);
        // SYN-ACK at t0 + rtt; request at the server at t0 + rtt + owd; response back at
        // t0 + 2 rtt.
        AppCall request = call(t0 + rtt + 1, client, AppCallKind::Send, c);
        request.bytes = 100;
        sc.timeline.push_back(request);
        AppCall response = call(t0 + rtt + owd + 2, server, AppCallKind::Send, s);
        response.bytes = 1000;
        sc.timeline.push_back(response);
        if (l.closer == LoadCloser::Client) {
            const SimTime closeAt = t0 + 2 * rtt + 3;
            sc.timeline.push_back(call(closeAt, client, AppCallKind::Close, c));
            if (l.peer == PeerClose::Delay)
                sc.timeline.push_back(
                    call(closeAt + owd + msToUs(l.peerDelayMs), server, AppCallKind::Close, s));
        } else {
            const SimTime closeAt = t0 + rtt + owd + 3;
            sc.timeline.push_back(call(closeAt, server, AppCallKind::Close, s));
            if (l.peer == PeerClose::Delay)
                sc.timeline.push_back(
                    call(closeAt + owd + msToUs(l.peerDelayMs), client, AppCallKind::Close, c));
        }
    }
    std::stable_sort(sc.timeline.begin(), sc.timeline.end(),
                     [](const AppCall& a, const AppCall& b) { return a.t < b.t; });
    return sc;
}

RunConfig runConfigFor(const Lifecycle& l) {
    RunConfig cfg;
    cfg.seed = 1;
    for (const auto& [name, value] : l.settings) {
        OptionOverride o;
        o.name = name;
        o.value = value;
        for (const char* role : {"client.", "server."}) {
            if (name.rfind(role, 0) == 0) {
                o.host = hostFor(l, std::string(role, std::strlen(role) - 1));
                o.name = name.substr(std::strlen(role));
            }
        }
        cfg.overrides.push_back(o);
    }
    return cfg;
}

LoadSpec loadSpecFor(const Lifecycle& l) {
    LoadSpec spec;
    spec.count = l.connections;
    spec.ratePerS = l.connections == 2 ? 1e6 / static_cast<double>(l.secondAtUs) : 1.0;
    spec.durationS = static_cast<double>(l.durationMs) / 1000.0;
    spec.closer = l.closer;
    spec.peerClose = l.peer;
    spec.peerCloseDelayMs = l.peerDelayMs;
    spec.loopback = l.loopback;
    spec.kernel = std::string(profileName(l.profile));
    spec.sampleMs = 10'000;
    spec.connections = true;
    spec.traceStates = true;
    for (const auto& [name, value] : l.settings) {
        std::string n = name;
        if (l.loopback) {
            for (const char* role : {"client.", "server."}) {
                if (n.rfind(role, 0) == 0)
                    n = "localhost." + n.substr(std::strlen(role));
            }
        }
        spec.settings.emplace_back(n, value);
    }
    return spec;
}

// One socket state change, as both engines report it.
struct Change {
    SimTime t = 0;
    std::string host;
    bool server = false;
    TcpState from = TcpState::Closed;
    TcpState to = TcpState::Closed;
};

std::string text(const Change& c) {
    return std::to_string(c.t) + "us " + c.host + (c.server ? " server " : " client ") +
           std::string(stateName(c.from)) + "->" + std::string(stateName(c.to));
}

bool endsAtServerPort(const std::string& endpoint) {
    return endpoint.size() > 5 && endpoint.substr(endpoint.size() - 5) == ":8080";
}

std::vector<Change> engineChanges(const Recording& rec) {
    std::vector<Change> out;
    for (const auto& t : rec.transitions) {
        if (t.from == TcpState::Listen || t.to == TcpState::Listen || t.from == t.to)
            continue;
        out.push_back(Change{t.tUs, t.host, endsAtServerPort(t.local), t.from, t.to});
    }
    return out;
}

std::vector<Change> loadChanges(const LoadResult& r) {
    std::vector<Change> out;
    for (const auto& c : r.stateChanges)
        out.push_back(Change{c.tUs, r.hosts[c.host].host, c.server, c.from, c.to});
    return out;
}

// Per socket role (client or server of a host) the changes in order: both engines must visit
// the same states at the same times (within kSlackUs).
std::string compareChanges(const std::vector<Change>& engine, const std::vector<Change>& load) {
    std::ostringstream diff;
    auto of = [](const std::vector<Change>& all, const std::string& host, bool server) {
        std::vector<Change> out;
        for (const auto& c : all) {
            if (c.host == host && c.server == server)
                out.push_back(c);
        }
        return out;
    };
    std::vector<std::string> hosts;
    for (const auto& c : engine) {
        if (std::find(hosts.begin(), hosts.end(), c.host) == hosts.end())
            hosts.push_back(c.host);
    }
    for (const auto& c : load) {
        if (std::find(hosts.begin(), hosts.end(), c.host) == hosts.end())
            hosts.push_back(c.host);
    }
    for (const auto& host : hosts) {
        for (bool server : {false, true}) {
            const auto e = of(engine, host, server);
            const auto l = of(load, host, server);
            const std::size_t n = std::max(e.size(), l.size());
            for (std::size_t i = 0; i < n; ++i) {
                const bool same = i < e.size() && i < l.size() && e[i].from == l[i].from &&
                                  e[i].to == l[i].to && std::llabs(e[i].t - l[i].t) <= kSlackUs;
                if (same)
                    continue;
                diff << "  " << host << (server ? " server" : " client") << " change " << i
                     << ": engine " << (i < e.size() ? text(e[i]) : "(none)") << ", load "
                     << (i < l.size() ? text(l[i]) : "(none)") << "\n";
                break;
            }
        }
    }
    return diff.str();
}

std::string compareConnects(const Recording& rec, const LoadResult& r) {
    std::vector<std::string> engine;
    for (const auto& a : rec.appEvents) {
        if (a.call == "connect")
            engine.push_back(a.result);
    }
    std::vector<std::string> load;
    for (const auto& c : r.connections)
        load.push_back(std::string(kConnectOutcomeNames[static_cast<std::size_t>(c.result)]));
    if (engine == load)
        return "";
    std::string e, l;
    for (const auto& x : engine)
        e += " " + x;
    for (const auto& x : load)
        l += " " + x;
    return "  connect(): engine" + e + ", load" + l + "\n";
}

std::string compareCounters(const Recording& rec, const LoadResult& r) {
    std::ostringstream diff;
    for (std::size_t hi = 0; hi < rec.hosts.size(); ++hi) {
        const std::string& host = rec.hosts[hi].name;
        const auto it = r.summary.counters.find(host);
        for (std::size_t m = 0; m < kMibCount; ++m) {
            const auto mib = static_cast<Mib>(m);
            const std::uint64_t e = rec.counters[hi].get(mib);
            std::int64_t l = 0;
            if (it != r.summary.counters.end()) {
                const auto v = it->second.find(std::string(mibName(mib)));
                if (v != it->second.end())
                    l = v->second;
            }
            if (static_cast<std::int64_t>(e) != l)
                diff << "  " << host << " " << mibName(mib) << ": engine " << e << ", load " << l
                     << "\n";
        }
    }
    return diff.str();
}

// Empty when both engines agree; else one line per difference.
std::string differences(const Lifecycle& l) {
    const Recording rec = simulate(scenarioFor(l), runConfigFor(l));
    const LoadResult res = runLoad(loadSpecFor(l));
    return compareConnects(rec, res) + compareChanges(engineChanges(rec), loadChanges(res)) +
           compareCounters(rec, res);
}

// --- generated configurations -----------------------------------------------------------

template <class T>
T pick(Rng& rng, std::initializer_list<T> values) {
    const auto i = rng.below(static_cast<std::uint32_t>(values.size()));
    return *(values.begin() + i);
}

Lifecycle generate(std::uint64_t seed) {
    Rng rng(seed * 0x9E3779B97F4A7C15ULL + 17);
    Lifecycle l;
    l.profile = pick(rng, {KernelProfile::Linux6, KernelProfile::Linux6, KernelProfile::Linux6,
                           KernelProfile::Linux49, KernelProfile::Linux49, KernelProfile::Rfc793});
    l.loopback = rng.below(5) == 0;
    l.closer = rng.below(3) == 0 ? LoadCloser::Server : LoadCloser::Client;
    switch (rng.below(5)) {
        case 0:
            l.peer = PeerClose::Never;
            break;
        case 1:
            l.peer = PeerClose::Delay;
            l.peerDelayMs = pick<std::int64_t>(rng, {10, 100, 1500});
            break;
        default:
            l.peer = PeerClose::Normal;
    }
    auto set = [&](const std::string& n, const std::string& v) { l.settings.emplace_back(n, v); };
    const bool v49 = l.profile == KernelProfile::Linux49;
    // The rfc793 teaching profile has only the options with an RFC meaning.
    const bool linux = l.profile != KernelProfile::Rfc793;
    const int ts = v49 ? pick(rng, {0, 1, 1}) : pick(rng, {0, 1, 1, 2});
    if (linux && ts != 1)
        set("net.ipv4.tcp_timestamps", std::to_string(ts));
    const int reuse = v49 ? pick(rng, {0, 1}) : pick(rng, {0, 1, 2});
    if (linux)
        set("net.ipv4.tcp_tw_reuse", std::to_string(reuse));
    int reuseDelayMs = 1000;
    if (linux && !v49 && rng.below(2) == 0) {
        reuseDelayMs = pick(rng, {1, 200, 1000});
        set("net.ipv4.tcp_tw_reuse_delay", std::to_string(reuseDelayMs));
    }
    if (linux && rng.below(6) == 0)
        set("net.ipv4.tcp_max_tw_buckets", pick<std::string>(rng, {"0", "1"}));
    if (linux && rng.below(3) == 0)
        set("client.net.ipv4.tcp_fin_timeout", pick<std::string>(rng, {"1", "5", "90"}));
    if (linux && rng.below(4) == 0)
        set("client.TCP_LINGER2", pick<std::string>(rng, {"-1", "5", "90", "200"}));
    if (rng.below(6) == 0) {
        set(l.closer == LoadCloser::Client ? "client.SO_LINGER" : "server.SO_LINGER",
            pick<std::string>(rng, {"1,0", "1,1"}));
    }
    std::int64_t twLenMs = 60'000;  // TCP_TIMEWAIT_LEN, and 2 x rfc793's default MSL
    if (l.profile == KernelProfile::Rfc793 && rng.below(2) == 0) {
        const std::int64_t msl = pick<std::int64_t>(rng, {1000, 10'000});
        set("closelab.msl_ms", std::to_string(msl));
        twLenMs = 2 * msl;
    }
    if (rng.below(5) == 0) {
        twLenMs = pick<std::int64_t>(rng, {0, 2000, 5000});
        set("closelab.time_wait_len_ms", std::to_string(twLenMs));
    }
    if (v49 && rng.below(3) == 0)
        set(pick<std::string>(rng, {"client.", "server.", ""}) + "net.ipv4.tcp_tw_recycle", "1");
    const bool onePort = rng.below(5) < 2;
    if (onePort)
        set("net.ipv4.ip_local_port_range", "40000 40000");
    if (rng.below(2) == 0) {
        l.connections = 2;
        // The client's TIME_WAIT begins when the server's FIN arrives: 2 one-way delays after
        // the client's FIN, which goes out 2 round trips after connect().
        const SimTime owd = owdUs(l);
        const SimTime twEntry = 6 * owd;
        const SimTime delay = msToUs(v49 ? 1000 : reuseDelayMs);
        l.secondAtUs = pick<SimTime>(
            rng, {twEntry + delay - 700, twEntry + delay + 300, twEntry + delay + 1300,
                  secToUs(2) + 250, msToUs(twLenMs) + secToUs(1) + 250, secToUs(30) + 250});
        if (l.secondAtUs <= 20 * owd)
            l.secondAtUs = secToUs(2) + 250;
    }
    return l;
}

// Named configurations: one per divergence the two engines had (docs/engine.md lists the
// decisions), so a failure names the rule.
struct Named {
    const char* name;
    Lifecycle lifecycle;
};

std::vector<Named> namedCases() {
    std::vector<Named> out;
    auto add = [&](const char* name, std::function<void(Lifecycle&)> f) {
        Lifecycle l;
        f(l);
        out.push_back({name, l});
    };
    add("time_wait_len_ms=0 removes TIME_WAIT", [](Lifecycle& l) {
        l.settings = {{"closelab.time_wait_len_ms", "0"}};
    });
    add("TCP_LINGER2=-1 aborts the orphaned FIN_WAIT_2", [](Lifecycle& l) {
        l.peer = PeerClose::Delay;  // the peer's FIN meets no socket: RST, not retransmitted
        l.peerDelayMs = 100;
        l.settings = {{"client.TCP_LINGER2", "-1"}};
    });
    add("TCP_LINGER2=-1, peer never closes", [](Lifecycle& l) {
        l.peer = PeerClose::Never;
        l.settings = {{"client.TCP_LINGER2", "-1"}};
    });
    add("linux-4.9 TCP_LINGER2 above tcp_fin_timeout means the sysctl", [](Lifecycle& l) {
        l.profile = KernelProfile::Linux49;
        l.peer = PeerClose::Never;
        l.settings = {{"client.TCP_LINGER2", "90"}};
    });
    add("tw_reuse 1 ms after the delay: time_after32 is strict", [](Lifecycle& l) {
        l.connections = 2;
        l.settings = {{"net.ipv4.tcp_tw_reuse", "1"},
                      {"net.ipv4.ip_local_port_range", "40000 40000"}};
        l.secondAtUs = 3000 + secToUs(1) + 300;  // after entry + delay, in the same ms as it
    });
    add("linux-4.9 PAWS in TIME_WAIT counts PAWSEstab", [](Lifecycle& l) {
        l.profile = KernelProfile::Linux49;
        l.closer = LoadCloser::Server;
        l.connections = 2;
        l.settings = {{"net.ipv4.ip_local_port_range", "40000 40000"}};
        l.secondAtUs = secToUs(2) + 250;
    });
    add("linux-4.9 recycled TIME_WAIT", [](Lifecycle& l) {
        l.profile = KernelProfile::Linux49;
        l.settings = {{"net.ipv4.tcp_tw_recycle", "1"}};
    });
    add("fin_timeout 90 s: keepalive hand-over", [](Lifecycle& l) {
        l.peer = PeerClose::Never;
        l.settings = {{"client.net.ipv4.tcp_fin_timeout", "90"}};
    });
    return out;
}

TEST(EngineVsLoad, NamedDivergencesAgree) {
    std::string all;
    for (const auto& n : namedCases()) {
        const std::string d = differences(n.lifecycle);
        if (!d.empty())
            all += std::string(n.name) + " [" + n.lifecycle.describe() + "]\n" + d;
    }
    EXPECT_EQ(all, "");
}

// Generated configurations that still differ because one engine models something the other
// does not (yet): docs/engine.md "Not shared yet". Each must still differ, so the list shrinks
// when a model is added.
const std::map<std::uint64_t, const char*>& knownDifferent() {
    static const std::map<std::uint64_t, const char*> known = {
        // The peer's FIN is retransmitted (TCP_LINGER2=-1 dropped the socket that would have
        // ACKed it): the engine sends a tail loss probe first, the load model has none.
        {35, "tail loss probe"},
        {39, "tail loss probe"},
        {214, "tail loss probe"},
        {225, "tail loss probe"},
        {229, "tail loss probe"},
        {265, "tail loss probe"},
        {331, "tail loss probe"},
        {353, "tail loss probe"},
        {380, "tail loss probe"},
        // A recycled TIME_WAIT lasts 3.5 x RTO: the engine estimates the RTO from its RTT
        // samples, the load model uses TCP_RTO_MIN + RTT.
        {38, "RTO estimate"},
        {70, "RTO estimate"},
        // SO_LINGER {1,N}: the engine's close() blocks until the FIN is ACKed, so the socket is
        // not an orphan yet; the load model orphans it at once.
        {171, "SO_LINGER {1,N} blocking close()"},
        // The second connect() meets the server's old CLOSE_WAIT socket, so its handshake takes
        // a SYN retransmission; the scenario's scripted close() assumes one round trip and
        // closes the connecting socket (the comparison's limit, not an engine's).
        {178, "scripted close() during a long handshake"},
        {271, "scripted close() during a long handshake"},
    };
    return known;
}

TEST(EngineVsLoad, GeneratedLifecyclesAgree) {
    constexpr std::uint64_t kConfigs = 400;
    std::string all;
    int failed = 0;
    for (std::uint64_t seed = 1; seed <= kConfigs; ++seed) {
        const Lifecycle l = generate(seed);
        const std::string d = differences(l);
        const auto known = knownDifferent().find(seed);
        if (known != knownDifferent().end()) {
            EXPECT_NE(d, "") << "seed " << seed << " (" << known->second
                             << ") agrees now: remove it from knownDifferent()";
            continue;
        }
        if (!d.empty()) {
            ++failed;
            if (failed <= 25)
                all += "seed " + std::to_string(seed) + " [" + l.describe() + "]\n" + d;
        }
    }
    EXPECT_EQ(failed, 0) << all;
}

// The comparison itself can fail: a lifecycle whose server never closes is not one whose
// server closes at once.
TEST(EngineVsLoad, ComparisonSeesADifferentLifecycle) {
    Lifecycle a;
    Lifecycle b;
    b.peer = PeerClose::Never;
    const Recording rec = simulate(scenarioFor(a), runConfigFor(a));
    const LoadResult res = runLoad(loadSpecFor(b));
    EXPECT_NE(compareChanges(engineChanges(rec), loadChanges(res)), "");
    EXPECT_NE(compareCounters(rec, res), "");
}

}  // namespace
}  // namespace closelab::core
