// Flags shared by `closelab-cli load` and `kernel-load`, so both read a workload the same way.
#include "cli/load_flags.h"

#include "cli/cli_args.h"

namespace closelab::cli {

const std::string& needValue(const Args& args, std::size_t& i) {
    if (i + 1 >= args.size()) {
        throw UsageError(args[i] + " needs a value");
    }
    return args[++i];
}

bool parseSharedLoadFlag(const Args& args, std::size_t& i, const LoadFlagLimits& limits,
                         core::LoadSpec& spec, std::string& format, bool& help) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
        help = true;
    } else if (a == "--rate") {
        spec.ratePerS = parseNumber(a, needValue(args, i), 1e-6, limits.maxRate);
    } else if (a == "--poisson") {
        spec.poisson = true;
    } else if (a == "--count") {
        spec.count =
            static_cast<std::uint64_t>(parseInteger(a, needValue(args, i), 1, limits.maxCount));
    } else if (a == "--duration") {
        spec.durationS = parseNumber(a, needValue(args, i), 0.001, limits.maxDurationS);
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
            spec.peerCloseDelayMs =
                parseInteger("--peer-close delay:MS", v.substr(6), 0, limits.maxPeerCloseDelayMs);
        } else {
            throw UsageError("--peer-close must be normal, never or delay:MS, got '" + v + "'");
        }
    } else if (a == "--clients") {
        spec.clients = static_cast<int>(parseInteger(a, needValue(args, i), 1, limits.maxClients));
    } else if (a == "--server-ports") {
        spec.serverPorts =
            static_cast<int>(parseInteger(a, needValue(args, i), 1, limits.maxServerPorts));
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
        spec.sampleMs = parseInteger(a, needValue(args, i), limits.minSampleMs, limits.maxSampleMs);
    } else if (a == "--seed") {
        spec.seed = parseSeed(needValue(args, i));
    } else if (a == "--connections") {
        spec.connections = true;
    } else if (a == "--format") {
        format = needValue(args, i);
        if (format != "json" && format != "csv") {
            throw UsageError("--format must be json or csv, got '" + format + "'");
        }
    } else {
        return false;
    }
    return true;
}

}  // namespace closelab::cli
