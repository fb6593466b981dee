// The capture reader: libpcap reading + decoding + connection tracking of a generated capture.
// `capture_bench` writes a capture of 1,000,000 packets (100,000 connections of 10 segments,
// 2,000 open at a time) to a temporary file at start and reads it per iteration; packets/s is
// the items_per_second counter. `--write-capture FILE [--packets N]` only writes the file (for
// scripts/capture-bench.sh, which runs tshark on the same file). `--smoke`: 10,000 packets, once.
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <iostream>
#include <queue>
#include <string>
#include <vector>

#include "../tests/capture/pcap_writer.h"
#include "capture/capture.h"

namespace {

using namespace closelab::testcap;

std::string g_file;
std::size_t g_packets = 1'000'000;

// Connections overlap: every 10 µs a new one starts, each lasts 20 ms (so ~2000 are open at
// once), the client closes first. 10 segments each: handshake, a request, a response, 4 for the
// close (FIN, ACK, FIN, ACK).
void writeCapture(const std::string& path, std::size_t packets) {
    PcapWriter w(path, 1, 262144);
    const std::size_t conns = (packets + 9) / 10;
    static const std::int64_t offset[10] = {0,     50,    100,   5000,  5100,
                                            15000, 15100, 19000, 19050, 20000};
    // Connection i starts at i * 10 us and lasts 20 ms: ~2000 are open at once. Its segments
    // live in a ring slot until written; a heap yields them in time order.
    constexpr std::size_t kRing = 4096;
    std::vector<std::vector<Seg>> ring(kRing);
    struct Item {
        std::int64_t t;
        std::size_t conn;
        std::size_t k;
        bool operator>(const Item& o) const {
            return t != o.t ? t > o.t : conn != o.conn ? conn > o.conn : k > o.k;
        }
    };
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> heap;
    std::size_t next = 0;
    std::size_t written = 0;
    auto start = [&](std::size_t i) {
        Conv v(v4(10, 1, static_cast<std::uint8_t>(i >> 16), static_cast<std::uint8_t>(i >> 8),
                  static_cast<std::uint16_t>(20000 + (i & 0xff))),
               v4(10, 0, 0, 2, 80), static_cast<std::uint32_t>(i * 2654435761u),
               static_cast<std::uint32_t>(i * 40503u));
        const std::int64_t t0 = static_cast<std::int64_t>(i) * 10;
        v.send(t0 + offset[0], true, S);
        v.send(t0 + offset[1], false, S | A);
        v.send(t0 + offset[2], true, A);
        v.send(t0 + offset[3], true, P | A, 120);
        v.send(t0 + offset[4], false, A);
        v.send(t0 + offset[5], false, P | A, 900);
        v.send(t0 + offset[6], true, F | A);
        v.send(t0 + offset[7], false, F | A);
        v.send(t0 + offset[8], true, A);
        v.send(t0 + offset[9], true, A, 0, -1, false);  // a keep-alive-shaped probe
        ring[i % kRing] = std::move(v.segs);
        heap.push({t0, i, 0});
    };
    while (written < packets) {
        const std::int64_t tNext = static_cast<std::int64_t>(next) * 10;
        if (next < conns && (heap.empty() || tNext <= heap.top().t)) {
            start(next++);
            continue;
        }
        if (heap.empty())
            break;
        const Item it = heap.top();
        heap.pop();
        const auto& segs = ring[it.conn % kRing];
        w.write(segs[it.k].tUs, frame(segs[it.k], {}));
        ++written;
        if (it.k + 1 < segs.size())
            heap.push({segs[it.k + 1].tUs, it.conn, it.k + 1});
    }
}

void BM_ReadAndTrack(benchmark::State& state) {
    std::size_t packets = 0, conns = 0;
    for (auto _ : state) {
        const auto r = closelab::capture::readCapture(g_file);
        packets = r.packets;
        conns = r.connections.size();
        benchmark::DoNotOptimize(r.connections.data());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * packets));
    state.counters["packets"] = static_cast<double>(packets);
    state.counters["connections"] = static_cast<double>(conns);
}

}  // namespace

int main(int argc, char** argv) {
    bool smoke = false;
    std::string writeOnly;
    std::vector<char*> args;
    for (int i = 0; i < argc; ++i) {
        if (std::strcmp(argv[i], "--smoke") == 0) {
            smoke = true;
        } else if (std::strcmp(argv[i], "--write-capture") == 0 && i + 1 < argc) {
            writeOnly = argv[++i];
        } else if (std::strcmp(argv[i], "--packets") == 0 && i + 1 < argc) {
            g_packets = std::strtoull(argv[++i], nullptr, 10);
        } else {
            args.push_back(argv[i]);
        }
    }
    if (!writeOnly.empty()) {
        writeCapture(writeOnly, g_packets);
        return 0;
    }
    if (smoke)
        g_packets = 10'000;
    g_file = (std::filesystem::temp_directory_path() /
              ("closelab-capture-bench-" + std::to_string(::getpid()) + ".pcap"))
                 .string();
    writeCapture(g_file, g_packets);
    auto* b = benchmark::RegisterBenchmark("BM_ReadAndTrack", BM_ReadAndTrack)
                  ->Unit(benchmark::kMillisecond);
    if (smoke)
        b->Iterations(1);
    int n = static_cast<int>(args.size());
    benchmark::Initialize(&n, args.data());
    if (benchmark::ReportUnrecognizedArguments(n, args.data())) {
        std::remove(g_file.c_str());
        return 2;
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    std::remove(g_file.c_str());
    return 0;
}
