// kernel-run, kernel-load and compare: the kernel lab in a private network namespace.
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/cli_args.h"
#include "cli/commands.h"
#include "core/load/load_model.h"
#include "core/load/load_result.h"
#include "core/load/load_spec.h"
#include "kernel/capabilities.h"
#include "kernel/kernel_load.h"
#include "kernel/netns_runner.h"
#include "kernel/privilege_error.h"

namespace closelab::cli {

namespace {

constexpr int kExitNoPrivilege = 3;

constexpr const char* kKernelLoadUsage =
    R"(usage: closelab-cli kernel-load [--rate R] [--poisson] [--count N] [--duration S]
       [--closer client|server] [--peer-close normal|never|delay:MS] [--clients N]
       [--server-ports N] [--loopback] [--set NAME=VALUE]... [--sample-ms M] [--seed N]
       [--connections] [--format json|csv]
Plays the load of `closelab-cli load` in REAL TIME on real sockets inside a private network
namespace (root needed; the host's sysctls are never touched). --duration defaults to 10 s here
and may not exceed 600 s. Not reproducible on the kernel: --nat, --pool, --loss, --rtt-ms,
--kernel other than linux-6, closelab.* settings.
)";

const std::string& needValue(const Args& args, std::size_t& i) {
    if (i + 1 >= args.size()) {
        throw UsageError(args[i] + " needs a value");
    }
    return args[++i];
}

core::LoadSpec parseKernelLoadArgs(const Args& args, std::string& format, bool& help) {
    core::LoadSpec spec;
    spec.durationS = 10.0;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "-h" || a == "--help") {
            help = true;
        } else if (a == "--rate") {
            spec.ratePerS = parseNumber(a, needValue(args, i), 1e-6, 100'000.0);
        } else if (a == "--poisson") {
            spec.poisson = true;
        } else if (a == "--count") {
            spec.count =
                static_cast<std::uint64_t>(parseInteger(a, needValue(args, i), 1, 10'000'000));
        } else if (a == "--duration") {
            spec.durationS = parseNumber(a, needValue(args, i), 0.001, 600.0);
        } else if (a == "--closer") {
            const auto& v = needValue(args, i);
            if (v != "client" && v != "server") {
                throw UsageError("--closer must be client or server, got '" + v + "'");
            }
            spec.closer = v == "client" ? core::LoadCloser::Client : core::LoadCloser::Server;
        } else if (a == "--peer-close") {
            const auto& v = needValue(args, i);
            if (v == "normal") {
                spec.peerClose = core::PeerClose::Normal;
            } else if (v == "never") {
                spec.peerClose = core::PeerClose::Never;
            } else if (v.rfind("delay:", 0) == 0) {
                spec.peerClose = core::PeerClose::Delay;
                spec.peerCloseDelayMs = parseInteger(a, v.substr(6), 0, 600'000);
            } else {
                throw UsageError("--peer-close must be normal, never or delay:MS, got '" + v + "'");
            }
        } else if (a == "--clients") {
            spec.clients = static_cast<int>(parseInteger(a, needValue(args, i), 1, 200));
        } else if (a == "--server-ports") {
            spec.serverPorts = static_cast<int>(parseInteger(a, needValue(args, i), 1, 1000));
        } else if (a == "--loopback") {
            spec.loopback = true;
        } else if (a == "--set") {
            const auto& v = needValue(args, i);
            const auto eq = v.find('=');
            if (eq == std::string::npos || eq == 0) {
                throw UsageError("--set expects NAME=VALUE, got '" + v + "'");
            }
            spec.settings.emplace_back(v.substr(0, eq), v.substr(eq + 1));
        } else if (a == "--sample-ms") {
            spec.sampleMs = parseInteger(a, needValue(args, i), 10, 600'000);
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
        } else if (a == "--nat" || a == "--pool" || a == "--loss" || a == "--rtt-ms" ||
                   a == "--kernel") {
            throw UsageError("kernel-load: " + a +
                             " is not reproducible on the kernel lab (see kernel-load --help)");
        } else {
            throw UsageError("kernel-load: unknown option '" + a + "' (try kernel-load --help)");
        }
    }
    if (!spec.count && !spec.ratePerS) {
        throw UsageError("kernel-load needs --rate or --count");
    }
    return spec;
}

}  // namespace

int cmdKernelRun(const Args&) {
    throw UsageError("'kernel-run' is not built yet");
}

int cmdKernelLoad(const Args& args) {
    std::string format = "json";
    bool help = false;
    const auto spec = parseKernelLoadArgs(args, format, help);
    if (help) {
        std::cout << kKernelLoadUsage;
        return 0;
    }
    try {
        kernel::KernelLoad::checkSupported(spec);
    } catch (const core::LoadSpecError& e) {
        throw UsageError(e.what());
    }
    if (!kernel::haveNetAdmin()) {
        std::cerr << "closelab-cli: " << kernel::netAdminHint() << '\n';
        return kExitNoPrivilege;
    }
    kernel::NetnsRunner::installSignalCleanup();
    nlohmann::json out;
    try {
        out = kernel::KernelLoad::run(spec);
    } catch (const kernel::PrivilegeError& e) {
        std::cerr << "closelab-cli: " << e.what() << '\n';
        return kExitNoPrivilege;
    }
    if (format == "csv") {
        // The CSV of the load model has one column per host x state: rebuild it from the JSON's
        // series so both commands print the same columns.
        const auto& series = out["series"];
        std::vector<std::string> hosts;
        for (const auto& h : out["spec"]["hosts"]) {
            hosts.push_back(h["name"].get<std::string>());
        }
        std::cout << "t_ms";
        for (const auto& host : hosts) {
            for (const auto state : core::kLoadStateNames) {
                std::cout << ',' << host << '.' << state;
            }
        }
        std::cout << '\n';
        for (std::size_t k = 0; k < series["t_ms"].size(); ++k) {
            std::cout << series["t_ms"][k].get<long long>();
            for (const auto& host : hosts) {
                for (const auto state : core::kLoadStateNames) {
                    std::cout << ',' << series[host][std::string(state)][k].get<long long>();
                }
            }
            std::cout << '\n';
        }
    } else {
        std::cout << out.dump(2) << '\n';
    }
    return 0;
}

int cmdCompare(const Args&) {
    throw UsageError("'compare' is not built yet");
}

}  // namespace closelab::cli
