// Sweeps: one load per value of one or two parameters, run in parallel, written as JSON or CSV.
#include "core/load/load_sweep.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <exception>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "core/error.h"
#include "core/load/load_host_params.h"
#include "core/load/load_model.h"

namespace closelab::core {

namespace {

constexpr std::array<SweepParamInfo, static_cast<std::size_t>(SweepParam::Count)> kParams = {{
    {"rate", false, 1e-6, kMaxLoadRate},
    {"duration", false, 0.001, kMaxLoadDurationS},
    {"port_range", true, 1, 65535},
    {"server_ports", true, 1, kMaxServerPorts},
    {"clients", true, 1, kMaxLoadClients},
    {"tcp_tw_reuse", true, 0, 2},
    {"tcp_tw_reuse_delay", true, 1, 60000},
    {"tcp_max_tw_buckets", true, 0, 2147483647.0},
    {"tcp_fin_timeout", true, 0, 86400},
    {"peer_close_delay", true, 0, 86'400'000},
    {"pool", true, 0, kMaxPool},
    {"loss", false, 0, 0.999999},
}};

// A number as the user would type it ("0.5", "86400", "1e+07").
std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

std::string optionFor(const std::string& option, SweepParam p) {
    return option + " (" + std::string(sweepParamInfo(p).name) + ")";
}

double checkValue(SweepParam p, double v, const std::string& text, const std::string& option) {
    const SweepParamInfo& info = sweepParamInfo(p);
    if (info.integer && v != std::floor(v)) {
        throw LoadSpecError(ErrorId::ValueNotInteger,
                            {{"name", optionFor(option, p)}, {"value", text}});
    }
    if (!(v >= info.min && v <= info.max)) {
        throw LoadSpecError(ErrorId::ValueOutOfRange, {{"name", optionFor(option, p)},
                                                       {"min", num(info.min)},
                                                       {"max", num(info.max)},
                                                       {"value", text}});
    }
    return v;
}

// Replaces every --set of `name` (any host) with one for all hosts.
void setOption(LoadSpec& spec, const std::string& name, const std::string& value) {
    std::erase_if(spec.settings, [&](const auto& s) {
        return s.first == name || (s.first.size() > name.size() && s.first.ends_with(name) &&
                                   s.first[s.first.size() - name.size() - 1] == '.');
    });
    spec.settings.emplace_back(name, value);
}

double attemptsOf(const LoadSpec& s) {
    if (s.count) {
        return static_cast<double>(*s.count);
    }
    return s.ratePerS ? *s.ratePerS * s.durationS : 0.0;
}

nlohmann::json valueJson(SweepParam p, double v) {
    if (sweepParamInfo(p).integer) {
        return nlohmann::json(static_cast<std::int64_t>(v));
    }
    return nlohmann::json(v);
}

// A CSV cell: whole numbers without ".0", others with 12 significant digits.
std::string csvNumber(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.12g", v);
    return buf;
}

nlohmann::json valuesJson(SweepParam p, const std::vector<double>& values) {
    nlohmann::json a = nlohmann::json::array();
    for (const double v : values) {
        a.push_back(valueJson(p, v));
    }
    return a;
}

}  // namespace

const SweepParamInfo& sweepParamInfo(SweepParam p) {
    return kParams[static_cast<std::size_t>(p)];
}

SweepParam parseSweepParam(std::string_view name) {
    std::string allowed;
    for (std::size_t i = 0; i < kParams.size(); ++i) {
        if (kParams[i].name == name) {
            return static_cast<SweepParam>(i);
        }
        allowed += (i == 0 ? "" : ", ") + std::string(kParams[i].name);
    }
    throw LoadSpecError(ErrorId::SweepUnknownParam,
                        {{"name", std::string(name)}, {"allowed", allowed}});
}

std::vector<double> parseSweepValues(SweepParam p, std::string_view list,
                                     const std::string& option) {
    std::vector<double> values;
    std::size_t start = 0;
    for (;;) {
        const std::size_t comma = list.find(',', start);
        const std::string_view item = list.substr(
            start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
        double v = 0;
        const auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), v);
        if (item.empty() || ec != std::errc() || end != item.data() + item.size() ||
            !std::isfinite(v)) {
            throw LoadSpecError(ErrorId::SweepNotNumber,
                                {{"name", optionFor(option, p)}, {"value", std::string(item)}});
        }
        values.push_back(checkValue(p, v, std::string(item), option));
        if (values.size() > kMaxSweepPoints2D) {
            throw LoadSpecError(ErrorId::SweepTooManyPoints,
                                {{"count", std::to_string(values.size()) + "+"},
                                 {"max", std::to_string(kMaxSweepPoints)},
                                 {"max2", std::to_string(kMaxSweepPoints2D)}});
        }
        if (comma == std::string_view::npos) {
            break;
        }
        start = comma + 1;
    }
    return values;
}

