#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace closelab::kernel {

// One sample of `closelab-cli live`: the socket states of this network namespace at t_ms.
struct LiveSample {
    struct PortCount {
        std::string endpoint;  // a local port ("8080"), or "addr:port" for a destination
        long long count = 0;
    };

    long long tMs = 0;
    std::string source;                         // "sock_diag" or "proc" (the fallback)
    std::map<std::string, long long> counts;    // every state name, zeros included
    long long orphanedFinWait2 = 0;             // kernel-held, dies after tcp_fin_timeout
    long long halfClosedFinWait2 = 0;           // after shutdown(SHUT_WR), an fd still holds it
    long long ipv6 = 0;                         // sockets of the AF_INET6 dump
    std::map<std::string, long long> counters;  // MIB deltas since the first sample
    std::vector<PortCount> topTimeWaitPorts;    // by local port
    std::vector<PortCount> topCloseWaitPorts;   // by local port
    std::vector<PortCount> topTimeWaitDestinations;  // by remote addr:port (port exhaustion)
};

nlohmann::json toJson(const LiveSample& sample);

}  // namespace closelab::kernel
