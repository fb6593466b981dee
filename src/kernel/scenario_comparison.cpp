#include "kernel/scenario_comparison.h"

#include <algorithm>
#include <iomanip>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

namespace closelab::kernel {

namespace {

using StateCounts = std::map<std::pair<std::string, std::string>, int>;

StateCounts countStates(const std::vector<core::SocketRow>& rows) {
    StateCounts out;
    for (const auto& row : rows) {
        if (row.state != core::TcpState::Closed) {
            ++out[{row.host, std::string(core::stateName(row.state))}];
        }
    }
    return out;
}

using CallKey = std::tuple<std::string, std::string, std::string, int>;

// The result of the k-th (host, sock, call) each side recorded.
std::map<CallKey, std::string> callResults(const core::Recording& rec, long long cutUs) {
    std::map<CallKey, std::string> out;
    std::map<std::tuple<std::string, std::string, std::string>, int> seen;
    for (const auto& e : rec.appEvents) {
        if (e.tUs >= cutUs) {
            continue;  // e.g. an accept() that returns only later
        }
        const auto k = seen[{e.host, e.sock, e.call}]++;
        out[{e.host, e.sock, e.call, k}] = e.result;
    }
    return out;
}

std::set<std::string> failedReads(const core::Recording& rec, long long cutUs) {
    std::set<std::string> out;
    for (const auto& e : rec.appEvents) {
        if (e.call == "recv" && e.result != "ok" && e.tUs < cutUs) {
            out.insert(e.host + " recv(" + e.sock + ") " + e.result);
        }
    }
    return out;
}

// The close as segments: "client>server F." ... for every delivered segment from the first FIN
// or RST up to the cut (the kernel sees only segments that reached lo).
std::string closeSegments(const core::Recording& rec, long long cutUs) {
    std::string out;
    bool closing = false;
    for (const auto& seg : rec.segments) {
        // A segment the receiving TCP dropped (PAWS, tw_recycle) still crossed lo.
        const bool reached = seg.fate == core::Fate::Delivered ||
                             (seg.fate == core::Fate::Dropped && seg.arriveUs >= 0);
        if (seg.tUs >= cutUs || !reached) {
            continue;
        }
        closing = closing || (seg.flags & (core::kFin | core::kRst)) != 0;
        if (closing) {
            out += (out.empty() ? "" : ", ") + seg.from + ">" + seg.to + " " +
                   core::flagsShort(seg.flags);
        }
    }
    return out.empty() ? "-" : out;
}

}  // namespace

long long ScenarioComparison::quietCutMs(const core::Scenario& sc, long long maxMs) {
    std::vector<long long> times;
    for (const auto& c : sc.timeline) {
        times.push_back(c.t / 1000);
    }
    std::sort(times.begin(), times.end());
    const long long durationMs = sc.durationUs / 1000;
    long long cut = times.empty() ? 300 : times.front() + 300;
    for (std::size_t i = 0; i < times.size(); ++i) {
        const long long candidate = times[i] + 300;
        const bool quiet = i + 1 == times.size() || times[i + 1] >= candidate + 100;
        if (quiet && candidate <= maxMs && candidate <= durationMs) {
            cut = candidate;
        }
    }
    return std::min({cut, maxMs, durationMs});
}

ScenarioComparison ScenarioComparison::compare(const core::Scenario& sc,
                                               const core::Recording& engine,
                                               const core::Recording& kernel, long long cutUs) {
    ScenarioComparison c;
    const auto add = [&c](std::string what, std::string e, std::string k) {
        const bool agree = e == k;
        c.rows.push_back({std::move(what), std::move(e), std::move(k), agree});
        c.agree = c.agree && agree;
    };
    const auto engineCalls = callResults(engine, cutUs);
    const auto kernelCalls = callResults(kernel, cutUs);
    std::map<std::tuple<std::string, std::string, std::string>, int> occurrence;
    for (const auto& call : sc.timeline) {
        const std::string name(core::appCallName(call.call));
        const int k = occurrence[{call.host, call.sock, name}]++;
        // Strictly before the cut: the kernel replay stops at the cut without running calls
        // scheduled exactly then.
        if (call.t >= cutUs) {
            continue;
        }
        const CallKey key{call.host, call.sock, name, k};
        const auto e = engineCalls.count(key) ? engineCalls.at(key) : std::string("-");
        const auto kr = kernelCalls.count(key) ? kernelCalls.at(key) : std::string("-");
        add(call.host + " " + name + "(" + call.sock + ")", e, kr);
    }
    if (!kernel.segments.empty()) {
        const auto e = closeSegments(engine, cutUs);
        const auto k = closeSegments(kernel, cutUs);
        c.rows.push_back({"segments from the first FIN/RST", e, k, e == k, true});
    }
    const auto engineErrors = failedReads(engine, cutUs);
    const auto kernelErrors = failedReads(kernel, cutUs);
    std::set<std::string> errors = engineErrors;
    errors.insert(kernelErrors.begin(), kernelErrors.end());
    for (const auto& x : errors) {
        add(x, engineErrors.count(x) ? "yes" : "no", kernelErrors.count(x) ? "yes" : "no");
    }
    const auto engineStates = countStates(core::socketsAt(engine, cutUs - 1));
    std::vector<core::SocketRow> kernelRows;
    for (const auto& host : kernel.finalSockets) {
        kernelRows.insert(kernelRows.end(), host.begin(), host.end());
    }
    const auto kernelStates = countStates(kernelRows);
    std::set<std::pair<std::string, std::string>> keys;
    for (const auto& [k, n] : engineStates) {
        keys.insert(k);
    }
    for (const auto& [k, n] : kernelStates) {
        keys.insert(k);
    }
    for (const auto& k : keys) {
        const auto e = engineStates.count(k) ? engineStates.at(k) : 0;
        const auto kr = kernelStates.count(k) ? kernelStates.at(k) : 0;
        add(k.first + " sockets in " + k.second + " at " + std::to_string(cutUs / 1000) + " ms",
            std::to_string(e), std::to_string(kr));
    }
    return c;
}

nlohmann::json ScenarioComparison::toJson() const {
    nlohmann::json rowsJson = nlohmann::json::array();
    for (const auto& r : rows) {
        rowsJson.push_back({{"what", r.what},
                            {"engine", r.engine},
                            {"kernel", r.kernel},
                            {"agree", r.agree},
                            {"informational", r.informational}});
    }
    return {{"rows", rowsJson}, {"agree", agree}};
}

std::string ScenarioComparison::toText() const {
    std::ostringstream out;
    out << std::left;
    for (const auto& r : rows) {
        out << "  "
            << (r.agree           ? "  "
                : r.informational ? "~~"
                                  : "!!")
            << ' ' << std::setw(44) << r.what << " engine " << std::setw(14) << r.engine
            << " kernel " << r.kernel << '\n';
    }
    return out.str();
}

}  // namespace closelab::kernel
