#include "core/options.h"

#include <algorithm>
#include <charconv>
#include <limits>
#include <string>

#include "core/error.h"
#include "core/sysctls.h"

#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace closelab::core {

namespace {

using K = OptionKind;
using V = ValueType;

std::vector<OptionSpec> buildRegistry() {
    std::vector<OptionSpec> r;
    auto add = [&r](OptionSpec s) { r.push_back(std::move(s)); };
    add({"net.ipv4.tcp_tw_reuse",
         K::Sysctl,
         V::Enum,
         0,
         2,
         {"0", "1", "2"},
         "",
         "2",
         "0",
         std::nullopt,
         "",
         QT_TRANSLATE_NOOP("closelab::Options",
                           "Let connect() take over a TIME_WAIT of the same 4-tuple: 0 never, 1 "
                           "always, 2 loopback only (default since 4.18). Needs timestamps."),
         "tcp_twsk_unique()"});
    add({"net.ipv4.tcp_tw_reuse_delay",
         K::Sysctl,
         V::Integer,
         1,
         60000,
         {},
         "ms",
         "1000",
         std::nullopt,
         std::nullopt,
         QT_TRANSLATE_NOOP("closelab::Errors",
                           "tcp_tw_reuse_delay was added in Linux 6.14; older kernels wait about "
                           "1 s of timestamp clock"),
         QT_TRANSLATE_NOOP("closelab::Options",
                           "How old a TIME_WAIT must be (ms since it began) before tcp_tw_reuse "
                           "may take it over."),
         "tcp_twsk_unique()"});
    add({"net.ipv4.tcp_timestamps",
         K::Sysctl,
         V::Enum,
         0,
         2,
         {"0", "1", "2"},
         "",
         "1",
         "1",
         std::nullopt,
         "",
         QT_TRANSLATE_NOOP("closelab::Options",
                           "RFC 7323 timestamps: 0 off, 1 on with a random offset per connection, "
                           "2 on without offsets. PAWS and tcp_tw_reuse depend on them."),
         "tcp_syn_options()"});
    add({"net.ipv4.tcp_fin_timeout",
         K::Sysctl,
         V::Integer,
         0,
         86400,
         {},
         "s",
         "60",
         "60",
         std::nullopt,
         "",
         QT_TRANSLATE_NOOP("closelab::Options",
                           "Lifetime of an ORPHANED FIN_WAIT_2 socket. It does not change "
                           "TIME_WAIT, which is always 60 s on Linux."),
         "tcp_fin_time()"});
    add({"net.ipv4.tcp_max_tw_buckets",
         K::Sysctl,
         V::Integer,
         0,
         2147483647,
         {},
         "",
         "131072",
         "131072",
         std::nullopt,
         "",
         QT_TRANSLATE_NOOP("closelab::Options",
                           "Most timewait sockets (TIME_WAIT and orphaned FIN_WAIT_2) a host "
                           "keeps; beyond it connections skip TIME_WAIT silently "
                           "(TCPTimeWaitOverflow)."),
         "inet_twsk_alloc()"});
    add({"net.ipv4.tcp_rfc1337",
         K::Sysctl,
         V::Bool,
         0,
         1,
         {},
         "",
         "0",
         "0",
         "0",
         "",
         QT_TRANSLATE_NOOP("closelab::Options",
                           "1: ignore an RST that arrives in TIME_WAIT (RFC 1337). 0 (default): "
                           "the RST ends TIME_WAIT early."),
         "tcp_timewait_state_process()"});
    add({"net.ipv4.tcp_orphan_retries",
         K::Sysctl,
         V::Integer,
         0,
         255,
         {},
         "",
         "0",
         "0",
         std::nullopt,
         "",
         QT_TRANSLATE_NOOP("closelab::Options",
                           "Retransmission budget of orphaned sockets (FIN_WAIT_1, LAST_ACK, "
                           "CLOSING); 0 means 8, about 102 s."),
         "tcp_orphan_retries()"});
    add({"net.ipv4.tcp_retries2",
         K::Sysctl,
         V::Integer,
         0,
         255,
         {},
         "",
         "15",
         "15",
         "15",
         "",
         QT_TRANSLATE_NOOP("closelab::Options",
                           "Retransmission budget of sockets the application still holds; 15 is "
                           "about 924.6 s."),
         "tcp_write_timeout()"});
    add({"net.ipv4.tcp_syn_retries",
         K::Sysctl,
         V::Integer,
         1,
         127,
         {},
         "",
         "6",
         "6",
         "6",
         "",
         QT_TRANSLATE_NOOP("closelab::Options",
                           "How many times connect() resends a SYN before ETIMEDOUT."),
         "tcp_write_timeout()"});
    add({"net.ipv4.tcp_tw_recycle",
         K::Sysctl,
         V::Bool,
         0,
         1,
         {},
         "",
         std::nullopt,
         "0",
         std::nullopt,
         QT_TRANSLATE_NOOP("closelab::Errors",
                           "tcp_tw_recycle was removed in Linux 4.12 (commit 4396e46187ca) because "
                           "it drops connections from clients behind NAT; use --kernel linux-4.9"),
         QT_TRANSLATE_NOOP("closelab::Options",
                           "Linux 4.11 and older: shorten TIME_WAIT to 3.5 RTO and drop SYNs whose "
                           "timestamp is older than the last one seen from that address."),
         "tcp_time_wait(), tcp_conn_request()"});
    add({"net.ipv4.tcp_invalid_ratelimit",
         K::Sysctl,
         V::Integer,
         0,
         100000,
         {},
         "ms",
         "500",
         "500",
         std::nullopt,
         "",
         QT_TRANSLATE_NOOP("closelab::Options",
                           "Minimum gap between ACKs sent in reply to invalid segments, e.g. by a "
                           "TIME_WAIT socket."),
         "tcp_timewait_check_oow_rate_limit()"});
    add({"net.ipv4.ip_local_port_range",
         K::Sysctl,
         V::PortRange,
         1,
         65535,
         {},
         "",
         "32768 60999",
         "32768 60999",
         "32768 60999",
         "",
         QT_TRANSLATE_NOOP("closelab::Options",
                           "Ephemeral ports connect() may choose from (both ends included)."),
         "inet_get_local_port_range()"});
    add({"net.ipv4.ip_local_reserved_ports",
         K::Sysctl,
         V::PortList,
         1,
         65535,
         {},
         "",
         "",
         "",
         std::nullopt,
         "",
         QT_TRANSLATE_NOOP("closelab::Options",
                           "Ports connect() never picks automatically (explicit bind() still "
                           "can)."),
         "inet_is_local_reserved_port()"});
    add({"SO_LINGER",
         K::Socket,
         V::Linger,
         0,
         3600,
         {},
         "s",
         "0,0",
         "0,0",
         "0,0",
         "",
         QT_TRANSLATE_NOOP(
             "closelab::Options",
             "on,seconds. 1,0: close() sends RST and skips TIME_WAIT. 1,N: close() "
             "blocks up to N s for the FIN to be acknowledged; nothing is discarded."),
         "__tcp_close(), tcp_disconnect()"});
    add({"SO_REUSEADDR",
         K::Socket,
         V::Bool,
         0,
         1,
         {},
         "",
         "0",
         "0",
         "0",
         "",
         QT_TRANSLATE_NOOP("closelab::Options",
                           "Allow bind() to a port held by TIME_WAIT or other non-listening "
                           "sockets, if they set it too (they inherit it from their listener)."),
         "inet_bind_conflict()"});
    add({"SO_REUSEPORT",
         K::Socket,
         V::Bool,
         0,
         1,
         {},
         "",
         "0",
         "0",
         "0",
         "",
         QT_TRANSLATE_NOOP("closelab::Options",
                           "Allow several sockets, listeners included, to bind the same port if "
                           "all of them set it."),
         "inet_bind_conflict()"});
    add({"TCP_LINGER2",
         K::Socket,
         V::Integer,
         -1,
         86400,
         {},
         "s",
         "0",
         "0",
         std::nullopt,
         "",
         QT_TRANSLATE_NOOP("closelab::Options",
                           "Per-socket tcp_fin_timeout: 0 uses the sysctl, -1 aborts orphaned "
                           "FIN_WAIT_2 at once, larger values are capped at 120 s."),
         "do_tcp_setsockopt()"});
    add({"closelab.msl_ms",
         K::Closelab,
         V::Integer,
         0,
         600000,
         {},
         "ms",
         std::nullopt,
         std::nullopt,
         "30000",
         QT_TRANSLATE_NOOP("closelab::Errors",
                           "MSL is a setting only of the rfc793 teaching profile; Linux uses a "
                           "fixed TIME_WAIT of 60 s (use --kernel rfc793)"),
         QT_TRANSLATE_NOOP("closelab::Options",
                           "Teaching profile rfc793 only: Maximum Segment Lifetime; TIME_WAIT "
                           "lasts 2 x MSL."),
         "RFC 793 p. 28"});
    add({"closelab.time_wait_len_ms",
         K::Closelab,
         V::Integer,
         -1,
         600000,
         {},
         "ms",
         "-1",
         "-1",
         "-1",
         "",
         QT_TRANSLATE_NOOP("closelab::Options",
                           "What-if knob, NOT a kernel setting: force TIME_WAIT to this length "
                           "(0 removes it) to see what breaks. -1 keeps the kernel's rule."),
         "closelab"});
    return r;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() &&
           (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

bool parseInt(std::string_view s, std::int64_t& out) {
    s = trim(s);
    if (s.empty())
        return false;
    if (s.front() == '+')
        s.remove_prefix(1);
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc{} && p == s.data() + s.size();
}

std::vector<std::string_view> splitAny(std::string_view s, std::string_view seps) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || seps.find(s[i]) != std::string_view::npos) {
            if (i > start)
                parts.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    }
    return parts;
}

InputError::Args nameValue(std::string_view name, std::string_view value) {
    return {{"name", std::string(name)}, {"value", std::string(value)}};
}

}  // namespace

