// kernel-run, kernel-load and compare: the kernel lab in a private network namespace.
#include <algorithm>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/cli_args.h"
#include "cli/commands.h"
#include "cli/load_flags.h"
#include "core/error.h"
#include "core/load/load_model.h"
#include "core/load/load_result.h"
#include "core/load/load_spec.h"
#include "core/recording_json.h"
#include "core/scenario.h"
#include "core/simulate.h"
#include "kernel/capabilities.h"
#include "kernel/kernel_load.h"
#include "kernel/kernel_run.h"
#include "kernel/netns_runner.h"
#include "kernel/privilege_error.h"
#include "kernel/scenario_comparison.h"

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
--kernel other than linux-6, closelab.* settings. --seed is a whole number 0..2^64-1, as for
`load` and `run`.
)";

core::LoadSpec parseKernelLoadArgs(const Args& args, std::string& format, bool& help) {
    core::LoadSpec spec;
    spec.durationS = 10.0;
    LoadFlagLimits limits;  // real sockets in real time: smaller bounds
    limits.maxRate = 100'000.0;
    limits.maxCount = 10'000'000;
    limits.maxDurationS = 600.0;
    limits.maxPeerCloseDelayMs = 600'000;
    limits.maxClients = 200;
    limits.maxServerPorts = 1000;
    limits.minSampleMs = 10;
    limits.maxSampleMs = 600'000;
    for (std::size_t i = 0; i < args.size(); ++i) {
        // --kernel: checkSupported() refuses all but linux-6.
        if (cli::parseSharedLoadFlag(args, i, limits, spec, format, help)) {
            continue;
        }
        const std::string& a = args[i];
        if (a == "--nat" || a == "--pool" || a == "--loss" || a == "--rtt-ms") {
            throw UsageError("kernel-load: " + a +
                             " is not reproducible on the kernel lab (see kernel-load --help)");
        }
        throw UsageError("kernel-load: unknown option '" + a + "' (try kernel-load --help)");
    }
    if (!help && !spec.count && !spec.ratePerS) {
        throw UsageError("kernel-load needs --rate or --count");
    }
    return spec;
}

}  // namespace

namespace {

struct RunArgs {
    std::string scenario;
    core::RunConfig config;
    long long untilMs = 0;
    std::string format = "json";
    bool help = false;
};

RunArgs parseRunArgs(const Args& args, const std::string& command) {
    RunArgs r;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "-h" || a == "--help") {
            r.help = true;
        } else if (a == "--set") {
            try {
                r.config.overrides.push_back(core::parseOverride(needValue(args, i)));
            } catch (const core::InputError& e) {
                throw UsageError(e.what());
            }
        } else if (a == "--until-ms") {
            r.untilMs = parseInteger(a, needValue(args, i), 1, kernel::KernelRun::kMaxRunMs);
        } else if (a == "--format") {
            r.format = needValue(args, i);
            if (r.format != "json" && r.format != "text") {
                throw UsageError("--format must be json or text, got '" + r.format + "'");
            }
        } else if (a == "--kernel") {
            const auto& v = needValue(args, i);
            if (v != "linux-6") {
                throw UsageError(command +
                                 " replays on this machine's kernel (linux-6); --kernel " + v +
                                 " is not reproducible");
            }
        } else if (!a.empty() && a[0] == '-') {
            throw UsageError(command + ": unknown option '" + a + "' (try " + command + " --help)");
        } else if (r.scenario.empty()) {
            r.scenario = a;
        } else {
            throw UsageError(command + " takes one scenario, got '" + a + "' too");
        }
    }
    if (r.scenario.empty() && !r.help) {
        throw UsageError(command + " needs a scenario id or a JSON file");
    }
    return r;
}

core::Scenario loadOrThrow(const std::string& idOrPath) {
    try {
        return core::loadScenario(idOrPath);
    } catch (const core::InputError& e) {
        throw UsageError(e.what());
    }
}

