// Load parameters: validation of a LoadSpec and resolution of kernel profiles and --set.
#include <charconv>
#include <cmath>
#include <string>
#include <string_view>

#include "core/load/load_host_params.h"
#include "core/load/load_spec.h"

namespace closelab::core {

namespace {

long long parseWhole(const std::string& name, std::string_view text, long long lo, long long hi) {
    long long value = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc{} || ptr != end) {
        throw LoadSpecError(name + " expects a whole number, got '" + std::string(text) + "'");
    }
    if (value < lo || value > hi) {
        throw LoadSpecError(name + " must be between " + std::to_string(lo) + " and " +
                            std::to_string(hi) + ", got " + std::string(text));
    }
    return value;
}

std::pair<std::uint16_t, std::uint16_t> parsePortRange(const std::string& name,
                                                       std::string_view text) {
    const auto cut = text.find_first_of(" \t-,");
    if (cut == std::string_view::npos) {
        throw LoadSpecError(name + " expects 'LOW HIGH', got '" + std::string(text) + "'");
    }
    const auto lo = parseWhole(name, text.substr(0, cut), 1, 65535);
    auto rest = text.substr(cut + 1);
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) {
        rest.remove_prefix(1);
    }
    const auto hi = parseWhole(name, rest, 1, 65535);
    if (lo > hi) {
        throw LoadSpecError(name + ": the low end " + std::to_string(lo) +
                            " is above the high end " + std::to_string(hi));
    }
    return {static_cast<std::uint16_t>(lo), static_cast<std::uint16_t>(hi)};
}

std::vector<std::pair<std::uint16_t, std::uint16_t>> parseReserved(const std::string& name,
                                                                   std::string_view text) {
    std::vector<std::pair<std::uint16_t, std::uint16_t>> out;
    while (!text.empty()) {
        const auto comma = text.find(',');
        const auto item = text.substr(0, comma);
        const auto dash = item.find('-');
        if (dash == std::string_view::npos) {
            const auto p = static_cast<std::uint16_t>(parseWhole(name, item, 1, 65535));
            out.emplace_back(p, p);
        } else {
            out.push_back(parsePortRange(name, std::string(item.substr(0, dash)) + " " +
                                                   std::string(item.substr(dash + 1))));
        }
        if (comma == std::string_view::npos) {
            break;
        }
        text.remove_prefix(comma + 1);
    }
    return out;
}

void applyProfile(LoadHostParams& p, const std::string& kernel) {
    p.kernel = kernel;
    if (kernel == "linux-4.9") {
        // 4.9: tcp_tw_reuse is a boolean (default off), no tcp_tw_reuse_delay, tcp_tw_recycle
        // still exists, and timestamps carry no random offset (added in 4.10).
        p.twReuse = 0;
        p.hasTwReuseDelay = false;
        p.hasTwRecycle = true;
        p.perConnectionTsOffset = false;
    } else if (kernel == "rfc793") {
        // Teaching profile: TIME_WAIT = 2 x MSL (RFC 793 MSL = 2 minutes), no timestamps.
        p.twReuse = 0;
        p.timestamps = 0;
        p.timeWaitLenUs = 2 * 120'000'000LL;
    }
}

