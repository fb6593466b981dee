// Google Benchmark for sweeps of the default teaching load (1,000 connections/s for 300 s,
// client first, default options), here swept over the rate from 500 to 2,000/s.
// `sweep_bench` measures the figures of docs/performance.md; `sweep_bench --smoke` runs each
// once with tiny sizes (the CTest smoke run).
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstring>
#include <thread>
#include <vector>

#include "core/load/load_sweep.h"

namespace {

using namespace closelab::core;

double g_durationS = 300;

SweepSpec teachingSweep(long long points) {
    SweepSpec s;
    s.base.ratePerS = 1000;
    s.base.durationS = g_durationS;
    s.param = SweepParam::Rate;
    s.values = sweepRange(SweepParam::Rate, 500, 2000, points, "--from", "--to", "--steps");
    return s;
}

double wallSeconds(const SweepSpec& s, unsigned jobs) {
    const auto start = std::chrono::steady_clock::now();
    const SweepResult r = runSweep(s, jobs);
    benchmark::DoNotOptimize(r.points.size());
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The same 16-point sweep with one job and with two, alternately in every iteration, so both
// see the same machine; `ratio` is the two-job wall time over the one-job wall time.
void BM_Sweep16JobsRatio(benchmark::State& state) {
    const SweepSpec s = teachingSweep(16);
    double one = 0;
    double two = 0;
    for (auto _ : state) {
        one += wallSeconds(s, 1);
        two += wallSeconds(s, 2);
    }
    const auto n = static_cast<double>(state.iterations());
    state.counters["jobs1_ms"] = one / n * 1000;
    state.counters["jobs2_ms"] = two / n * 1000;
    state.counters["ratio"] = two / one;
}

// A 20-point sweep with --jobs at its default (the number of cores): wall time.
void BM_Sweep20(benchmark::State& state) {
    const SweepSpec s = teachingSweep(20);
    const unsigned jobs = std::max(1U, std::thread::hardware_concurrency());
    for (auto _ : state) {
        const SweepResult r = runSweep(s, jobs);
        benchmark::DoNotOptimize(r.points.size());
    }
    state.counters["jobs"] = jobs;
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
        g_durationS = 2;
        benchmark::RegisterBenchmark("BM_Sweep16JobsRatio", BM_Sweep16JobsRatio)->Iterations(1);
        benchmark::RegisterBenchmark("BM_Sweep20", BM_Sweep20)->Iterations(1)->UseRealTime();
    } else {
        benchmark::RegisterBenchmark("BM_Sweep16JobsRatio", BM_Sweep16JobsRatio)
            ->UseRealTime()
            ->Unit(unit);
        benchmark::RegisterBenchmark("BM_Sweep20", BM_Sweep20)->UseRealTime()->Unit(unit);
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
