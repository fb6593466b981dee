// Segments per connection, engine (load model) vs kernel: Linux ACKs the request and the
// response at once because a new connection starts in quick-ACK mode (tcp_event_data_recv()
// sets icsk_ack.quick on the first data; __tcp_ack_snd_check() then ACKs from softirq before
// the application replies). The ACK of a FIN is delayed (tcp_fin() enters pingpong mode), so it
// rides on the passive side's FIN, or goes out as a delayed ACK when that side never closes.
#include <cstdint>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/load/load_model.h"
#include "core/load/load_spec.h"
#include "kernel/kernel_load.h"
#include "kernel_test_support.h"

using closelab::core::LoadCloser;
using closelab::core::LoadSpec;
using closelab::core::PeerClose;
using closelab::kernel::KernelLoad;
using nlohmann::json;

namespace {

long long counter(const json& r, const std::string& name) {
    long long total = 0;
    for (const auto& [host, counters] : r["summary"]["counters"].items()) {
        total += counters.value(name, 0LL);
    }
    return total;
}

struct Workload {
    const char* name;
    LoadCloser closer;
    PeerClose peerClose;
    bool lingerZero;
    long long segmentsPerConnection;  // what the kernel sends (docs/kernel-agreement.md)
    long long delayedAcksPerConnection;
};

class AgreementSegments : public ::testing::TestWithParam<Workload> {};

TEST_P(AgreementSegments, InSegsOutSegsAndDelayedAcksPerConnectionMatchTheKernel) {
    CLOSELAB_REQUIRE_NETNS();
    const Workload w = GetParam();
    constexpr std::uint64_t kConnections = 20;
    LoadSpec spec;
    spec.loopback = true;
    spec.count = kConnections;
    spec.durationS = 0.5;
    spec.sampleMs = 100;
    spec.closer = w.closer;
    spec.peerClose = w.peerClose;
    spec.settings = {{"net.ipv4.ip_local_port_range", "40000 40999"}};
    if (w.lingerZero) {
        spec.settings.emplace_back("SO_LINGER", "1,0");
    }
    const json engine = closelab::core::loadResultToJson(closelab::core::runLoad(spec));
    const json kernel = KernelLoad::run(spec);
    const std::string why =
        "engine " + engine["summary"].dump() + "\nkernel " + kernel["summary"].dump();
    const auto n = static_cast<long long>(kConnections);
    for (const json* r : {&engine, &kernel}) {
        ASSERT_EQ((*r)["summary"]["succeeded"].get<long long>(), n) << why;
        EXPECT_EQ(counter(*r, "InSegs"), n * w.segmentsPerConnection) << why;
        EXPECT_EQ(counter(*r, "OutSegs"), n * w.segmentsPerConnection) << why;
        EXPECT_EQ(counter(*r, "DelayedACKs"), n * w.delayedAcksPerConnection) << why;
    }
}

INSTANTIATE_TEST_SUITE_P(
    Workloads, AgreementSegments,
    ::testing::Values(
        // SYN, SYN-ACK, ACK, request, ACK, response, ACK, FIN, FIN/ACK, ACK
        Workload{"ClientFirst", LoadCloser::Client, PeerClose::Normal, false, 10, 0},
        Workload{"ServerFirst", LoadCloser::Server, PeerClose::Normal, false, 10, 0},
        // ... the FIN's ACK is a delayed ACK and no FIN comes back
        Workload{"ServerNeverCloses", LoadCloser::Client, PeerClose::Never, false, 9, 1},
        // ... RST instead of the close's three segments
        Workload{"LingerZero", LoadCloser::Client, PeerClose::Normal, true, 8, 0}),
    [](const ::testing::TestParamInfo<Workload>& info) { return std::string(info.param.name); });

}  // namespace