// Runs the kernel side; returns false after printing the privilege line.
bool runKernel(const core::Scenario& sc, const RunArgs& r, kernel::KernelRun::Result& out) {
    if (!kernel::haveNetAdmin()) {
        std::cerr << "closelab-cli: " << kernel::netAdminHint() << '\n';
        return false;
    }
    kernel::NetnsRunner::installSignalCleanup();
    try {
        out = kernel::KernelRun::run(sc, r.config, r.untilMs);
    } catch (const kernel::PrivilegeError& e) {
        std::cerr << "closelab-cli: " << e.what() << '\n';
        return false;
    } catch (const core::InputError& e) {
        throw UsageError(e.what());
    } catch (const std::invalid_argument& e) {
        throw UsageError(std::string("not reproducible on the kernel: ") + e.what());
    }
    return true;
}

}  // namespace

int cmdKernelRun(const Args& args) {
    const auto r = parseRunArgs(args, "kernel-run");
    if (r.help) {
        std::cout << "usage: closelab-cli kernel-run ID|FILE [--set NAME=VALUE]... "
                     "[--until-ms MS] [--format json|text]\n"
                     "Replays a scenario in REAL TIME on real sockets in a private network "
                     "namespace (root).\nOutput: the JSON of `closelab-cli run` with "
                     "\"source\": \"kernel\", plus kernel_notes and not_reproducible.\n";
        return 0;
    }
    const auto sc = loadOrThrow(r.scenario);
    kernel::KernelRun::Result result;
    if (!runKernel(sc, r, result)) {
        return kExitNoPrivilege;
    }
    if (r.format == "text") {
        std::cout << core::toText(result.recording);
        for (const auto& n : result.notes) {
            std::cout << "note: " << n << '\n';
        }
        for (const auto& n : result.notReplayed) {
            std::cout << "not reproducible: " << n << '\n';
        }
    } else {
        std::cout << kernel::KernelRun::toJson(result).dump(2) << '\n';
    }
    return 0;
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

int cmdCompare(const Args& args) {
    auto r = parseRunArgs(args, "compare");
    if (r.help) {
        std::cout
            << "usage: closelab-cli compare ID|FILE [--set NAME=VALUE]... [--until-ms MS] "
               "[--format text|json]\n"
               "Runs the scenario on the engine and (in real time, for --until-ms, default: a "
               "quiet moment within 3 s) on the kernel,\nand compares each timeline call's result "
               "and the "
               "socket states of each host at that time.\nExit 1 when they disagree.\n";
        return 0;
    }
    const bool cutGiven = r.untilMs != 0;
    if (r.format == "json" && std::find(args.begin(), args.end(), "--format") == args.end()) {
        r.format = "text";
    }
    const auto sc = loadOrThrow(r.scenario);
    if (!cutGiven) {
        r.untilMs = kernel::ScenarioComparison::quietCutMs(sc, 3000);
    }
    core::Recording engine;
    try {
        engine = core::simulate(sc, r.config);
    } catch (const core::InputError& e) {
        throw UsageError(e.what());
    }
    kernel::KernelRun::Result kernelResult;
    if (!runKernel(sc, r, kernelResult)) {
        return kExitNoPrivilege;
    }
    const long long cutUs = std::min<long long>(r.untilMs * 1000, sc.durationUs);
    const auto comparison =
        kernel::ScenarioComparison::compare(sc, engine, kernelResult.recording, cutUs);
    const bool agree = comparison.agree;
    if (r.format == "json") {
        auto out = comparison.toJson();
        out["scenario"] = sc.id;
        out["until_ms"] = cutUs / 1000;
        out["kernel_notes"] = kernelResult.notes;
        out["not_reproducible"] = kernelResult.notReplayed;
        std::cout << out.dump(2) << '\n';
    } else {
        std::cout << "compare " << sc.id << " (states at " << cutUs / 1000 << " ms)\n"
                  << comparison.toText();
        for (const auto& n : kernelResult.notReplayed) {
            std::cout << "  not reproducible on the kernel: " << n << '\n';
        }
        std::cout << (agree ? "engine and kernel agree\n" : "engine and kernel DISAGREE\n");
    }
    return agree ? 0 : 1;
}

}  // namespace closelab::cli