std::vector<double> sweepRange(SweepParam p, double from, double to, long long steps,
                               const std::string& fromOption, const std::string& toOption,
                               const std::string& stepsOption) {
    const SweepParamInfo& info = sweepParamInfo(p);
    checkValue(p, info.integer ? std::round(from) : from, num(from), fromOption);
    checkValue(p, info.integer ? std::round(to) : to, num(to), toOption);
    if (steps < 1 || steps > static_cast<long long>(kMaxSweepPoints)) {
        throw LoadSpecError(ErrorId::ValueOutOfRange, {{"name", stepsOption},
                                                       {"min", "1"},
                                                       {"max", std::to_string(kMaxSweepPoints)},
                                                       {"value", std::to_string(steps)}});
    }
    std::vector<double> values;
    for (long long i = 0; i < steps; ++i) {
        double v = steps == 1 ? from
                              : from + (to - from) * static_cast<double>(i) /
                                           static_cast<double>(steps - 1);
        if (i == steps - 1) {
            v = to;  // exactly, whatever the rounding of the steps before
        }
        values.push_back(info.integer ? std::round(v) : v);
    }
    return values;
}

void applySweepValue(LoadSpec& spec, SweepParam p, double value) {
    const auto n = static_cast<std::int64_t>(value);
    switch (p) {
        case SweepParam::Rate:
            spec.ratePerS = value;
            break;
        case SweepParam::Duration:
            spec.durationS = value;
            break;
        case SweepParam::PortRange: {
            // From 32768 (the default's start) while it fits below 65536, lower when wider.
            const std::int64_t low = std::min<std::int64_t>(32768, 65536 - n);
            setOption(spec, "net.ipv4.ip_local_port_range",
                      std::to_string(low) + " " + std::to_string(low + n - 1));
            break;
        }
        case SweepParam::ServerPorts:
            spec.serverPorts = static_cast<int>(n);
            break;
        case SweepParam::Clients:
            spec.clients = static_cast<int>(n);
            break;
        case SweepParam::TwReuse:
            setOption(spec, "net.ipv4.tcp_tw_reuse", std::to_string(n));
            break;
        case SweepParam::TwReuseDelay:
            setOption(spec, "net.ipv4.tcp_tw_reuse_delay", std::to_string(n));
            break;
        case SweepParam::MaxTwBuckets:
            setOption(spec, "net.ipv4.tcp_max_tw_buckets", std::to_string(n));
            break;
        case SweepParam::FinTimeout:
            setOption(spec, "net.ipv4.tcp_fin_timeout", std::to_string(n));
            break;
        case SweepParam::PeerCloseDelay:
            spec.peerClose = PeerClose::Delay;
            spec.peerCloseDelayMs = n;
            break;
        case SweepParam::Pool:
            spec.pool = static_cast<int>(n);
            break;
        case SweepParam::Loss:
            spec.loss = value;
            break;
        case SweepParam::Count:
            break;
    }
}

