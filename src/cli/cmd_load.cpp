// closelab-cli load: simulate a workload and print socket-state counts over time.
#include <iostream>
#include <string>

#include "cli/cli_args.h"
#include "cli/commands.h"
#include "cli/load_flags.h"
#include "cli/run_watch.h"
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
  --loss P              probability that a segment is lost, from 0 up to (not including) 1
  --loopback            client and server on 127.0.0.1 of one host ("localhost")
Kernel:
  --kernel linux-6|linux-4.9|rfc793
  --set NAME=VALUE      a sysctl (net.ipv4.tcp_tw_reuse=1), optionally per host
                        (client.net.ipv4.tcp_fin_timeout=7), SO_LINGER=1,0, closelab.*
Output:
  --sample-ms M         sampling interval (default 1000)
  --seed N              random seed, a whole number 0..2^64-1 (default 1)
  --connections         add one record per attempt
  --format json|csv     (default json)
)";

}  // namespace

int cmdLoad(const Args& args) {
    std::string format;
    bool help = false;
    const core::LoadSpec spec = parseLoadArgs(args, format, help);
    if (help) {
        std::cout << kLoadUsage;
        return 0;
    }
    core::LoadResult result;
    {
        const RunWatch watch("load");
        try {
            result = core::runLoad(spec, watch.control());
        } catch (const core::LoadSpecError& e) {
            throw UsageError(e.what());
        } catch (const core::LoadCancelled&) {
        }
        if (RunWatch::interrupted()) {
            std::cerr << "closelab-cli: load interrupted\n";
            return kExitInterrupted;
        }
    }
    if (format == "csv") {
        std::cout << core::loadResultToCsv(result);
    } else {
        std::cout << core::loadResultToJson(result).dump() << '\n';
    }
    return 0;
}

}  // namespace closelab::cli
