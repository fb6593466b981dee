// closelab-cli sweep: one load per value of one or two parameters, every point on its own core.
#include <iostream>
#include <optional>
#include <string>
#include <thread>

#include "cli/cli_args.h"
#include "cli/commands.h"
#include "cli/load_flags.h"
#include "cli/run_watch.h"
#include "core/load/load_sweep.h"

namespace closelab::cli {

namespace {

constexpr const char* kSweepUsage =
    R"(usage: closelab-cli sweep --param NAME (--values V1,V2,... | --from A --to B --steps N)
                          [--param2 NAME2 (--values2 ... | --from2 A --to2 B --steps2 N)]
                          [LOAD OPTIONS] [--jobs J] [--format json|csv]

Run the load once per value of a parameter (or per pair of values of two parameters, for a
heat map) and print each point's summary, the same object as `closelab-cli load` prints.

Parameters:
  rate                 attempts per second          duration            simulated seconds
  port_range           size of ip_local_port_range  server_ports        listening ports
  clients              client hosts                 tcp_tw_reuse        0, 1 or 2
  tcp_tw_reuse_delay   ms                           tcp_max_tw_buckets  timewait sockets
  tcp_fin_timeout      s                            peer_close_delay    ms before the peer closes
  pool                 keep-alive pool size (0: none)  loss             probability 0..0.999999
Sweep:
  --values V1,V2,...    the values, in order
  --from A --to B --steps N  N evenly spaced values from A to B (rounded for whole-number
                        parameters)
  --jobs J              points run in parallel (default: the number of cores)
  --format json|csv     JSON {"param","values","points":[{"value","summary"}]} or one CSV row
                        per point (default json)
At most 256 points for one parameter, 1024 for two, and 50000000 attempts in all.
Every other option is a load option (closelab-cli load --help); every point uses --seed, so
the output is the same whatever --jobs is.
)";

struct Axis {
    std::string name;
    std::optional<std::string> values;
    std::optional<std::string> from, to, steps;
};

std::vector<double> axisValues(const Axis& a, core::SweepParam p, const std::string& suffix) {
    const bool range = a.from || a.to || a.steps;
    if (a.values && range) {
        throw UsageError("sweep: give --values" + suffix + " or --from" + suffix + "/--to" +
                         suffix + "/--steps" + suffix + ", not both");
    }
    if (a.values) {
        return core::parseSweepValues(p, *a.values, "--values" + suffix);
    }
    if (!(a.from && a.to && a.steps)) {
        throw UsageError("sweep: --param" + suffix + " needs --values" + suffix +
                         " or all of --from" + suffix + ", --to" + suffix + " and --steps" +
                         suffix);
    }
    const double from = parseAnyNumber("--from" + suffix, *a.from);
    const double to = parseAnyNumber("--to" + suffix, *a.to);
    const long long steps = parseInteger("--steps" + suffix, *a.steps, 1, 1'000'000);
    return core::sweepRange(p, from, to, steps, "--from" + suffix, "--to" + suffix,
                            "--steps" + suffix);
}

}  // namespace

int cmdSweep(const Args& args) {
    Axis axis1, axis2;
    bool haveParam2 = false;
    unsigned jobs = std::max(1U, std::thread::hardware_concurrency());
    Args loadArgs;
    bool help = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "-h" || a == "--help") {
            help = true;
        } else if (a == "--param") {
            axis1.name = needValue(args, i);
        } else if (a == "--values") {
            axis1.values = needValue(args, i);
        } else if (a == "--from") {
            axis1.from = needValue(args, i);
        } else if (a == "--to") {
            axis1.to = needValue(args, i);
        } else if (a == "--steps") {
            axis1.steps = needValue(args, i);
        } else if (a == "--param2") {
            axis2.name = needValue(args, i);
            haveParam2 = true;
        } else if (a == "--values2") {
            axis2.values = needValue(args, i);
        } else if (a == "--from2") {
            axis2.from = needValue(args, i);
        } else if (a == "--to2") {
            axis2.to = needValue(args, i);
        } else if (a == "--steps2") {
            axis2.steps = needValue(args, i);
        } else if (a == "--jobs") {
            jobs = static_cast<unsigned>(parseInteger(a, needValue(args, i), 1, 256));
        } else if (a == "--connections") {
            throw UsageError("sweep: --connections is for one load (closelab-cli load)");
        } else {
            loadArgs.push_back(a);
        }
    }
    if (help) {
        std::cout << kSweepUsage;
        return 0;
    }
    std::string format;
    bool loadHelp = false;
    core::SweepSpec sweep;
    sweep.base = parseLoadArgs(loadArgs, format, loadHelp, "sweep");
    if (axis1.name.empty()) {
        throw UsageError("sweep: --param NAME is required (try sweep --help)");
    }
    if (!haveParam2 && (axis2.values || axis2.from || axis2.to || axis2.steps)) {
        throw UsageError("sweep: --values2/--from2/--to2/--steps2 need --param2");
    }
    core::SweepResult result;
    try {
        sweep.param = core::parseSweepParam(axis1.name);
        sweep.values = axisValues(axis1, sweep.param, "");
        if (haveParam2) {
            sweep.param2 = core::parseSweepParam(axis2.name);
            sweep.values2 = axisValues(axis2, *sweep.param2, "2");
        }
        core::sweepPointSpecs(sweep);  // every bad input before the progress line and the run
        const RunWatch watch("sweep");
        try {
            result = core::runSweep(sweep, jobs, watch.control());
        } catch (const core::LoadCancelled&) {
        }
        if (RunWatch::interrupted()) {
            std::cerr << "closelab-cli: sweep interrupted\n";
            return kExitInterrupted;
        }
    } catch (const core::LoadSpecError& e) {
        throw UsageError(e.what());
    }
    if (format == "csv") {
        std::cout << core::sweepResultToCsv(result);
    } else {
        std::cout << core::sweepResultToJson(result).dump() << '\n';
    }
    return 0;
}

}  // namespace closelab::cli
