// Measures what `closelab-cli live` costs per sample with many sockets: fills a private netns
// with N TIME_WAIT sockets (client-first loopback connections over several server ports), then
// times LiveMonitor::sample() (CPU time of the process, sock_diag and /proc). Not a test: run
// `kernel_live_cost [N]` by hand (root); the result is in docs/kernel-lab.md.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kernel/live_monitor.h"
#include "kernel/netns_runner.h"

using closelab::kernel::LiveMonitor;
using closelab::kernel::NetnsRunner;

namespace {

double cpuSeconds() {
    timespec ts{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

sockaddr_in loopback(std::uint16_t port) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

}  // namespace

int main(int argc, char** argv) {
    const long target = argc > 1 ? std::strtol(argv[1], nullptr, 10) : 100000;
    if (target < 1 || target > 1'000'000) {
        std::fprintf(stderr, "usage: kernel_live_cost [N], 1 <= N <= 1000000\n");
        return 2;
    }
    NetnsRunner::Options options;
    options.sysctls = {{"net.ipv4.ip_local_port_range", "1024 65000"},
                       {"net.ipv4.tcp_max_tw_buckets", "2000000"},
                       {"net.ipv4.tcp_tw_reuse", "0"}};
    options.timeout = std::chrono::minutes(10);
    const auto text = NetnsRunner::run(options, [target] {
        // Few connections per destination keep connect()'s port scan short while filling.
        const int ports = static_cast<int>(target / 4000 + 1);
        std::vector<int> listeners;
        for (int p = 0; p < ports; ++p) {
            const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
            const auto a = loopback(static_cast<std::uint16_t>(80 + p));
            ::bind(fd, reinterpret_cast<const sockaddr*>(&a), sizeof a);
            ::listen(fd, 4096);
            listeners.push_back(fd);
        }
        long made = 0;
        const auto fillStart = std::chrono::steady_clock::now();
        for (long i = 0; i < target * 2 && made < target; ++i) {
            const int p = static_cast<int>(made % ports);
            const int c = ::socket(AF_INET, SOCK_STREAM, 0);
            const auto a = loopback(static_cast<std::uint16_t>(80 + p));
            if (::connect(c, reinterpret_cast<const sockaddr*>(&a), sizeof a) != 0) {
                ::close(c);
                continue;
            }
            const int s = ::accept(listeners[static_cast<std::size_t>(p)], nullptr, nullptr);
            ::close(c);
            char b;
            (void)::recv(s, &b, 1, 0);
            ::close(s);
            ++made;
        }
        const double fillS =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - fillStart).count();
        nlohmann::json out = {{"time_wait_target", target}, {"fill_s", fillS}};
        for (const bool proc : {false, true}) {
            LiveMonitor monitor(5, proc);
            monitor.sample();  // warm up (first MIB read)
            const int samples = 10;
            const double cpu0 = cpuSeconds();
            const auto wall0 = std::chrono::steady_clock::now();
            long long tw = 0;
            for (int k = 0; k < samples; ++k) {
                tw = monitor.sample().counts.at("TIME_WAIT");
            }
            const double cpu = (cpuSeconds() - cpu0) / samples;
            const double wall =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count() /
                samples;
            out[proc ? "proc" : "sock_diag"] = {{"time_wait_seen", tw},
                                                {"cpu_ms_per_sample", cpu * 1000},
                                                {"wall_ms_per_sample", wall * 1000},
                                                {"core_share_at_1hz", cpu}};
        }
        return out.dump(2);
    });
    std::printf("%s\n", text.c_str());
    return 0;
}
