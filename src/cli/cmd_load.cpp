// closelab-cli load: simulate a workload and print socket-state counts over time.
#include <iostream>
#include <string>

#include "cli/cli_args.h"
#include "cli/commands.h"
#include "core/load/load_model.h"

namespace closelab::cli {

namespace {

constexpr const char* kLoadUsage = R"(usage: closelab-cli load [OPTIONS]

Simulate many connections and print socket-state counts over time (JSON or CSV).

Workload:
  --rate R              connection attempts per second (constant pacing)
  --poisson             Poisson arrivals at --rate instead of constant gaps
  --count N             cap on attempts; without --rate they run back to back
  --duration S          simulated seconds (default 300)
  --closer client|server  who calls close() first (default client)
  --peer-close normal|never|delay:MS  what the other side's application does after EOF
  --pool P[:N]          keep-alive pool of P connections, N requests each (default: never
                        recycled); --rate / --count then count requests
  --clients N           client hosts client1..clientN (default one host "client")
  --nat                 clients share one public address (host "nat")
  --server-ports N      listening ports 8080.. (default 1)
  --rtt-ms X            round-trip time (default 1, or 0.05 with --loopback)
  --loss P              probability that a segment is lost (0..1)
  --loopback            client and server on 127.0.0.1 of one host ("localhost")
Kernel:
  --kernel linux-6|linux-4.9|rfc793
  --set NAME=VALUE      a sysctl (net.ipv4.tcp_tw_reuse=1), optionally per host
                        (client.net.ipv4.tcp_fin_timeout=7), SO_LINGER=1,0, closelab.*
Output:
  --sample-ms M         sampling interval (default 1000)
  --seed N              random seed (default 1)
  --connections         add one record per attempt
  --format json|csv     (default json)
)";

const std::string& needValue(const Args& args, std::size_t& i) {
    if (i + 1 >= args.size()) {
        throw UsageError(args[i] + " needs a value");
    }
    return args[++i];
}

}  // namespace

core::LoadSpec parseLoadArgs(const Args& args, std::string& format, bool& help) {
    core::LoadSpec spec;
    format = "json";
    help = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "-h" || a == "--help") {
            help = true;
        } else if (a == "--rate") {
            spec.ratePerS = parseNumber(a, needValue(args, i), 1e-6, core::kMaxLoadRate);
        } else if (a == "--poisson") {
            spec.poisson = true;
        } else if (a == "--count") {
            spec.count = static_cast<std::uint64_t>(parseInteger(
                a, needValue(args, i), 1, static_cast<long long>(core::kMaxLoadCount)));
        } else if (a == "--duration") {
            spec.durationS = parseNumber(a, needValue(args, i), 0.001, core::kMaxLoadDurationS);
        } else if (a == "--closer") {
            const std::string& v = needValue(args, i);
            if (v == "client") {
                spec.closer = core::LoadCloser::Client;
            } else if (v == "server") {
                spec.closer = core::LoadCloser::Server;
            } else {
                throw UsageError("--closer must be client or server, got '" + v + "'");
            }
        } else if (a == "--peer-close") {
            const std::string& v = needValue(args, i);
            if (v == "normal") {
                spec.peerClose = core::PeerClose::Normal;
            } else if (v == "never") {
                spec.peerClose = core::PeerClose::Never;
            } else if (v.rfind("delay:", 0) == 0) {
                spec.peerClose = core::PeerClose::Delay;
                spec.peerCloseDelayMs = parseInteger(a, v.substr(6), 0, 86'400'000);
            } else {
                throw UsageError("--peer-close must be normal, never or delay:MS, got '" + v + "'");
            }
        } else if (a == "--pool") {
            const std::string& v = needValue(args, i);
            const auto colon = v.find(':');
            spec.pool = static_cast<int>(parseInteger(a, v.substr(0, colon), 1, core::kMaxPool));
            if (colon != std::string::npos) {
                spec.poolRequests =
                    static_cast<int>(parseInteger(a, v.substr(colon + 1), 1, 1'000'000'000));
            }
        } else if (a == "--clients") {
            spec.clients =
                static_cast<int>(parseInteger(a, needValue(args, i), 1, core::kMaxLoadClients));
        } else if (a == "--nat") {
            spec.nat = true;
        } else if (a == "--server-ports") {
            spec.serverPorts =
                static_cast<int>(parseInteger(a, needValue(args, i), 1, core::kMaxServerPorts));
        } else if (a == "--rtt-ms") {
            spec.rttMs = parseNumber(a, needValue(args, i), 0.001, 10000.0);
        } else if (a == "--loss") {
            spec.loss = parseNumber(a, needValue(args, i), 0.0, 0.99);
        } else if (a == "--loopback") {
            spec.loopback = true;
        } else if (a == "--kernel") {
            spec.kernel = needValue(args, i);
        } else if (a == "--set") {
            const std::string& v = needValue(args, i);
            const auto eq = v.find('=');
            if (eq == std::string::npos || eq == 0) {
                throw UsageError("--set expects NAME=VALUE, got '" + v + "'");
            }
            spec.settings.emplace_back(v.substr(0, eq), v.substr(eq + 1));
        } else if (a == "--sample-ms") {
            spec.sampleMs = parseInteger(a, needValue(args, i), 1, 3'600'000);
        } else if (a == "--seed") {
            spec.seed = static_cast<std::uint64_t>(
                parseInteger(a, needValue(args, i), 0, 9'223'372'036'854'775'807LL));
        } else if (a == "--connections") {
            spec.connections = true;
        } else if (a == "--format") {
            format = needValue(args, i);
            if (format != "json" && format != "csv") {
                throw UsageError("--format must be json or csv, got '" + format + "'");
            }
        } else {
            throw UsageError("load: unknown option '" + a + "' (try load --help)");
        }
    }
    return spec;
}

int cmdLoad(const Args& args) {
    std::string format;
    bool help = false;
    const core::LoadSpec spec = parseLoadArgs(args, format, help);
    if (help) {
        std::cout << kLoadUsage;
        return 0;
    }
    core::LoadResult result;
    try {
        result = core::runLoad(spec);
    } catch (const core::LoadSpecError& e) {
        throw UsageError(e.what());
    }
    if (format == "csv") {
        std::cout << core::loadResultToCsv(result);
    } else {
        std::cout << core::loadResultToJson(result).dump() << '\n';
    }
    return 0;
}

}  // namespace closelab::cli
