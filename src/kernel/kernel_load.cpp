#include "kernel/kernel_load.h"

#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <deque>
#include <map>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/load/load_model.h"
#include "core/load/load_result.h"
#include "kernel/mib_counters.h"
#include "kernel/netns_runner.h"
#include "kernel/sock_diag.h"

namespace closelab::kernel {

namespace {

using Clock = std::chrono::steady_clock;
using core::LoadSpecError;

constexpr std::uint16_t kServerBasePort = 8080;  // as the load model
constexpr std::size_t kMessageBytes = 100;
// Slab sizes of the load model's memory estimate (TIME_WAIT mini-sock 256 B, full socket).
constexpr std::uint64_t kTwSlabBytes = 256;
constexpr std::uint64_t kFullSlabBytes = 2368;

struct Setting {
    std::string host;  // "" = every host
    std::string name;
    std::string value;
};

Setting splitSetting(const std::pair<std::string, std::string>& raw) {
    Setting s{"", raw.first, raw.second};
    const auto dot = raw.first.find('.');
    if (dot != std::string::npos) {
        const auto head = raw.first.substr(0, dot);
        if (head == "client" || head == "server" || head == "localhost" || head == "nat" ||
            (head.rfind("client", 0) == 0 && head.size() > 6)) {
            s.host = head;
            s.name = raw.first.substr(dot + 1);
        }
    }
    return s;
}

// One namespace holds every host, so a sysctl can have one value only.
std::map<std::string, std::string> namespaceSysctls(const core::LoadSpec& spec) {
    std::map<std::string, std::string> out;
    for (const auto& raw : spec.settings) {
        const auto s = splitSetting(raw);
        if (s.name.rfind("net.", 0) != 0) {
            continue;
        }
        const auto [it, inserted] = out.emplace(s.name, s.value);
        if (!inserted && it->second != s.value) {
            throw LoadSpecError("kernel-load: " + s.name + " is set to " + it->second + " and " +
                                s.value +
                                " on different hosts; all hosts share one network "
                                "namespace in the kernel lab, so this is not reproducible");
        }
    }
    return out;
}

std::string hostAddress(const core::LoadSpec& spec, const std::string& host) {
    if (spec.loopback) {
        return "127.0.0.1";
    }
    if (host == "server") {
        return "10.0.0.1";
    }
    const int n = host == "client" ? 1 : std::stoi(host.substr(6));
    return "10.0.1." + std::to_string(n);
}

void addAddress(const std::string& label, const std::string& address) {
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

sockaddr_in makeAddr(const std::string& address, std::uint16_t port) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    ::inet_pton(AF_INET, address.c_str(), &a.sin_addr);
    return a;
}

class Fd {
public:
    explicit Fd(int fd = -1) : m_fd(fd) {}
    Fd(Fd&& o) noexcept : m_fd(o.m_fd) { o.m_fd = -1; }
    Fd& operator=(Fd&& o) noexcept {
        if (this != &o) {
            reset();
            m_fd = o.m_fd;
            o.m_fd = -1;
        }
        return *this;
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() { reset(); }
    int get() const { return m_fd; }
    void reset() {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
        m_fd = -1;
    }

private:
    int m_fd;
};

void boundTimeouts(int fd) {
    const timeval timeout{3, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
}

bool readExactly(int fd, std::size_t bytes) {
    char buffer[kMessageBytes];
    std::size_t got = 0;
    while (got < bytes) {
        const ssize_t n = ::recv(fd, buffer, std::min(sizeof buffer, bytes - got), 0);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        got += static_cast<std::size_t>(n);
    }
    return true;
}

void readToEof(int fd) {
    char buffer[512];
    for (int i = 0; i < 1000; ++i) {
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return;
        }
    }
}

core::ConnectOutcome outcomeOf(int err) {
    switch (err) {
        case EADDRNOTAVAIL:
            return core::ConnectOutcome::AddrNotAvail;
        case ETIMEDOUT:
            return core::ConnectOutcome::TimedOut;
        case ECONNREFUSED:
            return core::ConnectOutcome::ConnRefused;
        case ECONNRESET:
            return core::ConnectOutcome::ConnReset;
        default:
            throw std::runtime_error(std::string("connect() failed with an errno the load "
                                                 "schema has no place for: ") +
                                     std::strerror(err));
    }
}

struct Linger {
    bool on = false;
    int seconds = 0;
};

class Runner {
public:
    explicit Runner(const core::LoadSpec& spec) : m_spec(spec), m_rng(spec.seed) {
        m_names = core::loadHostNames(spec);
        for (const auto& name : m_names) {
            m_addresses.push_back(hostAddress(spec, name));
        }
        m_serverHost = spec.loopback ? 0 : m_names.size() - 1;
        for (const auto& raw : spec.settings) {
            const auto s = splitSetting(raw);
            if (s.name == "SO_LINGER") {
                const auto comma = s.value.find_first_of(", :");
                Linger l{std::stoi(s.value.substr(0, comma)) != 0,
                         comma == std::string::npos ? 0 : std::stoi(s.value.substr(comma + 1))};
                for (std::size_t h = 0; h < m_names.size(); ++h) {
                    if (s.host.empty() || s.host == m_names[h]) {
                        m_linger[h] = l;
                    }
                }
            }
        }
        m_result.spec = spec;
        for (std::size_t h = 0; h < m_names.size(); ++h) {
            core::LoadHostSeries series;
            series.host = m_names[h];
            series.address = m_addresses[h];
            m_result.hosts.push_back(std::move(series));
            core::LoadHostOptions options;
            options.host = m_names[h];
            m_result.options.push_back(std::move(options));
        }
        m_interval.assign(m_names.size(), {});
        m_seen.assign(m_names.size(), {});
        m_peak.assign(m_names.size(), {});
    }

