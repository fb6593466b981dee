// Prints the engine-vs-kernel table of docs/kernel-agreement.md: the load cases of the agreement
// suite, each run on core::runLoad and on KernelLoad (root), with the figures that matter.
// Usage: kernel_agreement_report > table.md
#include <cstdio>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/load/load_model.h"
#include "core/load/load_spec.h"
#include "kernel/kernel_load.h"

using closelab::core::LoadCloser;
using closelab::core::LoadSpec;
using closelab::core::PeerClose;
using nlohmann::json;

namespace {

long long sumHosts(const json& byHost, const std::string& key) {
    long long total = 0;
    for (const auto& [host, values] : byHost.items()) {
        total += values.value(key, 0LL);
    }
    return total;
}

long long lastState(const json& r, const std::string& state) {
    long long total = 0;
    for (const auto& h : r["spec"]["hosts"]) {
        total += r["series"][h["name"].get<std::string>()][state].back().get<long long>();
    }
    return total;
}

std::string figures(const json& r) {
    const auto& s = r["summary"];
    std::string out = "ok " + std::to_string(s["succeeded"].get<long long>());
    for (const auto& [name, n] : s["failed"].items()) {
        out += ", " + name + " " + std::to_string(n.get<long long>());
    }
    out += "; end TW " + std::to_string(lastState(r, "TIME_WAIT"));
    out += ", CW " + std::to_string(lastState(r, "CLOSE_WAIT"));
    out += ", FW2 " + std::to_string(lastState(r, "FIN_WAIT_2"));
    out += "; peak FW2 " + std::to_string(sumHosts(s["peak"], "FIN_WAIT_2"));
    for (const char* c : {"TCPTimeWaitOverflow", "TWRecycled", "TCPAbortOnData", "InSegs"}) {
        const auto v = sumHosts(s["counters"], c);
        if (v != 0) {
            out += "; " + std::string(c) + " " + std::to_string(v);
        }
    }
    return out;
}

struct Case {
    std::string what;
    LoadSpec spec;
};

LoadSpec base(std::uint64_t count, double durationS) {
    LoadSpec s;
    s.loopback = true;
    s.count = count;
    s.durationS = durationS;
    s.sampleMs = 100;
    return s;
}

}  // namespace

int main() {
    std::vector<Case> cases;
    for (const auto closer : {LoadCloser::Client, LoadCloser::Server}) {
        auto s = base(40, 0.5);
        s.closer = closer;
        cases.push_back({std::string("40 connections, ") +
                             (closer == LoadCloser::Client ? "client" : "server") + " closes first",
                         s});
    }
    for (const char* range : {"40000 40099", "40000 40015", "50001 50040", "40000 40014"}) {
        auto s = base(0, 0.5);
        const int low = std::stoi(std::string(range).substr(0, 5));
        const int high = std::stoi(std::string(range).substr(6));
        s.count = static_cast<std::uint64_t>(high - low + 1 + 20);
        s.settings = {{"net.ipv4.ip_local_port_range", range}, {"net.ipv4.tcp_tw_reuse", "0"}};
        cases.push_back({"client first, range " + std::string(range) + ", range+20 attempts", s});
    }
    {
        auto s = base(300, 0.5);
        s.closer = LoadCloser::Server;
        s.settings = {{"net.ipv4.ip_local_port_range", "40000 40099"},
                      {"net.ipv4.tcp_tw_reuse", "0"}};
        cases.push_back({"server first, range 40000 40099, 300 attempts", s});
    }
    for (const auto& [reuse, ts, delay] :
         std::vector<std::tuple<const char*, const char*, const char*>>{{"1", "1", "250"},
                                                                        {"2", "1", "250"},
                                                                        {"1", "1", "2000"},
                                                                        {"1", "0", "250"},
                                                                        {"0", "1", "250"}}) {
        auto s = base(100, 1.2);
        s.ratePerS = 100.0;
        s.settings = {{"net.ipv4.ip_local_port_range", "40000 40049"},
                      {"net.ipv4.tcp_tw_reuse", reuse},
                      {"net.ipv4.tcp_timestamps", ts},
                      {"net.ipv4.tcp_tw_reuse_delay", delay}};
        cases.push_back({std::string("50 ports, 100/s x 100: tw_reuse=") + reuse +
                             " timestamps=" + ts + " delay=" + delay + " ms",
                         s});
    }
    for (const char* cap : {"0", "10", "50"}) {
        auto s = base(100, 0.5);
        s.settings = {{"net.ipv4.tcp_max_tw_buckets", cap}};
        cases.push_back({std::string("100 client-first, tcp_max_tw_buckets=") + cap, s});
    }
    for (const char* fin : {"1", "2"}) {
        auto s = base(20, std::stod(fin) + 1.5);
        s.ratePerS = 200.0;
        s.peerClose = PeerClose::Never;
        s.settings = {{"net.ipv4.tcp_fin_timeout", fin}};
        cases.push_back({std::string("20 client-first, server never closes, tcp_fin_timeout=") +
                             fin + " s, state at " + std::to_string(std::stod(fin) + 1.5) + " s",
                         s});
    }
    {
        auto s = base(20, 0.5);
        s.settings = {{"SO_LINGER", "1,0"}};
        cases.push_back({"20 client-first with SO_LINGER {1,0}", s});
    }
    std::printf("| case | engine | kernel |\n|---|---|---|\n");
    for (const auto& c : cases) {
        const auto engine = closelab::core::loadResultToJson(closelab::core::runLoad(c.spec));
        const auto kernel = closelab::kernel::KernelLoad::run(c.spec);
        std::printf("| %s | %s | %s |\n", c.what.c_str(), figures(engine).c_str(),
                    figures(kernel).c_str());
        std::fflush(stdout);
    }
    return 0;
}
