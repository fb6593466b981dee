#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/load/load_spec.h"
#include "core/sysctls.h"

namespace closelab::core {

// The sysctls and socket options of one simulated host that the load model reads, already
// resolved from the kernel profile and --set.
struct LoadHostParams {
    std::string kernel = "linux-6";
    Sysctls sysctls;                // the engine's view of the same host (PortAllocator reads it)
    std::uint16_t portLow = 32768;  // net.ipv4.ip_local_port_range
    std::uint16_t portHigh = 60999;
    std::vector<std::pair<std::uint16_t, std::uint16_t>> reservedPorts;  // ip_local_reserved_ports
    int twReuse = 2;                                                     // net.ipv4.tcp_tw_reuse
    bool hasTwReuseDelay = true;              // the sysctl exists (6.14+)
    std::int64_t twReuseDelayMs = 1000;       // net.ipv4.tcp_tw_reuse_delay
    int timestamps = 1;                       // net.ipv4.tcp_timestamps
    bool perConnectionTsOffset = true;        // secure_tcp_ts_off() per 4-tuple (4.10+)
    std::int64_t maxTwBuckets = 131072;       // net.ipv4.tcp_max_tw_buckets
    std::int64_t finTimeoutMs = 60000;        // TCP_LINGER2 if set, else net.ipv4.tcp_fin_timeout
    std::int32_t finTimeoutSysctlSec = 60;    // net.ipv4.tcp_fin_timeout
    std::int64_t linger2Us = 0;               // tp->linger2 (tcp::tcp_linger2()): -1 = abort
    int rfc1337 = 0;                          // net.ipv4.tcp_rfc1337
    bool hasTwRecycle = false;                // only linux-4.9
    int twRecycle = 0;                        // net.ipv4.tcp_tw_recycle
    int orphanRetries = 0;                    // net.ipv4.tcp_orphan_retries (0 means 8)
    int synRetries = 6;                       // net.ipv4.tcp_syn_retries
    int synackRetries = 5;                    // net.ipv4.tcp_synack_retries
    int retries2 = 15;                        // net.ipv4.tcp_retries2
    std::int64_t timeWaitLenUs = 60'000'000;  // TCP_TIMEWAIT_LEN, or closelab.time_wait_len_ms
    bool lingerOn = false;                    // SO_LINGER {1, lingerS}
    int lingerS = 0;

    // Effective values as text, for the JSON `spec.options`.
    std::map<std::string, std::string> describe() const;
};

// Resolves the profile defaults and every --set for each host (names from loadHostNames()).
// Throws LoadSpecError naming the bad option or value.
std::vector<LoadHostParams> resolveLoadHostParams(const LoadSpec& spec);

}  // namespace closelab::core