void applySetting(LoadHostParams& p, const std::string& name, const std::string& value,
                  std::int64_t& mslMs, bool& timeWaitSet) {
    const std::string full = name;
    auto sysctl = [&](std::string_view short_name) {
        return name == "net.ipv4." + std::string(short_name);
    };
    if (sysctl("ip_local_port_range")) {
        auto [lo, hi] = parsePortRange(full, value);
        p.portLow = lo;
        p.portHigh = hi;
    } else if (sysctl("ip_local_reserved_ports")) {
        p.reservedPorts = parseReserved(full, value);
    } else if (sysctl("tcp_tw_reuse")) {
        p.twReuse = static_cast<int>(parseWhole(full, value, 0, p.kernel == "linux-4.9" ? 1 : 2));
    } else if (sysctl("tcp_tw_reuse_delay")) {
        if (!p.hasTwReuseDelay) {
            throw LoadSpecError(full + " does not exist in " + p.kernel +
                                " (it was added in Linux 6.14)");
        }
        p.twReuseDelayMs = parseWhole(full, value, 1, 60000);
    } else if (sysctl("tcp_timestamps")) {
        p.timestamps = static_cast<int>(parseWhole(full, value, 0, 2));
    } else if (sysctl("tcp_max_tw_buckets")) {
        p.maxTwBuckets = parseWhole(full, value, 0, 2147483647LL);
    } else if (sysctl("tcp_fin_timeout")) {
        p.finTimeoutMs = parseWhole(full, value, 1, 86400) * 1000;
    } else if (sysctl("tcp_rfc1337")) {
        p.rfc1337 = static_cast<int>(parseWhole(full, value, 0, 1));
    } else if (sysctl("tcp_tw_recycle")) {
        if (!p.hasTwRecycle) {
            throw LoadSpecError(
                full + " does not exist in " + p.kernel +
                " (tcp_tw_recycle was removed in Linux 4.12; use --kernel linux-4.9)");
        }
        p.twRecycle = static_cast<int>(parseWhole(full, value, 0, 1));
    } else if (sysctl("tcp_orphan_retries")) {
        p.orphanRetries = static_cast<int>(parseWhole(full, value, 0, 15));
    } else if (sysctl("tcp_syn_retries")) {
        p.synRetries = static_cast<int>(parseWhole(full, value, 1, 127));
    } else if (sysctl("tcp_synack_retries")) {
        p.synackRetries = static_cast<int>(parseWhole(full, value, 1, 255));
    } else if (sysctl("tcp_retries2")) {
        p.retries2 = static_cast<int>(parseWhole(full, value, 1, 255));
    } else if (name == "closelab.time_wait_len_ms") {
        p.timeWaitLenUs = parseWhole(full, value, 0, 3'600'000) * 1000;
        timeWaitSet = true;
    } else if (name == "closelab.msl_ms") {
        if (p.kernel != "rfc793") {
            throw LoadSpecError(full +
                                " only exists in the rfc793 profile (Linux has no MSL "
                                "setting: TIME_WAIT is TCP_TIMEWAIT_LEN = 60 s)");
        }
        mslMs = parseWhole(full, value, 1, 1'800'000);
    } else if (name == "SO_LINGER") {
        const auto comma = value.find(',');
        if (comma == std::string::npos) {
            throw LoadSpecError(full + " expects 'ONOFF,SECONDS' like 1,0, got '" + value + "'");
        }
        p.lingerOn = parseWhole(full, std::string_view(value).substr(0, comma), 0, 1) == 1;
        p.lingerS =
            static_cast<int>(parseWhole(full, std::string_view(value).substr(comma + 1), 0, 65535));
    } else if (name == "SO_REUSEADDR" || name == "SO_REUSEPORT") {
        // Accepted for parity with `run`: no load workload rebinds a listener.
        parseWhole(full, value, 0, 1);
    } else {
        throw LoadSpecError("unknown option '" + full + "'");
    }
}

}  // namespace

void validateLoadSpec(const LoadSpec& s) {
    if (s.ratePerS && !(*s.ratePerS > 0.0 && *s.ratePerS <= kMaxLoadRate)) {
        throw LoadSpecError("--rate must be above 0 and at most " +
                            std::to_string(static_cast<long long>(kMaxLoadRate)));
    }
    if (s.poisson && !s.ratePerS) {
        throw LoadSpecError("--poisson needs --rate");
    }
    if (!s.ratePerS && !s.count && s.pool == 0) {
        throw LoadSpecError("give --rate, or --count for back-to-back attempts");
    }
    if (s.count && (*s.count == 0 || *s.count > kMaxLoadCount)) {
        throw LoadSpecError("--count must be between 1 and " + std::to_string(kMaxLoadCount));
    }
    if (!(s.durationS > 0.0 && s.durationS <= kMaxLoadDurationS)) {
        throw LoadSpecError("--duration must be above 0 and at most 86400 seconds");
    }
    if (s.peerClose == PeerClose::Delay &&
        (s.peerCloseDelayMs < 0 || s.peerCloseDelayMs > 86'400'000)) {
        throw LoadSpecError("--peer-close delay must be between 0 and 86400000 ms");
    }
    if (s.pool < 0 || s.pool > kMaxPool) {
        throw LoadSpecError("--pool must be between 0 and " + std::to_string(kMaxPool));
    }
    if (s.poolRequests < 0) {
        throw LoadSpecError("--pool requests per connection must not be negative");
    }
    if (s.clients < 1 || s.clients > kMaxLoadClients) {
        throw LoadSpecError("--clients must be between 1 and " + std::to_string(kMaxLoadClients));
    }
    if (s.serverPorts < 1 || s.serverPorts > kMaxServerPorts) {
        throw LoadSpecError("--server-ports must be between 1 and " +
                            std::to_string(kMaxServerPorts));
    }
    if (s.rttMs && !(*s.rttMs >= 0.001 && *s.rttMs <= 10000.0)) {
        throw LoadSpecError("--rtt-ms must be between 0.001 and 10000");
    }
    if (!(s.loss >= 0.0 && s.loss < 1.0)) {
        throw LoadSpecError("--loss must be a probability from 0 up to (not including) 1");
    }
    if (s.loopback && (s.clients > 1 || s.nat)) {
        throw LoadSpecError(
            "--loopback puts both ends on one host: it excludes --clients and --nat");
    }
    if (s.nat && s.clients < 2) {
        // One client behind a NAT is allowed: it still shows the address rewrite.
    }
    if (s.kernel != "linux-6" && s.kernel != "linux-4.9" && s.kernel != "rfc793") {
        throw LoadSpecError("unknown kernel profile '" + s.kernel +
                            "' (choose linux-6, linux-4.9 or rfc793)");
    }
    if (s.sampleMs < 1 || s.sampleMs > 3'600'000) {
        throw LoadSpecError("--sample-ms must be between 1 and 3600000");
    }
    const double samples = s.durationS * 1000.0 / static_cast<double>(s.sampleMs);
    if (samples > 1'000'000.0) {
        throw LoadSpecError("--duration / --sample-ms gives more than 1000000 samples");
    }
}