    core::LoadResult run() {
        rlimit limit{};
        ::getrlimit(RLIMIT_NOFILE, &limit);
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
        if (!m_spec.loopback) {
            for (std::size_t h = 0; h < m_names.size(); ++h) {
                addAddress("lo:" + std::to_string(h + 1), m_addresses[h]);
            }
        }
        for (std::size_t h = 0; h < m_names.size(); ++h) {
            for (const char* name : {"net.ipv4.ip_local_port_range", "net.ipv4.tcp_tw_reuse",
                                     "net.ipv4.tcp_tw_reuse_delay", "net.ipv4.tcp_timestamps",
                                     "net.ipv4.tcp_max_tw_buckets", "net.ipv4.tcp_fin_timeout"}) {
                m_result.options[h].values[name] = NetnsRunner::readSysctl(name);
            }
        }
        for (int p = 0; p < m_spec.serverPorts; ++p) {
            Fd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
            const auto addr = makeAddr(m_addresses[m_serverHost],
                                       static_cast<std::uint16_t>(kServerBasePort + p));
            if (::bind(fd.get(), reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0 ||
                ::listen(fd.get(), 4096) != 0) {
                throw std::runtime_error("cannot listen on port " +
                                         std::to_string(kServerBasePort + p) + ": " +
                                         std::strerror(errno));
            }
            m_listeners.push_back(std::move(fd));
        }
        m_counterBase = MibCounters::read();
        m_counterAtSample = m_counterBase;
        const auto endUs = static_cast<std::int64_t>(std::llround(m_spec.durationS * 1e6));
        const std::int64_t sampleUs = m_spec.sampleMs * 1000;
        m_start = Clock::now();
        std::int64_t nextSampleUs = 0;
        std::int64_t nextArrivalUs = 0;
        std::uint64_t attempts = 0;
        const std::uint64_t cap = m_spec.count.value_or(~std::uint64_t{0});
        // Bounded: every iteration either acts or sleeps, and both end with the run's duration.
        for (;;) {
            const std::int64_t now = nowUs();
            closeDue(now);
            // Earliest first; an attempt due at a sample's time goes first, as in the model.
            const bool more = attempts < cap && nextArrivalUs <= endUs;
            if (!more && nextSampleUs > endUs) {
                break;
            }
            const bool attemptDue = more && now >= nextArrivalUs;
            const bool sampleDue = now >= nextSampleUs;
            if (attemptDue && (!sampleDue || nextArrivalUs <= nextSampleUs)) {
                attempt(attempts, now);
                ++attempts;
                if (m_spec.ratePerS) {
                    if (m_spec.poisson) {
                        std::exponential_distribution<double> gap(*m_spec.ratePerS);
                        nextArrivalUs += std::llround(gap(m_rng) * 1e6);
                    } else {
                        nextArrivalUs =
                            std::llround(static_cast<double>(attempts) * 1e6 / *m_spec.ratePerS);
                    }
                } else {
                    nextArrivalUs = nowUs();  // back to back, like a tight loop
                }
                continue;
            }
            if (sampleDue) {
                sample(nextSampleUs);
                nextSampleUs += sampleUs;
                continue;
            }
            std::int64_t wake = nextSampleUs <= endUs ? nextSampleUs : endUs;
            if (more) {
                wake = std::min(wake, nextArrivalUs);
            }
            if (!m_pendingCloses.empty()) {
                wake = std::min(wake, m_pendingCloses.front().first);
            }
            std::this_thread::sleep_for(std::chrono::microseconds(
                std::max<std::int64_t>(0, std::min<std::int64_t>(wake - nowUs(), 50'000))));
        }
        summarise();
        return std::move(m_result);
    }

private:
    std::int64_t nowUs() const {
        return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - m_start)
            .count();
    }

    void closeDue(std::int64_t now) {
        while (!m_pendingCloses.empty() && m_pendingCloses.front().first <= now) {
            m_pendingCloses.pop_front();  // Fd destructor: close()
        }
    }

    void setLinger(int fd, std::size_t host) {
        const auto it = m_linger.find(host);
        if (it != m_linger.end()) {
            const ::linger value{it->second.on ? 1 : 0, it->second.seconds};
            ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &value, sizeof value);
        }
    }

    void attempt(std::uint64_t k, std::int64_t now) {
        const std::size_t clients = static_cast<std::size_t>(m_spec.clients);
        const std::size_t clientHost = m_spec.loopback ? 0 : k % clients;
        const auto portIndex =
            static_cast<int>((k / clients) % static_cast<std::uint64_t>(m_spec.serverPorts));
        Fd client(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
        boundTimeouts(client.get());
        if (!m_spec.loopback) {
            // Choose the source address but leave the port to connect()'s
            // __inet_hash_connect(), as an unbound connect() would.
            const int one = 1;
            ::setsockopt(client.get(), IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &one, sizeof one);
            const auto local = makeAddr(m_addresses[clientHost], 0);
            ::bind(client.get(), reinterpret_cast<const sockaddr*>(&local), sizeof local);
        }
        const auto server = makeAddr(m_addresses[m_serverHost],
                                     static_cast<std::uint16_t>(kServerBasePort + portIndex));
        core::ConnectionRecord record;
        record.tUs = now;
        record.clientHost = static_cast<std::uint16_t>(clientHost);
        if (::connect(client.get(), reinterpret_cast<const sockaddr*>(&server), sizeof server) !=
            0) {
            record.result = outcomeOf(errno);
            const auto o = static_cast<std::size_t>(record.result);
            ++m_interval[clientHost][o];
            m_seen[clientHost][o] = true;
            m_failed[std::string(core::kConnectOutcomeNames[o])] += 1;
            if (!m_firstFailureMs) {
                m_firstFailureMs = now / 1000;
            }
            if (m_spec.connections) {
                m_result.connections.push_back(record);
            }
            return;
        }
        sockaddr_in local{};
        socklen_t len = sizeof local;
        ::getsockname(client.get(), reinterpret_cast<sockaddr*>(&local), &len);
        record.localPort = ntohs(local.sin_port);
        pollfd pfd{m_listeners[static_cast<std::size_t>(portIndex)].get(), POLLIN, 0};
        if (::poll(&pfd, 1, 3000) != 1) {
            throw std::runtime_error("accept: the connection did not arrive within 3 s");
        }
        Fd accepted(::accept4(pfd.fd, nullptr, nullptr, SOCK_CLOEXEC));
        boundTimeouts(accepted.get());
        const char message[kMessageBytes] = {};
        ::send(client.get(), message, sizeof message, MSG_NOSIGNAL);
        readExactly(accepted.get(), kMessageBytes);
        ::send(accepted.get(), message, sizeof message, MSG_NOSIGNAL);
        readExactly(client.get(), kMessageBytes);
        ++m_interval[clientHost][0];
        ++m_succeeded;
        ++m_requests;
        if (m_spec.connections) {
            m_result.connections.push_back(record);
        }
        const bool clientCloses = m_spec.closer == core::LoadCloser::Client;
        Fd& active = clientCloses ? client : accepted;
        Fd& passive = clientCloses ? accepted : client;
        setLinger(active.get(), clientCloses ? clientHost : m_serverHost);
        setLinger(passive.get(), clientCloses ? m_serverHost : clientHost);
        active.reset();
        switch (m_spec.peerClose) {
            case core::PeerClose::Normal:
                readToEof(passive.get());
                passive.reset();
                break;
            case core::PeerClose::Never:
                m_pendingCloses.emplace_back(std::numeric_limits<std::int64_t>::max(),
                                             std::move(passive));
                break;
            case core::PeerClose::Delay:
                readToEof(passive.get());
                m_pendingCloses.emplace_back(nowUs() + m_spec.peerCloseDelayMs * 1000,
                                             std::move(passive));
                break;
        }
    }

    std::size_t hostOf(const SocketEntry& e) const {
        if (m_spec.loopback) {
            return 0;
        }
        char text[INET_ADDRSTRLEN] = {};
        ::inet_ntop(AF_INET, e.localAddr.data(), text, sizeof text);
        for (std::size_t h = 0; h < m_addresses.size(); ++h) {
            if (m_addresses[h] == text) {
                return h;
            }
        }
        return m_serverHost;
    }

    void sample(std::int64_t tUs) {
        m_result.tMs.push_back(tUs / 1000);
        std::vector<std::array<std::uint32_t, core::kLoadStateCount>> states(m_names.size());
        std::vector<std::set<std::uint16_t>> ports(m_names.size());
        std::vector<std::uint64_t> memory(m_names.size(), 0);
        SockDiag::forEachTcpSocket([&](const SocketEntry& e) {
            const auto h = hostOf(e);
            // Kernel state numbers (ESTABLISHED = 1 ...) to the load model's order.
            static constexpr std::array<core::LoadState, 13> kMap = {
                core::LoadState::Closed,   core::LoadState::Established, core::LoadState::SynSent,
                core::LoadState::SynRecv,  core::LoadState::FinWait1,    core::LoadState::FinWait2,
                core::LoadState::TimeWait, core::LoadState::Closed,      core::LoadState::CloseWait,
                core::LoadState::LastAck,  core::LoadState::Listen,      core::LoadState::Closing,
                core::LoadState::SynRecv};
            if (e.state < 1 || e.state > 12) {
                return;
            }
            ++states[h][static_cast<std::size_t>(kMap[static_cast<std::size_t>(e.state)])];
            ports[h].insert(e.localPort);
            memory[h] += e.isTimewaitSock() ? kTwSlabBytes : kFullSlabBytes;
        });
        const auto counters = MibCounters::read();
        const auto delta = MibCounters::delta(m_counterAtSample, counters);
        m_counterAtSample = counters;
        for (std::size_t h = 0; h < m_names.size(); ++h) {
            auto& s = m_result.hosts[h];
            for (std::size_t st = 0; st < core::kLoadStateCount; ++st) {
                s.states[st].push_back(states[h][st]);
                m_peak[h][st] = std::max(m_peak[h][st], states[h][st]);
            }
            s.connectOk.push_back(m_interval[h][0]);
            for (std::size_t o = 1; o < core::kConnectOutcomeCount; ++o) {
                s.connectFailed[std::string(core::kConnectOutcomeNames[o])].push_back(
                    m_interval[h][o]);
            }
            s.portsInUse.push_back(static_cast<std::uint32_t>(ports[h].size()));
            s.memoryBytes.push_back(memory[h]);
            // Counters are per namespace; they are shown on the first host (the client).
            if (h == 0) {
                for (const auto& [name, value] : delta) {
                    s.counterDeltas[name].push_back(value);
                }
            }
            m_interval[h] = {};
        }
    }

    void summarise() {
        auto& sum = m_result.summary;
        sum.attempted = m_succeeded;
        for (const auto& [name, n] : m_failed) {
            sum.attempted += n;
        }
        sum.succeeded = m_succeeded;
        sum.failed = m_failed;
        sum.firstFailureMs = m_firstFailureMs;
        sum.requestsCompleted = m_requests;
        sum.sustainableReason = "not_computed_on_the_kernel";
        const auto total = MibCounters::delta(m_counterBase, MibCounters::read());
        for (std::size_t h = 0; h < m_names.size(); ++h) {
            auto& peak = sum.peak[m_names[h]];
            for (std::size_t st = 0; st < core::kLoadStateCount; ++st) {
                peak[std::string(core::kLoadStateNames[st])] = m_peak[h][st];
            }
            auto& series = m_result.hosts[h];
            for (std::size_t o = 1; o < core::kConnectOutcomeCount; ++o) {
                if (!m_seen[h][o]) {
                    series.connectFailed.erase(std::string(core::kConnectOutcomeNames[o]));
                }
            }
            for (auto it = series.counterDeltas.begin(); it != series.counterDeltas.end();) {
                const auto t = total.find(it->first);
                if (t == total.end() || t->second == 0) {
                    it = series.counterDeltas.erase(it);
                } else {
                    ++it;
                }
            }
        }
        for (const auto& [name, value] : total) {
            if (value != 0) {
                sum.counters[m_names[0]][name] = value;
            }
        }
        for (std::size_t k = 0; k < m_result.tMs.size(); ++k) {
            std::uint64_t failed = 0;
            for (const auto& series : m_result.hosts) {
                for (const auto& [name, values] : series.connectFailed) {
                    failed += values[k];
                }
            }
            if (failed == 0) {
                continue;
            }
            const std::int64_t start = k == 0 ? 0 : m_result.tMs[k - 1];
            if (!sum.failureWindows.empty() && sum.failureWindows.back().endMs == start) {
                sum.failureWindows.back().endMs = m_result.tMs[k];
                sum.failureWindows.back().failed += failed;
            } else {
                sum.failureWindows.push_back({start, m_result.tMs[k], failed});
            }
        }
    }

    const core::LoadSpec& m_spec;
    std::mt19937_64 m_rng;
    std::vector<std::string> m_names;
    std::vector<std::string> m_addresses;
    std::size_t m_serverHost = 0;
    std::map<std::size_t, Linger> m_linger;
    std::vector<Fd> m_listeners;
    std::deque<std::pair<std::int64_t, Fd>> m_pendingCloses;
    std::vector<std::array<std::uint32_t, core::kConnectOutcomeCount>> m_interval;
    std::vector<std::array<bool, core::kConnectOutcomeCount>> m_seen;
    std::vector<std::array<std::uint32_t, core::kLoadStateCount>> m_peak;
    std::map<std::string, std::uint64_t> m_failed;
    std::optional<std::int64_t> m_firstFailureMs;
    std::uint64_t m_succeeded = 0;
    std::uint64_t m_requests = 0;
    MibCounters::Values m_counterBase;
    MibCounters::Values m_counterAtSample;
    Clock::time_point m_start;
    core::LoadResult m_result;
};

}  // namespace

void KernelLoad::checkSupported(const core::LoadSpec& spec) {
    core::validateLoadSpec(spec);
    const auto no = [](const std::string& what) {
        throw LoadSpecError("kernel-load: " + what + " is not reproducible on the kernel lab");
    };
    if (spec.nat) {
        no("--nat (one NAT address for several hosts)");
    }
    if (spec.pool > 0) {
        no("--pool (keep-alive pools)");
    }
    if (spec.loss > 0) {
        no("--loss (netem is not available)");
    }
    if (spec.rttMs) {
        no("--rtt-ms (segments cannot be delayed without netem)");
    }
    if (spec.kernel != "linux-6") {
        no("--kernel " + spec.kernel + " (the lab runs this machine's kernel)");
    }
    if (spec.durationS > kMaxDurationS) {
        no("a duration above 600 s (it runs in real time)");
    }
    if (spec.sampleMs < 10) {
        no("--sample-ms below 10");
    }
    for (const auto& raw : spec.settings) {
        const auto s = splitSetting(raw);
        if (s.name.rfind("closelab.", 0) == 0) {
            no(s.name + " (a teaching knob, not a kernel setting)");
        }
        if (s.name.rfind("net.", 0) != 0 && s.name != "SO_LINGER") {
            no(s.name);
        }
    }
    namespaceSysctls(spec);
}

nlohmann::json KernelLoad::run(const core::LoadSpec& spec) {
    checkSupported(spec);
    NetnsRunner::Options options;
    for (const auto& [name, value] : namespaceSysctls(spec)) {
        options.sysctls.emplace_back(name, value);
    }
    options.timeout =
        std::chrono::milliseconds(static_cast<long long>(spec.durationS * 1000.0) + 60'000);
    const std::string text = NetnsRunner::run(options, [&spec] {
        Runner runner(spec);
        return core::loadResultToJson(runner.run()).dump();
    });
    auto out = nlohmann::json::parse(text);
    out["source"] = "kernel";
    return out;
}

}  // namespace closelab::kernel