std::vector<LoadSpec> sweepPointSpecs(const SweepSpec& sweep) {
    if (sweep.param2 && *sweep.param2 == sweep.param) {
        throw LoadSpecError(ErrorId::SweepSameParam,
                            {{"name", std::string(sweepParamInfo(sweep.param).name)}});
    }
    const std::size_t n2 = sweep.param2 ? sweep.values2.size() : 1;
    const std::size_t count = sweep.values.size() * n2;
    const std::size_t cap = sweep.param2 ? kMaxSweepPoints2D : kMaxSweepPoints;
    if (count > cap || sweep.values.empty() || n2 == 0) {
        throw LoadSpecError(ErrorId::SweepTooManyPoints,
                            {{"count", std::to_string(count)},
                             {"max", std::to_string(kMaxSweepPoints)},
                             {"max2", std::to_string(kMaxSweepPoints2D)}});
    }
    std::vector<LoadSpec> specs;
    specs.reserve(count);
    double total = 0;
    for (const double v : sweep.values) {
        for (std::size_t j = 0; j < n2; ++j) {
            LoadSpec s = sweep.base;
            applySweepValue(s, sweep.param, v);
            if (sweep.param2) {
                applySweepValue(s, *sweep.param2, sweep.values2[j]);
            }
            validateLoadSpec(s);
            resolveLoadHostParams(s);  // bad options fail here, before any point runs
            total += attemptsOf(s);
            specs.push_back(std::move(s));
        }
    }
    if (total > static_cast<double>(kMaxSweepAttempts)) {
        throw LoadSpecError(
            ErrorId::SweepTooManyAttempts,
            {{"total", num(std::round(total))}, {"max", std::to_string(kMaxSweepAttempts)}});
    }
    return specs;
}

SweepResult runSweep(const SweepSpec& sweep, unsigned jobs, const LoadControl& control) {
    const std::vector<LoadSpec> specs = sweepPointSpecs(sweep);
    SweepResult result;
    result.spec = sweep;
    result.points.resize(specs.size());
    std::int64_t totalUs = 0;
    for (const LoadSpec& s : specs) {
        totalUs += std::llround(s.durationS * 1e6);
    }
    // One stop for all workers: the caller's, or the first worker that failed.
    std::stop_source stop;
    std::stop_callback forward(control.stop, [&stop] { stop.request_stop(); });
    std::atomic<std::size_t> next{0};
    std::atomic<std::int64_t> doneUs{0};
    std::mutex errorMutex;
    std::exception_ptr error;
    auto work = [&] {
        for (;;) {
            const std::size_t i = next.fetch_add(1);
            if (i >= specs.size() || stop.stop_requested()) {
                return;
            }
            LoadControl pointControl;
            pointControl.stop = stop.get_token();
            std::int64_t reported = 0;
            if (control.progress) {
                pointControl.progress = [&](std::int64_t d, std::int64_t) {
                    const std::int64_t all = doneUs.fetch_add(d - reported) + (d - reported);
                    reported = d;
                    control.progress(all, totalUs);
                };
            }
            try {
                const LoadResult r = runLoad(specs[i], pointControl);
                SweepPoint& p = result.points[i];
                const std::size_t n2 = sweep.param2 ? sweep.values2.size() : 1;
                p.value = sweep.values[i / n2];
                if (sweep.param2) {
                    p.value2 = sweep.values2[i % n2];
                }
                p.summary = r.summary;
                for (const auto& h : r.hosts) {
                    const auto peak = std::max_element(h.memoryBytes.begin(), h.memoryBytes.end());
                    p.peakMemoryBytes[h.host] = peak == h.memoryBytes.end() ? 0 : *peak;
                }
            } catch (const LoadCancelled&) {
                return;
            } catch (...) {
                const std::lock_guard lock(errorMutex);
                if (!error) {
                    error = std::current_exception();
                }
                stop.request_stop();
                return;
            }
        }
    };
    {
        const unsigned n = std::clamp<unsigned>(jobs, 1, static_cast<unsigned>(specs.size()));
        std::vector<std::jthread> pool;
        pool.reserve(n - 1);
        for (unsigned t = 1; t < n; ++t) {
            pool.emplace_back(work);
        }
        work();
    }  // joins
    if (error) {
        std::rethrow_exception(error);
    }
    if (stop.stop_requested()) {
        throw LoadCancelled();
    }
    return result;
}