const std::vector<OptionSpec>& optionRegistry() {
    static const std::vector<OptionSpec> registry = buildRegistry();
    return registry;
}

const OptionSpec* findOption(std::string_view name) {
    for (const auto& s : optionRegistry()) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

bool optionInProfile(const OptionSpec& spec, KernelProfile profile) {
    switch (profile) {
        case KernelProfile::Linux6:
            return spec.defaultLinux6.has_value();
        case KernelProfile::Linux49:
            return spec.defaultLinux49.has_value();
        case KernelProfile::Rfc793:
            return spec.defaultRfc793.has_value();
    }
    return false;
}

namespace {

// Why an option is missing from a profile: the rfc793 teaching profile has only the rules of
// the RFCs, so a Linux setting is absent there for one reason.
const char* absentWhy(const OptionSpec& spec, KernelProfile profile) {
    if (profile == KernelProfile::Rfc793 && spec.defaultLinux6.has_value())
        return QT_TRANSLATE_NOOP("closelab::Errors",
                                 "it is a Linux setting; the rfc793 teaching profile follows the "
                                 "RFCs only (use --kernel linux-6)");
    return spec.absentWhy;
}

}  // namespace

std::string defaultValue(const OptionSpec& spec, KernelProfile profile) {
    const std::optional<std::string_view>* d = &spec.defaultLinux6;
    if (profile == KernelProfile::Linux49)
        d = &spec.defaultLinux49;
    else if (profile == KernelProfile::Rfc793)
        d = &spec.defaultRfc793;
    if (!d->has_value()) {
        throw InputError(ErrorId::OptionNotInProfile,
                         {{"name", std::string(spec.name)},
                          {"kernel", std::string(profileName(profile))},
                          {"why", absentWhy(spec, profile)}});
    }
    return std::string(**d);
}

OptionValue parseOptionValue(std::string_view name, std::string_view text, KernelProfile profile) {
    const OptionSpec* spec = findOption(name);
    if (spec == nullptr)
        throw InputError(ErrorId::UnknownOption, {{"name", std::string(name)}});
    if (!optionInProfile(*spec, profile)) {
        throw InputError(ErrorId::OptionNotInProfile,
                         {{"name", std::string(name)},
                          {"kernel", std::string(profileName(profile))},
                          {"why", absentWhy(*spec, profile)}});
    }
    OptionValue v;
    v.type = spec->type;
    const std::string_view t = trim(text);
    switch (spec->type) {
        case ValueType::Bool: {
            if (t != "0" && t != "1")
                throw InputError(ErrorId::ValueNotBool, nameValue(name, text));
            v.a = t == "1" ? 1 : 0;
            v.text = std::to_string(v.a);
            break;
        }
        case ValueType::Integer: {
            std::int64_t x = 0;
            if (!parseInt(t, x))
                throw InputError(ErrorId::ValueNotInteger, nameValue(name, text));
            if (x < spec->min || x > spec->max) {
                throw InputError(ErrorId::ValueOutOfRange, {{"name", std::string(name)},
                                                            {"value", std::string(text)},
                                                            {"min", std::to_string(spec->min)},
                                                            {"max", std::to_string(spec->max)}});
            }
            v.a = x;
            v.text = std::to_string(x);
            break;
        }
        case ValueType::Enum: {
            std::vector<std::string_view> allowed = spec->enumValues;
            // Linux 4.9: tcp_tw_reuse and tcp_timestamps are booleans (the value 2 came later).
            if (profile == KernelProfile::Linux49 &&
                (name == "net.ipv4.tcp_tw_reuse" || name == "net.ipv4.tcp_timestamps"))
                allowed = {"0", "1"};
            if (std::find(allowed.begin(), allowed.end(), t) == allowed.end()) {
                std::string list;
                for (auto a : allowed)
                    list += (list.empty() ? "" : ", ") + std::string(a);
                std::int64_t x = 0;
                if (parseInt(t, x)) {
                    throw InputError(ErrorId::ValueOutOfRange,
                                     {{"name", std::string(name)},
                                      {"value", std::string(text)},
                                      {"min", std::string(allowed.front())},
                                      {"max", std::string(allowed.back())}});
                }
                throw InputError(
                    ErrorId::ValueNotInEnum,
                    {{"name", std::string(name)}, {"value", std::string(text)}, {"allowed", list}});
            }
            parseInt(t, v.a);
            v.text = std::string(t);
            break;
        }
        case ValueType::PortRange: {
            const auto parts = splitAny(t, " \t-,:");
            std::int64_t lo = 0;
            std::int64_t hi = 0;
            if (parts.size() != 2 || !parseInt(parts[0], lo) || !parseInt(parts[1], hi) || lo < 1 ||
                hi < 1 || lo > 65535 || hi > 65535)
                throw InputError(ErrorId::PortRangeMalformed, nameValue(name, text));
            if (lo > hi) {
                throw InputError(ErrorId::PortRangeInverted, {{"name", std::string(name)},
                                                              {"low", std::to_string(lo)},
                                                              {"high", std::to_string(hi)}});
            }
            v.a = lo;
            v.b = hi;
            v.text = std::to_string(lo) + ' ' + std::to_string(hi);
            break;
        }
        case ValueType::Linger: {
            const auto parts = splitAny(t, " \t,:{}");
            std::int64_t on = 0;
            std::int64_t secs = 0;
            if (parts.size() != 2 || !parseInt(parts[0], on) || !parseInt(parts[1], secs) ||
                (on != 0 && on != 1) || secs < 0 || secs > spec->max)
                throw InputError(ErrorId::LingerMalformed, nameValue(name, text));
            v.a = on;
            v.b = secs;
            v.text = std::to_string(on) + ',' + std::to_string(secs);
            break;
        }
        case ValueType::PortList: {
            std::string canon;
            for (auto item : splitAny(t, ", \t")) {
                const auto ends = splitAny(item, "-");
                std::int64_t lo = 0;
                std::int64_t hi = 0;
                if (ends.empty() || ends.size() > 2 || !parseInt(ends[0], lo) ||
                    !parseInt(ends.back(), hi) || lo < 1 || hi > 65535 || lo > hi)
                    throw InputError(ErrorId::PortListMalformed, nameValue(name, text));
                v.ranges.emplace_back(static_cast<std::uint16_t>(lo),
                                      static_cast<std::uint16_t>(hi));
                canon += (canon.empty() ? "" : ",") + std::to_string(lo);
                if (hi != lo)
                    canon += '-' + std::to_string(hi);
            }
            v.text = canon;
            break;
        }
    }
    return v;
}

const std::vector<std::string_view>& hostRoleNames() {
    static const std::vector<std::string_view> names = {"client", "server", "client2", "nat",
                                                        "lb",     "web",    "db"};
    return names;
}

OptionOverride parseOverride(std::string_view text) {
    const std::size_t eq = text.find('=');
    if (eq == std::string_view::npos || eq == 0)
        throw InputError(ErrorId::SetSyntax, {{"text", std::string(text)}});
    std::string_view name = trim(text.substr(0, eq));
    OptionOverride o;
    o.value = std::string(trim(text.substr(eq + 1)));
    const std::size_t dot = name.find('.');
    if (dot != std::string_view::npos) {
        const std::string_view prefix = name.substr(0, dot);
        const auto& roles = hostRoleNames();
        if (std::find(roles.begin(), roles.end(), prefix) != roles.end()) {
            o.host = std::string(prefix);
            name = name.substr(dot + 1);
        }
    }
    if (findOption(name) == nullptr)
        throw InputError(ErrorId::UnknownOption, {{"name", std::string(name)}});
    o.name = std::string(name);
    return o;
}

// --- Sysctls / SocketOptions -------------------------------------------------------------

Sysctls Sysctls::defaults(KernelProfile profile) {
    Sysctls s;
    s.profile = profile;
    for (const auto& spec : optionRegistry()) {
        if (spec.kind == OptionKind::Socket || !optionInProfile(spec, profile))
            continue;
        s.apply(spec.name, parseOptionValue(spec.name, defaultValue(spec, profile), profile));
    }
    if (profile == KernelProfile::Linux49)
        s.tcpTwReuseDelayMs = 0;  // absent: the 4.9 rule (timestamp seconds) applies
    if (profile == KernelProfile::Rfc793) {
        // The RFC 793 machine without Linux's additions: no timestamps (RFC 7323 came later),
        // no TIME_WAIT takeover, no cap on timewait sockets, every unacceptable segment is
        // ACKed (no rate limit), and no FIN_WAIT_2 timer (an orphan waits; a day stands in for
        // "forever" here).
        s.tcpTwReuse = 0;
        s.tcpTwReuseDelayMs = 0;
        s.tcpTimestamps = 0;
        s.tcpFinTimeoutSec = 86400;
        s.tcpMaxTwBuckets = std::numeric_limits<std::int64_t>::max();
        s.tcpInvalidRatelimitMs = 0;
        s.reservedPorts.clear();
    }
    return s;
}

void Sysctls::apply(std::string_view name, const OptionValue& v) {
    if (name == "net.ipv4.tcp_tw_reuse")
        tcpTwReuse = static_cast<std::uint8_t>(v.a);
    else if (name == "net.ipv4.tcp_tw_reuse_delay")
        tcpTwReuseDelayMs = static_cast<std::uint32_t>(v.a);
    else if (name == "net.ipv4.tcp_timestamps")
        tcpTimestamps = static_cast<std::uint8_t>(v.a);
    else if (name == "net.ipv4.tcp_fin_timeout")
        tcpFinTimeoutSec = static_cast<std::int32_t>(v.a);
    else if (name == "net.ipv4.tcp_max_tw_buckets")
        tcpMaxTwBuckets = v.a;
    else if (name == "net.ipv4.tcp_rfc1337")
        tcpRfc1337 = v.a != 0;
    else if (name == "net.ipv4.tcp_orphan_retries")
        tcpOrphanRetries = static_cast<std::uint8_t>(v.a);
    else if (name == "net.ipv4.tcp_retries2")
        tcpRetries2 = static_cast<std::uint8_t>(v.a);
    else if (name == "net.ipv4.tcp_syn_retries")
        tcpSynRetries = static_cast<std::uint8_t>(v.a);
    else if (name == "net.ipv4.tcp_tw_recycle")
        tcpTwRecycle = v.a != 0;
    else if (name == "net.ipv4.tcp_invalid_ratelimit")
        tcpInvalidRatelimitMs = static_cast<std::uint32_t>(v.a);
    else if (name == "net.ipv4.ip_local_port_range") {
        localPortLow = static_cast<std::uint16_t>(v.a);
        localPortHigh = static_cast<std::uint16_t>(v.b);
    } else if (name == "net.ipv4.ip_local_reserved_ports")
        reservedPorts = v.ranges;
    else if (name == "closelab.msl_ms")
        mslMs = v.a;
    else if (name == "closelab.time_wait_len_ms")
        timeWaitLenMs = v.a;
}

SimTime Sysctls::timeWaitLen() const {
    if (timeWaitLenMs >= 0)
        return msToUs(timeWaitLenMs);
    if (profile == KernelProfile::Rfc793)
        return msToUs(2 * mslMs);
    return kTimeWaitLen;
}

bool Sysctls::isReservedPort(std::uint16_t port) const {
    for (const auto& [lo, hi] : reservedPorts) {
        if (port >= lo && port <= hi)
            return true;
    }
    return false;
}

void SocketOptions::apply(std::string_view name, const OptionValue& v) {
    if (name == "SO_LINGER") {
        lingerOn = v.a != 0;
        lingerSec = static_cast<std::int32_t>(v.b);
    } else if (name == "SO_REUSEADDR") {
        reuseAddr = v.a != 0;
    } else if (name == "SO_REUSEPORT") {
        reusePort = v.a != 0;
    } else if (name == "TCP_LINGER2") {
        linger2Sec = static_cast<std::int32_t>(v.a);
    }
}

}  // namespace closelab::core
