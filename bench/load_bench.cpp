// Google Benchmark for the load model. `load_bench` measures the figures of docs/performance.md;
// `load_bench --smoke` runs every benchmark once with tiny sizes (the CTest smoke run).
#include <benchmark/benchmark.h>

#include <cstring>
#include <string>
#include <vector>

#include "core/load/load_host_params.h"
#include "core/load/load_model.h"
#include "core/load/load_simulator.h"

namespace {

using namespace closelab::core;

// Client closes first, 64 destinations so the ports never run out, real 60 s TIME_WAIT (or
// `timeWaitMs`): every lifecycle is SYN, SYN-ACK, ACK, request, response, FIN, FIN+ACK, ACK
// with its retransmission, delayed-ACK and TIME_WAIT timers.
LoadSpec lifecycleSpec(double lifecycles, double rate, std::int64_t timeWaitMs) {
    LoadSpec s;
    s.ratePerS = rate;
    s.durationS = lifecycles / rate;
    s.serverPorts = 64;
    s.sampleMs = 1000;
    // Room for a million TIME_WAITs (the default cap is 131072, half the ehash).
    s.settings.emplace_back("client.net.ipv4.tcp_max_tw_buckets", "4000000");
    if (timeWaitMs != 60000) {
        s.settings.emplace_back("closelab.time_wait_len_ms", std::to_string(timeWaitMs));
    }
    return s;
}

// Lifecycles that ran to the end: the client entered TIME_WAIT (or overflowed the buckets).
std::uint64_t completed(const LoadResult& r) {
    // TcpExt TW counts TIME_WAITs longer than 4 s, TWKilled shorter ones (tw_kill).
    const auto& c = r.summary.counters.at("client");
    std::uint64_t n = 0;
    for (const char* name : {"TW", "TWKilled", "TCPTimeWaitOverflow"}) {
        const auto it = c.find(name);
        n += it == c.end() ? 0 : static_cast<std::uint64_t>(it->second);
    }
    return n;
}

void reportLifecycles(benchmark::State& state, std::uint64_t lifecycles, std::uint64_t segments) {
    state.SetItemsProcessed(static_cast<std::int64_t>(lifecycles) * state.iterations());
    state.counters["lifecycles"] = static_cast<double>(lifecycles);
    state.counters["segments_per_lifecycle"] =
        static_cast<double>(segments) / static_cast<double>(lifecycles);
}

// Engine throughput: lifecycles per second of wall time, one core.
void BM_Lifecycles(benchmark::State& state) {
    const LoadSpec spec = lifecycleSpec(static_cast<double>(state.range(0)), 100'000, 60000);
    std::uint64_t lifecycles = 0;
    std::uint64_t segments = 0;
    for (auto _ : state) {
        const LoadResult r = runLoad(spec);
        lifecycles = completed(r);
        segments = r.summary.segmentsSent;
        benchmark::DoNotOptimize(r.summary.attempted);
    }
    reportLifecycles(state, lifecycles, segments);
}

// Flat cost: the same number of lifecycles with ~1,000 or ~1,000,000 concurrent TIME_WAITs.
// At 100,000 connections/s a TIME_WAIT of 10 ms keeps 1,000 alive, one of 10 s 1,000,000
// (reached after 10 s; the run lasts 30 s, so two thirds run at the full population).
void BM_TimeWaitPopulation(benchmark::State& state) {
    const double lifecycles = static_cast<double>(state.range(0));
    const std::int64_t population = state.range(1);
    const std::int64_t timeWaitMs = population * 1000 / 100'000;
    const LoadSpec spec = lifecycleSpec(lifecycles, 100'000, timeWaitMs);
    std::uint64_t done = 0;
    std::uint64_t segments = 0;
    std::uint32_t peak = 0;
    for (auto _ : state) {
        const LoadResult r = runLoad(spec);
        done = completed(r);
        segments = r.summary.segmentsSent;
        peak = r.summary.peak.at("client").at("TIME_WAIT");
    }
    reportLifecycles(state, done, segments);
    state.counters["peak_time_wait"] = peak;
    state.counters["ns_per_lifecycle"] = benchmark::Counter(
        static_cast<double>(done),
        benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

// The default teaching load: 1,000 connections/s for 300 s, client first, default options,
// sampled every second (ports run out: it oscillates). Simulation plus sampling.
void BM_DefaultTeachingLoad(benchmark::State& state) {
    LoadSpec spec;
    spec.ratePerS = 1000;
    spec.durationS = static_cast<double>(state.range(0));
    std::uint64_t attempts = 0;
    for (auto _ : state) {
        const LoadResult r = runLoad(spec);
        attempts = r.summary.attempted;
        benchmark::DoNotOptimize(r.tMs.size());
    }
    state.counters["attempts"] = static_cast<double>(attempts);
}

// Bytes the engine holds per concurrent TIME_WAIT (mini-socket table, hash slots, timer
// entries), measured at the end of a run that leaves N TIME_WAITs alive.
void BM_TimeWaitMemory(benchmark::State& state) {
    const double n = static_cast<double>(state.range(0));
    const LoadSpec spec = lifecycleSpec(n, 100'000, 60000);
    const auto params = resolveLoadHostParams(spec);
    LoadEngineFootprint f;
    for (auto _ : state) {
        LoadSimulator sim(spec, params);
        const LoadResult r = sim.run();
        f = sim.footprint();
        benchmark::DoNotOptimize(r.summary.attempted);
    }
    state.counters["time_wait"] = static_cast<double>(f.miniSockets);
    state.counters["bytes_per_time_wait"] =
        f.miniSockets == 0
            ? 0.0
            : static_cast<double>(f.miniSocketBytes) / static_cast<double>(f.miniSockets);
}

}  // namespace

int main(int argc, char** argv) {
    bool smoke = false;
    std::vector<char*> args;
    for (int i = 0; i < argc; ++i) {
        if (std::strcmp(argv[i], "--smoke") == 0) {
            smoke = true;
        } else {
            args.push_back(argv[i]);
        }
    }
    const auto unit = benchmark::kMillisecond;
    if (smoke) {
        benchmark::RegisterBenchmark("BM_Lifecycles", BM_Lifecycles)->Arg(2000)->Iterations(1);
        benchmark::RegisterBenchmark("BM_TimeWaitPopulation", BM_TimeWaitPopulation)
            ->Args({2000, 100})
            ->Iterations(1);
        benchmark::RegisterBenchmark("BM_DefaultTeachingLoad", BM_DefaultTeachingLoad)
            ->Arg(2)
            ->Iterations(1);
        benchmark::RegisterBenchmark("BM_TimeWaitMemory", BM_TimeWaitMemory)
            ->Arg(2000)
            ->Iterations(1);
    } else {
        benchmark::RegisterBenchmark("BM_Lifecycles", BM_Lifecycles)->Arg(1'000'000)->Unit(unit);
        benchmark::RegisterBenchmark("BM_TimeWaitPopulation", BM_TimeWaitPopulation)
            ->Args({3'000'000, 1'000})
            ->Args({3'000'000, 1'000'000})
            ->Unit(unit);
        benchmark::RegisterBenchmark("BM_DefaultTeachingLoad", BM_DefaultTeachingLoad)
            ->Arg(300)
            ->Unit(unit);
        benchmark::RegisterBenchmark("BM_TimeWaitMemory", BM_TimeWaitMemory)
            ->Arg(1'000'000)
            ->Iterations(1)
            ->Unit(unit);
    }
    int n = static_cast<int>(args.size());
    benchmark::Initialize(&n, args.data());
    if (benchmark::ReportUnrecognizedArguments(n, args.data())) {
        return 2;
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