nlohmann::json sweepResultToJson(const SweepResult& r) {
    nlohmann::json j;
    j["param"] = sweepParamInfo(r.spec.param).name;
    j["values"] = valuesJson(r.spec.param, r.spec.values);
    if (r.spec.param2) {
        j["param2"] = sweepParamInfo(*r.spec.param2).name;
        j["values2"] = valuesJson(*r.spec.param2, r.spec.values2);
    }
    j["spec"] = loadSpecToJson(r.spec.base);
    nlohmann::json points = nlohmann::json::array();
    for (const SweepPoint& p : r.points) {
        nlohmann::json o;
        o["value"] = valueJson(r.spec.param, p.value);
        if (p.value2) {
            o["value2"] = valueJson(*r.spec.param2, *p.value2);
        }
        o["summary"] = loadSummaryToJson(p.summary);
        o["peak_memory_bytes"] = p.peakMemoryBytes;
        points.push_back(std::move(o));
    }
    j["points"] = std::move(points);
    return j;
}

std::string sweepResultToCsv(const SweepResult& r) {
    // Columns that appear in any point: errnos, and hosts (the client count may vary).
    std::set<std::string> errnos;
    std::vector<std::string> hosts;
    for (const SweepPoint& p : r.points) {
        for (const auto& [name, n] : p.summary.failed) {
            errnos.insert(name);
        }
        for (const auto& [host, bytes] : p.peakMemoryBytes) {
            if (std::find(hosts.begin(), hosts.end(), host) == hosts.end()) {
                hosts.push_back(host);
            }
        }
    }
    constexpr std::array<const char*, 3> kPeakStates = {"TIME_WAIT", "CLOSE_WAIT", "FIN_WAIT_2"};
    std::ostringstream out;
    out << sweepParamInfo(r.spec.param).name;
    if (r.spec.param2) {
        out << ',' << sweepParamInfo(*r.spec.param2).name;
    }
    out << ",attempted,succeeded";
    for (const auto& e : errnos) {
        out << ",failed." << e;
    }
    out << ",first_failure_ms,requests_completed";
    for (const auto& h : hosts) {
        for (const char* st : kPeakStates) {
            out << ",peak." << h << '.' << st;
        }
        out << ",peak_memory_bytes." << h;
    }
    out << ",sustainable_rate_per_s,sustainable_reason,usable_ports_per_destination,"
           "destinations,port_hold_s,events,segments\n";
    for (const SweepPoint& p : r.points) {
        const LoadSummary& s = p.summary;
        out << csvNumber(p.value);
        if (r.spec.param2) {
            out << ',' << csvNumber(p.value2.value_or(0));
        }
        out << ',' << s.attempted << ',' << s.succeeded;
        for (const auto& e : errnos) {
            const auto it = s.failed.find(e);
            out << ',' << (it == s.failed.end() ? 0 : it->second);
        }
        out << ',' << (s.firstFailureMs ? std::to_string(*s.firstFailureMs) : "") << ','
            << s.requestsCompleted;
        for (const auto& h : hosts) {
            const auto hp = s.peak.find(h);
            for (const char* st : kPeakStates) {
                std::uint32_t v = 0;
                if (hp != s.peak.end()) {
                    const auto it = hp->second.find(st);
                    v = it == hp->second.end() ? 0 : it->second;
                }
                out << ',' << v;
            }
            const auto m = p.peakMemoryBytes.find(h);
            out << ',' << (m == p.peakMemoryBytes.end() ? 0 : m->second);
        }
        out << ',' << (s.sustainableRatePerS ? csvNumber(*s.sustainableRatePerS) : "") << ','
            << s.sustainableReason << ',' << s.usablePortsPerDestination << ',' << s.destinations
            << ',' << csvNumber(s.portHoldS) << ',' << s.eventsProcessed << ',' << s.segmentsSent
            << '\n';
    }
    return out.str();
}

}  // namespace closelab::core
