#pragma once

#include <nlohmann/json.hpp>

#include "core/load/load_spec.h"

namespace closelab::kernel {

// `closelab-cli kernel-load`: the load of `closelab-cli load`, played in real time on real
// sockets inside a private network namespace. Hosts get the load model's addresses on `lo`
// (server 10.0.0.1, clients 10.0.1.N; or one host 127.0.0.1 with --loopback), servers listen on
// 8080.., each attempt does connect, a 100-byte request and response, and the chosen close.
// States are sampled over NETLINK_SOCK_DIAG every sample_ms; counters are the namespace's
// TcpExt/Tcp deltas. Output: the load JSON schema (loadResultToJson) plus "source": "kernel".
class KernelLoad {
public:
    // Throws core::LoadSpecError naming the first thing the kernel lab cannot reproduce
    // (--nat, --pool, --loss, --rtt-ms, another kernel profile, closelab.* knobs, different
    // values of one sysctl on two hosts, a run longer than kMaxDurationS).
    static void checkSupported(const core::LoadSpec& spec);
    static nlohmann::json run(const core::LoadSpec& spec);

    static constexpr double kMaxDurationS = 600.0;  // real seconds
};

}  // namespace closelab::kernel
