// Load parameters: validation of a LoadSpec and resolution of kernel profiles and --set.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/kernel_profile.h"
#include "core/load/load_host_params.h"
#include "core/load/load_spec.h"
#include "core/options.h"
#include "core/sysctls.h"
#include "core/tcp/close.h"

namespace closelab::core {

namespace {

// A number as the user would type it ("0.5", "86400", "1e+07").
std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

[[noreturn]] void outOfRange(const char* name, const std::string& min, const std::string& max,
                             const std::string& value) {
    throw LoadSpecError(ErrorId::ValueOutOfRange,
                        {{"name", name}, {"min", min}, {"max", max}, {"value", value}});
}

}  // namespace

void validateLoadSpec(const LoadSpec& s) {
    if (s.ratePerS && !(*s.ratePerS > 0.0 && *s.ratePerS <= kMaxLoadRate)) {
        throw LoadSpecError(
            ErrorId::LoadAboveZero,
            {{"name", "--rate"}, {"max", num(kMaxLoadRate)}, {"value", num(*s.ratePerS)}});
    }
    if (s.poisson && !s.ratePerS) {
        throw LoadSpecError(ErrorId::LoadNeedsRate, {{"name", "--poisson"}});
    }
    if (!s.ratePerS && !s.count && s.pool == 0) {
        throw LoadSpecError(ErrorId::LoadNeedsRateOrCount, {});
    }
    if (s.count && (*s.count == 0 || *s.count > kMaxLoadCount)) {
        outOfRange("--count", "1", std::to_string(kMaxLoadCount), std::to_string(*s.count));
    }
    if (s.ratePerS && !s.count && *s.ratePerS * s.durationS > static_cast<double>(kMaxLoadCount)) {
        throw LoadSpecError(ErrorId::LoadTooManyAttempts, {{"max", std::to_string(kMaxLoadCount)}});
    }
    if (!(s.durationS > 0.0 && s.durationS <= kMaxLoadDurationS)) {
        throw LoadSpecError(
            ErrorId::LoadAboveZero,
            {{"name", "--duration"}, {"max", num(kMaxLoadDurationS)}, {"value", num(s.durationS)}});
    }
    if (s.peerClose == PeerClose::Delay &&
        (s.peerCloseDelayMs < 0 || s.peerCloseDelayMs > 86'400'000)) {
        outOfRange("--peer-close delay:MS", "0", "86400000", std::to_string(s.peerCloseDelayMs));
    }
    if (s.pool < 0 || s.pool > kMaxPool) {
        outOfRange("--pool", "0", std::to_string(kMaxPool), std::to_string(s.pool));
    }
    if (s.poolRequests < 0) {
        throw LoadSpecError(ErrorId::LoadNegative,
                            {{"name", "--pool P:N"}, {"value", std::to_string(s.poolRequests)}});
    }
    if (s.clients < 1 || s.clients > kMaxLoadClients) {
        outOfRange("--clients", "1", std::to_string(kMaxLoadClients), std::to_string(s.clients));
    }
    if (s.serverPorts < 1 || s.serverPorts > kMaxServerPorts) {
        outOfRange("--server-ports", "1", std::to_string(kMaxServerPorts),
                   std::to_string(s.serverPorts));
    }
    if (s.rttMs && !(*s.rttMs >= 0.001 && *s.rttMs <= 10000.0)) {
        outOfRange("--rtt-ms", "0.001", "10000", num(*s.rttMs));
    }
    if (!(s.loss >= 0.0 && s.loss < 1.0)) {
        throw LoadSpecError(ErrorId::LoadLossOutOfRange, {{"value", num(s.loss)}});
    }
    if (s.loopback && (s.clients > 1 || s.nat)) {
        throw LoadSpecError(ErrorId::LoadLoopbackExcludes, {});
    }
    // One client behind a NAT is allowed: it still shows the address rewrite.
    if (s.kernel != "linux-6" && s.kernel != "linux-4.9" && s.kernel != "rfc793") {
        throw LoadSpecError(ErrorId::UnknownKernel, {{"kernel", s.kernel}});
    }
    if (s.sampleMs < 1 || s.sampleMs > 3'600'000) {
        outOfRange("--sample-ms", "1", "3600000", std::to_string(s.sampleMs));
    }
    const double samples = s.durationS * 1000.0 / static_cast<double>(s.sampleMs);
    if (samples > 1'000'000.0) {
        throw LoadSpecError(ErrorId::LoadTooManySamples, {{"max", "1000000"}});
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

namespace {

// The load model's flat view of one host's Sysctls and SocketOptions (the engine's types:
// profile defaults and value rules come from the option registry, core/options.h).
LoadHostParams flatten(const Sysctls& sys, const SocketOptions& sock, const std::string& kernel) {
    LoadHostParams p;
    p.kernel = kernel;
    p.sysctls = sys;
    p.portLow = sys.localPortLow;
    p.portHigh = sys.localPortHigh;
    p.reservedPorts = sys.reservedPorts;
    p.twReuse = sys.tcpTwReuse;
    p.hasTwReuseDelay = sys.tcpTwReuseDelayMs != 0;
    p.twReuseDelayMs = sys.tcpTwReuseDelayMs;
    p.timestamps = sys.tcpTimestamps;
    // secure_tcp_ts_off(): random per-connection offsets arrived in 4.10.
    p.perConnectionTsOffset = sys.profile != KernelProfile::Linux49;
    p.maxTwBuckets = sys.tcpMaxTwBuckets;
    p.finTimeoutSysctlSec = sys.tcpFinTimeoutSec;
    p.linger2Us = tcp::tcp_linger2(sock.linger2Sec, sys.tcpFinTimeoutSec, sys.profile);
    p.finTimeoutMs =
        p.linger2Us > 0 ? p.linger2Us / 1000 : std::int64_t{sys.tcpFinTimeoutSec} * 1000;
    p.rfc1337 = sys.tcpRfc1337 ? 1 : 0;
    p.hasTwRecycle = sys.profile == KernelProfile::Linux49;
    p.twRecycle = sys.tcpTwRecycle ? 1 : 0;
    p.orphanRetries = sys.tcpOrphanRetries;
    p.synRetries = sys.tcpSynRetries;
    p.retries2 = sys.tcpRetries2;
    p.timeWaitLenUs = sys.timeWaitLen();
    p.lingerOn = sock.lingerOn;
    p.lingerS = sock.lingerSec;
    return p;
}

std::string joined(const std::vector<std::string>& names) {
    std::string all;
    for (const auto& n : names) {
        all += (all.empty() ? "" : ", ") + n;
    }
    return all;
}

}  // namespace

std::vector<LoadHostParams> resolveLoadHostParams(const LoadSpec& spec) {
    const auto names = loadHostNames(spec);
    const auto profile = parseProfile(spec.kernel);
    if (!profile) {
        throw LoadSpecError(ErrorId::UnknownKernel, {{"kernel", spec.kernel}});
    }
    std::vector<Sysctls> sys(names.size(), Sysctls::defaults(*profile));
    std::vector<SocketOptions> sock(names.size());
    for (const auto& [name, value] : spec.settings) {
        // "client.net.ipv4.x" scopes to one host; an unscoped name applies to every host.
        std::size_t target = names.size();
        std::string option = name;
        const auto dot = name.find('.');
        if (dot != std::string::npos && findOption(name) == nullptr) {
            const auto scope = name.substr(0, dot);
            for (std::size_t i = 0; i < names.size(); ++i) {
                if (names[i] == scope) {
                    target = i;
                    option = name.substr(dot + 1);
                }
            }
            if (target == names.size() && findOption(name.substr(dot + 1)) != nullptr) {
                throw LoadSpecError(ErrorId::LoadUnknownHost,
                                    {{"host", scope}, {"name", name}, {"hosts", joined(names)}});
            }
        }
        const OptionSpec* os = findOption(option);
        OptionValue v;
        try {
            v = parseOptionValue(option, value, *profile);
        } catch (const InputError& e) {
            throw LoadSpecError(e);
        }
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (target != names.size() && target != i) {
                continue;
            }
            if (os->kind == OptionKind::Socket) {
                sock[i].apply(option, v);
            } else {
                sys[i].apply(option, v);
            }
        }
    }
    std::vector<LoadHostParams> params;
    for (std::size_t i = 0; i < names.size(); ++i) {
        params.push_back(flatten(sys[i], sock[i], spec.kernel));
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
    if (linger2Us != 0) {
        out["TCP_LINGER2"] = std::to_string(linger2Us < 0 ? -1 : linger2Us / 1'000'000);
    }
    out["net.ipv4.tcp_rfc1337"] = std::to_string(rfc1337);
    if (hasTwRecycle) {
        out["net.ipv4.tcp_tw_recycle"] = std::to_string(twRecycle);
    }
    out["net.ipv4.tcp_orphan_retries"] = std::to_string(orphanRetries);
    out["net.ipv4.tcp_syn_retries"] = std::to_string(synRetries);
    out["net.ipv4.tcp_retries2"] = std::to_string(retries2);
    out["closelab.time_wait_len_ms"] = std::to_string(timeWaitLenUs / 1000);
    out["SO_LINGER"] = std::string(lingerOn ? "1," : "0,") + std::to_string(lingerS);
    return out;
}

}  // namespace closelab::core
