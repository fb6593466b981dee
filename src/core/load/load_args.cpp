// The argument list of `closelab-cli load` (and the flags `kernel-load` shares) read into a
// LoadSpec, so the CLI and a question's run read a workload the same way.
#include "core/load/load_args.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "core/error.h"

namespace closelab::core {

std::string formatNumberArg(double value) {
    // Shortest fixed-notation text that reads back as the same double: 1e-06 prints as
    // "0.000001", 1e7 as "10000000", 0.99 as "0.99" (never "%f"'s "10000000.000000").
    std::array<char, 400> buf{};
    const auto [end, ec] =
        std::to_chars(buf.data(), buf.data() + buf.size(), value, std::chars_format::fixed);
    if (ec != std::errc{}) {
        return std::to_string(value);
    }
    return std::string(buf.data(), end);
}

long long parseIntegerArg(const std::string& option, const std::string& text, long long lo,
                          long long hi) {
    long long value = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc{} || ptr != end || text.empty()) {
        throw LoadArgsError(option + " expects a whole number, got '" + text + "'");
    }
    if (value < lo || value > hi) {
        throw LoadArgsError(option + " must be between " + std::to_string(lo) + " and " +
                            std::to_string(hi) + ", got '" + text + "'");
    }
    return value;
}

double parseAnyNumberArg(const std::string& option, const std::string& text) {
    char* endp = nullptr;
    const double value = std::strtod(text.c_str(), &endp);
    if (text.empty() || endp != text.c_str() + text.size() || !std::isfinite(value)) {
        throw LoadArgsError(option + " expects a number, got '" + text + "'");
    }
    return value;
}

double parseNumberArg(const std::string& option, const std::string& text, double lo, double hi) {
    const double value = parseAnyNumberArg(option, text);
    if (value < lo || value > hi) {
        throw LoadArgsError(option + " must be between " + formatNumberArg(lo) + " and " +
                            formatNumberArg(hi) + ", got '" + text + "'");
    }
    return value;
}

std::uint64_t parseSeedArg(const std::string& text) {
    std::uint64_t seed = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, seed);
    if (text.empty() || ec != std::errc{} || ptr != end) {
        throw LoadArgsError(InputError(ErrorId::BadSeed, {{"value", text}}).what());
    }
    return seed;
}

const std::string& needArgValue(const std::vector<std::string>& args, std::size_t& i) {
    if (i + 1 >= args.size()) {
        throw LoadArgsError(args[i] + " needs a value");
    }
    return args[++i];
}

LoadFlagLimits simulatedLoadLimits() {
    LoadFlagLimits limits;
    limits.maxRate = kMaxLoadRate;
    limits.maxCount = static_cast<long long>(kMaxLoadCount);
    limits.maxDurationS = kMaxLoadDurationS;
    limits.maxPeerCloseDelayMs = 86'400'000;
    limits.maxClients = kMaxLoadClients;
    limits.maxServerPorts = kMaxServerPorts;
    limits.maxSampleMs = 3'600'000;
    return limits;
}

