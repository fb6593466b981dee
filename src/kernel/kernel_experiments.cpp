#include "kernel/kernel_experiments.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "kernel/live_monitor.h"
#include "kernel/mib_counters.h"
#include "kernel/netns_runner.h"
#include "kernel/sock_diag.h"
#include "kernel/tcp_state.h"

namespace closelab::kernel {

namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

constexpr std::uint16_t kServerPort = 5001;
constexpr std::uint16_t kSecondServerPort = 5002;

std::string errnoName(int err) {
    const char* name = ::strerrorname_np(err);
    return name ? name : "E" + std::to_string(err);
}

long long msSince(Clock::time_point start) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
}

void sleepMs(long long ms) {
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

// Owns one fd; the experiments hold hundreds of them and must close all on any exit path.
class Fd {
public:
    Fd() = default;
    explicit Fd(int fd) : m_fd(fd) {}
    Fd(Fd&& other) noexcept : m_fd(other.m_fd) { other.m_fd = -1; }
    Fd& operator=(Fd&& other) noexcept {
        if (this != &other) {
            reset();
            m_fd = other.m_fd;
            other.m_fd = -1;
        }
        return *this;
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() { reset(); }
    int get() const { return m_fd; }
    explicit operator bool() const { return m_fd >= 0; }
    void reset() {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
        m_fd = -1;
    }

private:
    int m_fd = -1;
};

sockaddr_in loopback(std::uint16_t port) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return addr;
}

Fd tcpSocket() {
    Fd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!fd) {
        throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
    }
    // Bound every blocking call: a lost wake-up must end the run, not hang it.
    const timeval timeout{3, 0};
    ::setsockopt(fd.get(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    ::setsockopt(fd.get(), SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    return fd;
}

void setOption(int fd, const std::string& option) {
    const int one = 1;
    if (option == "SO_REUSEADDR") {
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    } else if (option == "SO_REUSEPORT") {
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
    } else if (option != "none") {
        throw std::runtime_error("unknown listener option '" + option + "'");
    }
}

// bind() + listen(); returns the errno name of the call that failed, or "ok".
std::string tryListen(Fd& fd, std::uint16_t port, const std::string& option) {
    fd = tcpSocket();
    setOption(fd.get(), option);
    const auto addr = loopback(port);
    if (::bind(fd.get(), reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
        return errnoName(errno);
    }
    if (::listen(fd.get(), 4096) != 0) {
        return errnoName(errno);
    }
    return "ok";
}

Fd listenOn(std::uint16_t port, const std::string& option = "none") {
    Fd fd;
    const auto result = tryListen(fd, port, option);
    if (result != "ok") {
        throw std::runtime_error("listen on port " + std::to_string(port) + ": " + result);
    }
    return fd;
}

// connect() to 127.0.0.1:port; on failure returns an empty Fd and sets err.
Fd connectTo(std::uint16_t port, int& err) {
    Fd fd = tcpSocket();
    const auto addr = loopback(port);
    if (::connect(fd.get(), reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
        err = errno;
        return Fd();
    }
    err = 0;
    return fd;
}

Fd acceptOne(const Fd& listener) {
    pollfd pfd{listener.get(), POLLIN, 0};
    if (::poll(&pfd, 1, 3000) != 1) {
        throw std::runtime_error("accept: no connection arrived within 3 s");
    }
    Fd fd(::accept4(listener.get(), nullptr, nullptr, SOCK_CLOEXEC));
    if (!fd) {
        throw std::runtime_error(std::string("accept: ") + std::strerror(errno));
    }
    return fd;
}

std::uint16_t localPort(const Fd& fd) {
    sockaddr_in addr{};
    socklen_t len = sizeof addr;
    ::getsockname(fd.get(), reinterpret_cast<sockaddr*>(&addr), &len);
    return ntohs(addr.sin_port);
}

// Reads until EOF or an error: "EOF", "ECONNRESET", ... (bounded by SO_RCVTIMEO).
std::string readToEnd(const Fd& fd) {
    char buffer[4096];
    for (int i = 0; i < 100000; ++i) {
        const ssize_t n = ::recv(fd.get(), buffer, sizeof buffer, 0);
        if (n == 0) {
            return "EOF";
        }
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return errnoName(errno);
        }
    }
    return "EMSGSIZE";
}

struct Census {
    long long clientTimeWait = 0;
    long long serverTimeWait = 0;
    long long orphanedFinWait2 = 0;
    long long halfClosedFinWait2 = 0;
    long long closeWait = 0;
    long long all = 0;
};

// Who holds what, told apart by the server ports, as in the measurements (S1/S2).
Census census() {
    Census c;
    SockDiag::forEachTcpSocket([&c](const SocketEntry& e) {
        ++c.all;
        const bool server = e.localPort == kServerPort || e.localPort == kSecondServerPort;
        if (e.state == static_cast<int>(TcpState::TimeWait)) {
            ++(server ? c.serverTimeWait : c.clientTimeWait);
        } else if (e.state == static_cast<int>(TcpState::FinWait2)) {
            ++(e.isOrphanedFinWait2() ? c.orphanedFinWait2 : c.halfClosedFinWait2);
        } else if (e.state == static_cast<int>(TcpState::CloseWait)) {
            ++c.closeWait;
        }
    });
    return c;
}

json counterDelta(const MibCounters::Values& before, std::initializer_list<const char*> names) {
    const auto delta = MibCounters::delta(before, MibCounters::read());
    json out = json::object();
    for (const char* name : names) {
        const auto it = delta.find(name);
        out[name] = it == delta.end() ? 0 : it->second;
    }
    return out;
}

// One connection closed by the client first (the server closes on EOF). Returns false and sets
// err when connect() fails.
bool clientFirstConnection(const Fd& listener, std::uint16_t port, int& err,
                           std::uint16_t* usedPort = nullptr) {
    Fd client = connectTo(port, err);
    if (!client) {
        return false;
    }
    Fd server = acceptOne(listener);
    if (usedPort) {
        *usedPort = localPort(client);
    }
    client.reset();
    readToEnd(server);
    server.reset();
    return true;
}

std::string runJson(NetnsRunner::Options options, std::chrono::milliseconds timeout,
                    const std::function<json()>& body) {
    options.timeout = timeout;
    return NetnsRunner::run(options, [&body] { return body().dump(); });
}

json run(std::vector<std::pair<std::string, std::string>> sysctls,
         std::chrono::milliseconds timeout, const std::function<json()>& body) {
    NetnsRunner::Options options;
    options.sysctls = std::move(sysctls);
    return json::parse(runJson(options, timeout, body));
}

std::string portRange(int low, int high) {
    if (low < 1 || high > 65535 || low > high) {
        throw std::invalid_argument("port range must be 1 <= low <= high <= 65535");
    }
    return std::to_string(low) + " " + std::to_string(high);
}

// Connects client-first until connect() fails or `limit` attempts; returns successes.
int exhaust(const Fd& listener, std::uint16_t port, int limit, std::string& error,
            std::vector<std::uint16_t>* ports = nullptr) {
    const auto start = Clock::now();
    int ok = 0;
    error = "none";
    for (int i = 0; i < limit && msSince(start) < 20'000; ++i) {
        int err = 0;
        std::uint16_t used = 0;
        if (!clientFirstConnection(listener, port, err, &used)) {
            error = errnoName(err);
            break;
        }
        ++ok;
        if (ports) {
            ports->push_back(used);
        }
    }
    return ok;
}

}  // namespace

json KernelExperiments::closeOrder(const std::string& closer, int n) {
    if (closer != "client" && closer != "server") {
        throw std::invalid_argument("closer must be client or server");
    }
    return run({}, std::chrono::seconds(30), [&] {
        Fd listener = listenOn(kServerPort);
        int ok = 0;
        for (int i = 0; i < n; ++i) {
            int err = 0;
            Fd client = connectTo(kServerPort, err);
            if (!client) {
                break;
            }
            Fd server = acceptOne(listener);
            Fd& first = closer == "client" ? client : server;
            Fd& second = closer == "client" ? server : client;
            first.reset();
            readToEnd(second);
            second.reset();
            ++ok;
        }
        sleepMs(100);
        const auto c = census();
        return json{{"ok", ok},
                    {"client_time_wait", c.clientTimeWait},
                    {"server_time_wait", c.serverTimeWait}};
    });
}

json KernelExperiments::finWait2(int finTimeoutS, int n, int halfClosed) {
    const auto limit = std::chrono::milliseconds(finTimeoutS * 1000LL + 20'000);
    return run({{"net.ipv4.tcp_fin_timeout", std::to_string(finTimeoutS)}}, limit, [&] {
        Fd listener = listenOn(kServerPort);
        std::vector<Fd> keep;
        const auto before = MibCounters::read();
        const auto start = Clock::now();
        for (int i = 0; i < n + halfClosed; ++i) {
            int err = 0;
            Fd client = connectTo(kServerPort, err);
            if (!client) {
                throw std::runtime_error("connect: " + errnoName(err));
            }
            keep.push_back(acceptOne(listener));  // the server application never closes
            if (i < n) {
                client.reset();  // close(): orphaned
            } else {
                ::shutdown(client.get(), SHUT_WR);  // half-closed, the fd stays open
                keep.push_back(std::move(client));
            }
        }
        const auto sample = [] {
            const auto c = census();
            return json{{"fin_wait_2_orphaned", c.orphanedFinWait2},
                        {"fin_wait_2_half_closed", c.halfClosedFinWait2},
                        {"close_wait", c.closeWait}};
        };
        sleepMs(300 - msSince(start));
        json out;
        out["before"] = sample();
        out["before_ms"] = msSince(start);
        sleepMs(finTimeoutS * 1000LL + 800 - msSince(start));
        out["after"] = sample();
        out["after_ms"] = msSince(start);
        out["counters"] = counterDelta(before, {"TWKilled"});
        return out;
    });
}

json KernelExperiments::exhaustion(int low, int high) {
    return run(
        {{"net.ipv4.ip_local_port_range", portRange(low, high)}, {"net.ipv4.tcp_tw_reuse", "0"}},
        std::chrono::seconds(60), [&] {
            Fd listener = listenOn(kServerPort);
            Fd second = listenOn(kSecondServerPort);
            const int size = high - low + 1;
            std::vector<std::uint16_t> ports;
            std::string error;
            const int ok = exhaust(listener, kServerPort, size * 2 + 10, error, &ports);
            // __inet_hash_connect() scans port = low + offset with offset &= ~1 first,
            // then the other parity: ports of low's parity first ("even" when low is
            // even, as with the default 32768).
            int evens = 0;
            bool lowParityFirst = true;
            bool seenOther = false;
            for (const auto p : ports) {
                const bool other = ((p - low) % 2) != 0;
                evens += p % 2 == 0;
                lowParityFirst = lowParityFirst && !(seenOther && !other);
                seenOther = seenOther || other;
            }
            json firstPorts = json::array();
            for (std::size_t i = 0; i < ports.size() && i < 4; ++i) {
                firstPorts.push_back(ports[i]);
            }
            int err = 0;
            Fd retry = connectTo(kServerPort, err);
            const std::string retryResult = retry ? "ok" : errnoName(err);
            Fd binder = tcpSocket();
            auto any = loopback(0);
            const std::string bindResult =
                ::bind(binder.get(), reinterpret_cast<sockaddr*>(&any), sizeof any) == 0
                    ? "ok"
                    : errnoName(errno);
            binder.reset();
            std::string error2;
            const int ok2 = exhaust(second, kSecondServerPort, size * 2 + 10, error2);
            return json{
                {"successes", ok},
                {"errno", error},
                {"distinct_ports", std::set<std::uint16_t>(ports.begin(), ports.end()).size()},
                {"even_ports", evens},
                {"low_parity_first", lowParityFirst},
                {"first_ports", firstPorts},
                {"retry", retryResult},
                {"bind_port_0", bindResult},
                {"second_destination_successes", ok2},
                {"second_destination_errno", error2}};
        });
}

json KernelExperiments::serverFirst(int low, int high, int n) {
    return run(
        {{"net.ipv4.ip_local_port_range", portRange(low, high)}, {"net.ipv4.tcp_tw_reuse", "0"}},
        std::chrono::seconds(60), [&] {
            Fd listener = listenOn(kServerPort);
            const auto before = MibCounters::read();
            std::set<std::uint16_t> ports;
            int ok = 0;
            std::string error = "none";
            for (int i = 0; i < n; ++i) {
                int err = 0;
                Fd client = connectTo(kServerPort, err);
                if (!client) {
                    error = errnoName(err);
                    break;
                }
                Fd server = acceptOne(listener);
                ports.insert(localPort(client));
                server.reset();
                readToEnd(client);
                client.reset();
                ++ok;
            }
            sleepMs(100);
            bool allEven = true;
            for (const auto p : ports) {
                allEven = allEven && p % 2 == 0;
            }
            const auto c = census();
            return json{{"successes", ok},
                        {"errno", error},
                        {"distinct_ports", ports.size()},
                        {"all_even", allEven},
                        {"client_time_wait", c.clientTimeWait},
                        {"server_time_wait", c.serverTimeWait},
                        {"counters", counterDelta(before, {"TW"})}};
        });
}

json KernelExperiments::twReuse(int reuse, int delayMs, bool timestamps, int low, int high) {
    std::vector<std::pair<std::string, std::string>> sysctls = {
        {"net.ipv4.ip_local_port_range", portRange(low, high)},
        {"net.ipv4.tcp_tw_reuse", std::to_string(reuse)},
        {"net.ipv4.tcp_timestamps", timestamps ? "1" : "0"},
        {"net.ipv4.tcp_tw_reuse_delay", std::to_string(delayMs)},
    };
    return run(sysctls, std::chrono::milliseconds(delayMs + 60'000), [&] {
        Fd listener = listenOn(kServerPort);
        const int size = high - low + 1;
        const auto start = Clock::now();
        std::string error1;
        const int phase1 = exhaust(listener, kServerPort, size * 2 + 10, error1);
        const auto afterPhase1 = MibCounters::read();
        // The youngest TIME_WAIT is now a few ms old, the oldest about as old as phase 1 took.
        sleepMs(delayMs / 2 - msSince(start));
        int err = 0;
        std::string early = "ok";
        if (!clientFirstConnection(listener, kServerPort, err)) {
            early = errnoName(err);
        }
        const auto earlyMs = msSince(start);
        sleepMs(delayMs + 400 - msSince(start));
        std::string error2;
        const int phase2 = exhaust(listener, kServerPort, size * 2 + 10, error2);
        return json{{"phase1", phase1},
                    {"phase1_errno", error1},
                    {"early_retry", early},
                    {"early_retry_ms", earlyMs},
                    {"phase2", phase2},
                    {"phase2_errno", error2},
                    {"counters", counterDelta(afterPhase1, {"TWRecycled"})}};
    });
}

json KernelExperiments::maxTwBuckets(int cap, int n) {
    return run(
        {{"net.ipv4.tcp_max_tw_buckets", std::to_string(cap)}}, std::chrono::seconds(30), [&] {
            Fd listener = listenOn(kServerPort);
            const auto before = MibCounters::read();
            int ok = 0;
            int eof = 0;
            for (int i = 0; i < n; ++i) {
                int err = 0;
                Fd client = connectTo(kServerPort, err);
                if (!client) {
                    break;
                }
                Fd server = acceptOne(listener);
                client.reset();
                eof += readToEnd(server) == "EOF";
                server.reset();
                ++ok;
            }
            sleepMs(100);
            const auto c = census();
            return json{{"ok", ok},
                        {"server_eof", eof},
                        {"time_wait", c.clientTimeWait + c.serverTimeWait},
                        {"counters", counterDelta(before, {"TCPTimeWaitOverflow", "OutRsts"})}};
        });
}

json KernelExperiments::linger(int onoff, int seconds, int n) {
    return run({}, std::chrono::seconds(30 + static_cast<long long>(n) * seconds), [&] {
        Fd listener = listenOn(kServerPort);
        const auto before = MibCounters::read();
        json reads = json::object();
        long long closeUsMax = 0;
        for (int i = 0; i < n; ++i) {
            int err = 0;
            Fd client = connectTo(kServerPort, err);
            if (!client) {
                throw std::runtime_error("connect: " + errnoName(err));
            }
            Fd server = acceptOne(listener);
            const ::linger value{onoff, seconds};
            ::setsockopt(client.get(), SOL_SOCKET, SO_LINGER, &value, sizeof value);
            const auto t0 = Clock::now();
            client.reset();
            closeUsMax = std::max<long long>(
                closeUsMax,
                std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t0).count());
            const auto result = readToEnd(server);
            reads[result] = reads.value(result, 0) + 1;
            server.reset();
        }
        sleepMs(100);
        const auto c = census();
        return json{{"client_time_wait", c.clientTimeWait},
                    {"server_time_wait", c.serverTimeWait},
                    {"server_read", reads},
                    {"close_us_max", closeUsMax},
                    {"counters", counterDelta(before, {"TCPAbortOnData", "OutRsts"})}};
    });
}

json KernelExperiments::restart(const std::string& oldOpt, const std::string& newOpt,
                                const std::string& residue) {
    if (residue != "time_wait" && residue != "established" && residue != "listen") {
        throw std::invalid_argument("residue must be time_wait, established or listen");
    }
    return run({}, std::chrono::seconds(20), [&] {
        Fd old = listenOn(kServerPort, oldOpt);
        std::vector<Fd> keep;
        for (int i = 0; i < 3; ++i) {
            int err = 0;
            Fd client = connectTo(kServerPort, err);
            if (!client) {
                throw std::runtime_error("connect: " + errnoName(err));
            }
            Fd server = acceptOne(old);
            if (residue == "time_wait") {
                server.reset();  // the server closes first: TIME_WAIT on its port
                readToEnd(client);
            } else {
                keep.push_back(std::move(server));
                keep.push_back(std::move(client));
            }
        }
        if (residue != "listen") {
            old.reset();
        }
        const auto before = census();
        Fd restarted;
        const auto result = tryListen(restarted, kServerPort, newOpt);
        return json{{"result", result}, {"server_time_wait", before.serverTimeWait}};
    });
}

json KernelExperiments::timeWaitLifetime(int n, int finTimeoutS) {
    return run({{"net.ipv4.tcp_fin_timeout", std::to_string(finTimeoutS)}},
               std::chrono::seconds(90), [&] {
                   Fd listener = listenOn(kServerPort);
                   for (int i = 0; i < n; ++i) {
                       int err = 0;
                       if (!clientFirstConnection(listener, kServerPort, err)) {
                           throw std::runtime_error("connect: " + errnoName(err));
                       }
                   }
                   const auto start = Clock::now();
                   long long at59 = -1;
                   long long goneMs = -1;
                   for (int poll = 0; poll < 400 && msSince(start) < 75'000; ++poll) {
                       const auto c = census();
                       const auto t = msSince(start);
                       if (at59 < 0 && t >= 59'000) {
                           at59 = c.clientTimeWait;
                       }
                       if (c.clientTimeWait == 0) {
                           goneMs = t;
                           break;
                       }
                       sleepMs(250);
                   }
                   return json{{"present_at_59s", at59}, {"gone_ms", goneMs}};
               });
}

}  // namespace closelab::kernel