std::int64_t effectiveRttUs(const LoadSpec& spec) {
    const double ms = spec.rttMs ? *spec.rttMs : (spec.loopback ? 0.05 : 1.0);
    return std::max<std::int64_t>(1, std::llround(ms * 1000.0));
}

std::vector<std::string> loadHostNames(const LoadSpec& spec) {
    if (spec.loopback) {
        return {"localhost"};
    }
    std::vector<std::string> names;
    if (spec.clients == 1) {
        names.emplace_back("client");
    } else {
        for (int i = 1; i <= spec.clients; ++i) {
            names.push_back("client" + std::to_string(i));
        }
    }
    if (spec.nat) {
        names.emplace_back("nat");
    }
    names.emplace_back("server");
    return names;
}

std::vector<LoadHostParams> resolveLoadHostParams(const LoadSpec& spec) {
    const auto names = loadHostNames(spec);
    std::vector<LoadHostParams> params(names.size());
    std::vector<std::int64_t> msl(names.size(), 120'000);
    std::vector<bool> twSet(names.size(), false);
    for (auto& p : params) {
        applyProfile(p, spec.kernel);
    }
    for (const auto& [name, value] : spec.settings) {
        // "client.net.ipv4.x" scopes to one host; an unscoped name applies to every host.
        std::size_t target = names.size();
        std::string option = name;
        const auto dot = name.find('.');
        if (dot != std::string::npos) {
            const auto scope = name.substr(0, dot);
            for (std::size_t i = 0; i < names.size(); ++i) {
                if (names[i] == scope) {
                    target = i;
                    option = name.substr(dot + 1);
                }
            }
            if (target == names.size() && scope != "net" && scope != "closelab") {
                throw LoadSpecError("unknown host '" + scope + "' in --set " + name +
                                    " (hosts here: " +
                                    [&] {
                                        std::string all;
                                        for (const auto& n : names) {
                                            all += (all.empty() ? "" : ", ") + n;
                                        }
                                        return all;
                                    }() +
                                    ")");
            }
        }
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (target == names.size() || target == i) {
                bool tw = false;
                applySetting(params[i], option, value, msl[i], tw);
                if (tw) {
                    twSet[i] = true;
                }
            }
        }
    }
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (params[i].kernel == "rfc793" && !twSet[i]) {
            params[i].timeWaitLenUs = 2 * msl[i] * 1000;
        }
    }
    return params;
}

std::map<std::string, std::string> LoadHostParams::describe() const {
    std::map<std::string, std::string> out;
    out["net.ipv4.ip_local_port_range"] = std::to_string(portLow) + " " + std::to_string(portHigh);
    std::string reserved;
    for (const auto& [lo, hi] : reservedPorts) {
        reserved += (reserved.empty() ? "" : ",") + std::to_string(lo) +
                    (lo == hi ? "" : "-" + std::to_string(hi));
    }
    out["net.ipv4.ip_local_reserved_ports"] = reserved;
    out["net.ipv4.tcp_tw_reuse"] = std::to_string(twReuse);
    if (hasTwReuseDelay) {
        out["net.ipv4.tcp_tw_reuse_delay"] = std::to_string(twReuseDelayMs);
    }
    out["net.ipv4.tcp_timestamps"] = std::to_string(timestamps);
    out["net.ipv4.tcp_max_tw_buckets"] = std::to_string(maxTwBuckets);
    out["net.ipv4.tcp_fin_timeout"] = std::to_string(finTimeoutMs / 1000);
    out["net.ipv4.tcp_rfc1337"] = std::to_string(rfc1337);
    if (hasTwRecycle) {
        out["net.ipv4.tcp_tw_recycle"] = std::to_string(twRecycle);
    }
    out["net.ipv4.tcp_orphan_retries"] = std::to_string(orphanRetries);
    out["net.ipv4.tcp_syn_retries"] = std::to_string(synRetries);
    out["net.ipv4.tcp_synack_retries"] = std::to_string(synackRetries);
    out["net.ipv4.tcp_retries2"] = std::to_string(retries2);
    out["closelab.time_wait_len_ms"] = std::to_string(timeWaitLenUs / 1000);
    out["SO_LINGER"] = std::string(lingerOn ? "1," : "0,") + std::to_string(lingerS);
    return out;
}

}  // namespace closelab::core