bool parseSharedLoadFlag(const std::vector<std::string>& args, std::size_t& i,
                         const LoadFlagLimits& limits, LoadSpec& spec, std::string& format,
                         bool& help) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
        help = true;
    } else if (a == "--rate") {
        spec.ratePerS = parseNumberArg(a, needArgValue(args, i), 1e-6, limits.maxRate);
    } else if (a == "--poisson") {
        spec.poisson = true;
    } else if (a == "--count") {
        spec.count = static_cast<std::uint64_t>(
            parseIntegerArg(a, needArgValue(args, i), 1, limits.maxCount));
    } else if (a == "--duration") {
        spec.durationS = parseNumberArg(a, needArgValue(args, i), 0.001, limits.maxDurationS);
    } else if (a == "--closer") {
        const std::string& v = needArgValue(args, i);
        if (v == "client") {
            spec.closer = LoadCloser::Client;
        } else if (v == "server") {
            spec.closer = LoadCloser::Server;
        } else {
            throw LoadArgsError("--closer must be client or server, got '" + v + "'");
        }
    } else if (a == "--peer-close") {
        const std::string& v = needArgValue(args, i);
        if (v == "normal") {
            spec.peerClose = PeerClose::Normal;
        } else if (v == "never") {
            spec.peerClose = PeerClose::Never;
        } else if (v.rfind("delay:", 0) == 0) {
            spec.peerClose = PeerClose::Delay;
            spec.peerCloseDelayMs = parseIntegerArg("--peer-close delay:MS", v.substr(6), 0,
                                                    limits.maxPeerCloseDelayMs);
        } else {
            throw LoadArgsError("--peer-close must be normal, never or delay:MS, got '" + v + "'");
        }
    } else if (a == "--clients") {
        spec.clients =
            static_cast<int>(parseIntegerArg(a, needArgValue(args, i), 1, limits.maxClients));
    } else if (a == "--server-ports") {
        spec.serverPorts =
            static_cast<int>(parseIntegerArg(a, needArgValue(args, i), 1, limits.maxServerPorts));
    } else if (a == "--loopback") {
        spec.loopback = true;
    } else if (a == "--kernel") {
        spec.kernel = needArgValue(args, i);
    } else if (a == "--set") {
        const std::string& v = needArgValue(args, i);
        const auto eq = v.find('=');
        if (eq == std::string::npos || eq == 0) {
            throw LoadArgsError("--set expects NAME=VALUE, got '" + v + "'");
        }
        spec.settings.emplace_back(v.substr(0, eq), v.substr(eq + 1));
    } else if (a == "--sample-ms") {
        spec.sampleMs =
            parseIntegerArg(a, needArgValue(args, i), limits.minSampleMs, limits.maxSampleMs);
    } else if (a == "--seed") {
        spec.seed = parseSeedArg(needArgValue(args, i));
    } else if (a == "--connections") {
        spec.connections = true;
    } else if (a == "--format") {
        format = needArgValue(args, i);
        if (format != "json" && format != "csv") {
            throw LoadArgsError("--format must be json or csv, got '" + format + "'");
        }
    } else {
        return false;
    }
    return true;
}

LoadSpec loadSpecFromArgs(const std::vector<std::string>& args, std::string& format, bool& help,
                          const std::string& command) {
    LoadSpec spec;
    format = "json";
    help = false;
    const LoadFlagLimits limits = simulatedLoadLimits();
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (parseSharedLoadFlag(args, i, limits, spec, format, help)) {
            continue;
        }
        const std::string& a = args[i];
        if (a == "--pool") {
            const std::string& v = needArgValue(args, i);
            const auto colon = v.find(':');
            spec.pool = static_cast<int>(parseIntegerArg(a, v.substr(0, colon), 1, kMaxPool));
            if (colon != std::string::npos) {
                spec.poolRequests = static_cast<int>(
                    parseIntegerArg("--pool P:N", v.substr(colon + 1), 1, 1'000'000'000));
            }
        } else if (a == "--nat") {
            spec.nat = true;
        } else if (a == "--rtt-ms") {
            spec.rttMs = parseNumberArg(a, needArgValue(args, i), 0.001, 10000.0);
        } else if (a == "--loss") {
            // The range is the core's (validateLoadSpec(): 0 <= P < 1), so its one line says it.
            spec.loss = parseAnyNumberArg(a, needArgValue(args, i));
        } else {
            throw LoadArgsError(command + ": unknown option '" + a + "' (try " + command +
                                " --help)");
        }
    }
    return spec;
}

LoadSpec loadSpecFromArgs(const std::vector<std::string>& args) {
    std::string format;
    bool help = false;
    LoadSpec spec = loadSpecFromArgs(args, format, help);
    if (help) {
        throw LoadArgsError("a load run cannot ask for --help");
    }
    return spec;
}

}  // namespace closelab::core
