// runLoad(): resolve options, simulate, add the analytic summary; JSON and CSV writers.
#include "core/load/load_model.h"

#include <cmath>
#include <cstdio>
#include <sstream>

#include "core/load/load_host_params.h"
#include "core/load/load_simulator.h"

namespace closelab::core {

namespace {

// Usable ephemeral ports toward one destination (__inet_hash_connect(): the count is rounded
// down to even, reserved ports are skipped).
std::uint64_t usablePorts(const LoadHostParams& p) {
    const std::uint32_t span = static_cast<std::uint32_t>(p.portHigh) + 1 - p.portLow;
    const std::uint32_t remaining = span > 1 ? (span & ~1U) : span;
    std::uint64_t usable = remaining;
    for (std::uint32_t rel = 0; rel < remaining; ++rel) {
        const std::uint32_t port = p.portLow + rel;
        for (const auto& [lo, hi] : p.reservedPorts) {
            if (port >= lo && port <= hi) {
                --usable;
                break;
            }
        }
    }
    return usable;
}

// How long one client-first connection keeps its port: from connect() to the end of its
// TIME_WAIT (or until tcp_tw_reuse may take it), so capacity = ports x destinations / hold.
void analyse(const LoadSpec& spec, const std::vector<LoadHostParams>& params, LoadSummary& sum) {
    const LoadHostParams& client = params.front();
    const LoadHostParams& server = params.back();
    const double rttS = static_cast<double>(effectiveRttUs(spec)) / 1e6;
    sum.usablePortsPerDestination = usablePorts(client);
    sum.destinations =
        static_cast<std::uint64_t>(spec.clients) * static_cast<std::uint64_t>(spec.serverPorts);
    // SYN, SYN-ACK, ACK+request, response, FIN, FIN: three round trips before TIME_WAIT.
    const double lifeS = 3.0 * rttS;
    double holdS = 0.0;
    if (spec.closer == LoadCloser::Server) {
        sum.sustainableReason = "server_closes_first";  // TIME_WAIT is on the server's port
    } else if (client.lingerOn && client.lingerS == 0) {
        sum.sustainableReason = "linger_zero";
    } else if (spec.peerClose == PeerClose::Never) {
        // The client's orphaned FIN_WAIT_2 holds the port for tcp_fin_timeout.
        const double fin = std::max(static_cast<double>(client.finTimeoutMs) / 1000.0, 0.7);
        holdS = lifeS + (fin > 60.0 ? 2.0 * (fin - 60.0) : fin);
        sum.sustainableReason = "fin_wait_2";
    } else if (client.timeWaitLenUs == 0) {
        sum.sustainableReason = "no_time_wait";
    } else if (client.maxTwBuckets < static_cast<std::int64_t>(sum.usablePortsPerDestination)) {
        sum.sustainableReason = "tw_buckets_cap";  // overflowing sockets skip TIME_WAIT
    } else {
        const bool reuse = (client.twReuse == 1 || (client.twReuse == 2 && spec.loopback)) &&
                           client.timestamps != 0 && server.timestamps != 0;
        double twS = static_cast<double>(client.timeWaitLenUs) / 1e6;
        if (client.twRecycle != 0 && client.timestamps != 0 && server.timestamps != 0) {
            twS = 3.5 * (0.2 + rttS);
        }
        if (reuse) {
            const double delayS = client.hasTwReuseDelay
                                      ? static_cast<double>(client.twReuseDelayMs + 1) / 1000.0
                                      : 2.0;
            twS = std::min(twS, delayS);
            sum.sustainableReason = "tw_reuse";
        } else {
            sum.sustainableReason = "time_wait";
        }
        holdS = lifeS + twS;
    }
    sum.portHoldS = holdS;
    if (holdS > 0.0) {
        double rate = static_cast<double>(sum.usablePortsPerDestination * sum.destinations) / holdS;
        if (spec.pool > 0 && spec.poolRequests > 0) {
            rate *= spec.poolRequests;  // requests per second; each connection carries N
            sum.sustainableReason += "_pool";
        }
        if (spec.pool > 0 && spec.poolRequests == 0) {
            sum.sustainableReason = "pool_never_recycled";
            return;
        }
        sum.sustainableRatePerS = rate;
    }
}

const char* closerName(LoadCloser c) {
    return c == LoadCloser::Client ? "client" : "server";
}

std::string peerCloseName(const LoadSpec& s) {
    switch (s.peerClose) {
        case PeerClose::Normal:
            return "normal";
        case PeerClose::Never:
            return "never";
        case PeerClose::Delay:
            return "delay:" + std::to_string(s.peerCloseDelayMs);
    }
    return "normal";
}

}  // namespace

LoadResult runLoad(const LoadSpec& spec) {
    validateLoadSpec(spec);
    auto params = resolveLoadHostParams(spec);
    LoadSimulator sim(spec, params);
    LoadResult result = sim.run();
    analyse(spec, params, result.summary);
    return result;
}

LoadResult runLoad(const LoadSpec& spec, const LoadControl& control) {
    validateLoadSpec(spec);
    auto params = resolveLoadHostParams(spec);
    if (control.stop.stop_requested()) {
        throw LoadCancelled();
    }
    LoadSimulator sim(spec, params);
    LoadResult result = sim.run(&control);
    analyse(spec, params, result.summary);
    if (control.progress) {
        const std::int64_t totalUs = std::llround(spec.durationS * 1e6);
        control.progress(totalUs, totalUs);
    }
    return result;
}

nlohmann::json loadSpecToJson(const LoadSpec& s) {
    nlohmann::json j;
    j["rate"] = s.ratePerS ? nlohmann::json(*s.ratePerS) : nlohmann::json(nullptr);
    j["poisson"] = s.poisson;
    j["count"] = s.count ? nlohmann::json(*s.count) : nlohmann::json(nullptr);
    j["duration_s"] = s.durationS;
    j["closer"] = closerName(s.closer);
    j["peer_close"] = peerCloseName(s);
    j["pool"] = s.pool;
    j["pool_requests"] = s.poolRequests;
    j["clients"] = s.clients;
    j["nat"] = s.nat;
    j["server_ports"] = s.serverPorts;
    j["rtt_ms"] = s.rttMs ? nlohmann::json(*s.rttMs)
                          : nlohmann::json(static_cast<double>(effectiveRttUs(s)) / 1000.0);
    j["loss"] = s.loss;
    j["loopback"] = s.loopback;
    j["kernel"] = s.kernel;
    nlohmann::json sets = nlohmann::json::array();
    for (const auto& [name, value] : s.settings) {
        sets.push_back(name + "=" + value);
    }
    j["set"] = sets;
    j["sample_ms"] = s.sampleMs;
    j["seed"] = s.seed;
    return j;
}

nlohmann::json loadSummaryToJson(const LoadSummary& s) {
    nlohmann::json sum;
    sum["attempted"] = s.attempted;
    sum["succeeded"] = s.succeeded;
    sum["failed"] = nlohmann::json::object();
    for (const auto& [name, n] : s.failed) {
        sum["failed"][name] = n;
    }
    sum["first_failure_ms"] =
        s.firstFailureMs ? nlohmann::json(*s.firstFailureMs) : nlohmann::json(nullptr);
    nlohmann::json windows = nlohmann::json::array();
    for (const auto& w : s.failureWindows) {
        windows.push_back({{"start_ms", w.startMs}, {"end_ms", w.endMs}, {"failed", w.failed}});
    }
    sum["failure_windows"] = windows;
    sum["requests_completed"] = s.requestsCompleted;
    sum["peak"] = s.peak;
    sum["counters"] = nlohmann::json::object();
    for (const auto& [host, counters] : s.counters) {
        sum["counters"][host] = counters;
    }
    sum["sustainable_rate_per_s"] =
        s.sustainableRatePerS ? nlohmann::json(*s.sustainableRatePerS) : nlohmann::json(nullptr);
    sum["sustainable_reason"] = s.sustainableReason;
    sum["usable_ports_per_destination"] = s.usablePortsPerDestination;
    sum["destinations"] = s.destinations;
    sum["port_hold_s"] = s.portHoldS;
    sum["events"] = s.eventsProcessed;
    sum["segments"] = s.segmentsSent;
    return sum;
}

nlohmann::json loadResultToJson(const LoadResult& r) {
    nlohmann::json j;
    j["spec"] = loadSpecToJson(r.spec);
    nlohmann::json hosts = nlohmann::json::array();
    for (std::size_t i = 0; i < r.hosts.size(); ++i) {
        hosts.push_back({{"name", r.hosts[i].host},
                         {"address", r.hosts[i].address},
                         {"options", r.options[i].values}});
    }
    j["spec"]["hosts"] = hosts;
    nlohmann::json series;
    series["t_ms"] = r.tMs;
    for (const auto& h : r.hosts) {
        nlohmann::json hs;
        for (std::size_t st = 0; st < kLoadStateCount; ++st) {
            hs[std::string(kLoadStateNames[st])] = h.states[st];
        }
        hs["connect_ok"] = h.connectOk;
        hs["connect_failed"] = nlohmann::json::object();
        for (const auto& [name, values] : h.connectFailed) {
            hs["connect_failed"][name] = values;
        }
        hs["ports_in_use"] = h.portsInUse;
        hs["memory_bytes"] = h.memoryBytes;
        hs["counters"] = nlohmann::json::object();
        for (const auto& [name, values] : h.counterDeltas) {
            hs["counters"][name] = values;
        }
        series[h.host] = hs;
    }
    j["series"] = series;
    j["summary"] = loadSummaryToJson(r.summary);
    if (r.spec.connections) {
        nlohmann::json conns = nlohmann::json::array();
        for (const auto& c : r.connections) {
            conns.push_back({{"t_us", c.tUs},
                             {"client", r.hosts[c.clientHost].host},
                             {"local_port", c.localPort},
                             {"result", kConnectOutcomeNames[static_cast<std::size_t>(c.result)]}});
        }
        j["connections"] = conns;
        j["summary"]["connections_truncated"] = r.summary.connectionsTruncated;
    }
    return j;
}

std::string loadResultToCsv(const LoadResult& r) {
    std::ostringstream out;
    out << "t_ms";
    for (const auto& h : r.hosts) {
        for (std::size_t st = 0; st < kLoadStateCount; ++st) {
            out << ',' << h.host << '.' << kLoadStateNames[st];
        }
        out << ',' << h.host << ".connect_ok";
        for (const auto& [name, values] : h.connectFailed) {
            out << ',' << h.host << ".connect_failed." << name;
        }
        out << ',' << h.host << ".ports_in_use," << h.host << ".memory_bytes";
    }
    out << '\n';
    for (std::size_t k = 0; k < r.tMs.size(); ++k) {
        out << r.tMs[k];
        for (const auto& h : r.hosts) {
            for (std::size_t st = 0; st < kLoadStateCount; ++st) {
                out << ',' << h.states[st][k];
            }
            out << ',' << h.connectOk[k];
            for (const auto& [name, values] : h.connectFailed) {
                out << ',' << values[k];
            }
            out << ',' << h.portsInUse[k] << ',' << h.memoryBytes[k];
        }
        out << '\n';
    }
    return out.str();
}

}  // namespace closelab::core
