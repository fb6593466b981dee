// Properties of every load: sockets are conserved, no port is held twice toward one
// destination, attempts add up, runs are deterministic for a seed. Plus the data structures.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>

#include "core/load/load_event_queue.h"
#include "core/load/port_bitmap.h"
#include "core/load/tuple_hash_map.h"
#include "load_test_util.h"

namespace closelab::core {
namespace {

using namespace loadtest;

LoadSpec randomSpec(std::uint64_t seed) {
    std::mt19937_64 g(seed);
    auto pick = [&](int n) { return static_cast<int>(g() % static_cast<std::uint64_t>(n)); };
    LoadSpec s;
    s.seed = seed;
    s.durationS = 20;
    s.sampleMs = 250;
    s.ratePerS = 20.0 + pick(400);
    s.poisson = pick(2) == 1;
    s.closer = pick(2) == 0 ? LoadCloser::Client : LoadCloser::Server;
    const int peer = pick(3);
    s.peerClose = peer == 0 ? PeerClose::Normal : (peer == 1 ? PeerClose::Never : PeerClose::Delay);
    s.peerCloseDelayMs = 50 + pick(3000);
    s.loss = pick(3) == 0 ? 0.0 : 0.01 * pick(20);
    s.rttMs = 0.1 + pick(50);
    s.connections = true;
    if (pick(4) == 0) {
        s.pool = 1 + pick(8);
        s.poolRequests = pick(3) * 10;
    }
    const int ports = 20 + pick(200);
    set(s, "net.ipv4.ip_local_port_range", "40000 " + std::to_string(40000 + ports));
    set(s, "net.ipv4.tcp_tw_reuse", std::to_string(pick(3)));
    set(s, "net.ipv4.tcp_tw_reuse_delay", std::to_string(1 + pick(2000)));
    set(s, "net.ipv4.tcp_fin_timeout", std::to_string(1 + pick(90)));
    if (pick(3) == 0) {
        set(s, "net.ipv4.tcp_max_tw_buckets", std::to_string(pick(100)));
    }
    if (pick(4) == 0) {
        set(s, "client.SO_LINGER", "1,0");
    }
    if (pick(3) == 0) {
        set(s, "closelab.time_wait_len_ms", std::to_string(pick(30000)));
    }
    if (pick(3) == 0) {
        set(s, "net.ipv4.tcp_timestamps", "0");
    }
    return s;
}

class LoadProperties : public ::testing::TestWithParam<std::uint64_t> {};

TEST_P(LoadProperties, SocketsAreConservedAndAttemptsAddUp) {
    const LoadSpec spec = randomSpec(GetParam());
    const LoadResult r = runLoad(spec);
    SCOPED_TRACE(loadSpecToJson(spec).dump());
    const auto& client = host(r, "client");
    const auto& server = host(r, "server");
    for (std::size_t k = 0; k < r.tMs.size(); ++k) {
        // One destination: every client socket holds its own port, and nothing else does.
        EXPECT_EQ(total(r, "client", k), client.portsInUse[k]) << r.tMs[k];
        EXPECT_EQ(server.states[stateIdx("LISTEN")][k], 1u);
        EXPECT_EQ(client.states[stateIdx("LISTEN")][k], 0u);
        EXPECT_EQ(client.states[stateIdx("SYN_RECV")][k], 0u);
        EXPECT_EQ(server.states[stateIdx("SYN_SENT")][k], 0u);
    }
    std::uint64_t failures = 0;
    for (const auto& [err, n] : r.summary.failed) {
        failures += n;
    }
    const std::uint64_t pending = client.states[stateIdx("SYN_SENT")].back();
    EXPECT_EQ(r.summary.succeeded + failures + pending, r.summary.attempted);
    EXPECT_EQ(r.connections.size(), r.summary.attempted);
    std::uint64_t okSeries = 0;
    for (auto v : client.connectOk) {
        okSeries += v;
    }
    EXPECT_EQ(okSeries, r.summary.succeeded);
    // Every socket the client opened is still counted or was closed exactly once:
    // ActiveOpens = sockets now + sockets gone; sockets gone can never be negative.
    EXPECT_GE(counter(r, "client", "ActiveOpens"),
              static_cast<std::int64_t>(total(r, "client", r.tMs.size() - 1)) -
                  static_cast<std::int64_t>(client.states[stateIdx("TIME_WAIT")].back()) -
                  static_cast<std::int64_t>(client.states[stateIdx("FIN_WAIT_2")].back()));
    for (std::size_t st = 0; st < kLoadStateCount; ++st) {
        for (auto v : client.states[st]) {
            EXPECT_LE(v, r.summary.peak.at("client").at(std::string(kLoadStateNames[st])));
        }
    }
}

TEST_P(LoadProperties, SameSeedSameResult) {
    const LoadSpec spec = randomSpec(GetParam());
    EXPECT_EQ(loadResultToJson(runLoad(spec)).dump(), loadResultToJson(runLoad(spec)).dump());
}

INSTANTIATE_TEST_SUITE_P(Seeds, LoadProperties, ::testing::Range<std::uint64_t>(1, 41));

TEST(LoadDeterminism, DifferentSeedsChoosePortsDifferently) {
    LoadSpec a = tightLoop(50);
    LoadSpec b = a;
    b.seed = 2;
    const LoadResult ra = runLoad(a);
    const LoadResult rb = runLoad(b);
    std::vector<std::uint16_t> pa, pb;
    for (const auto& c : ra.connections) {
        pa.push_back(c.localPort);
    }
    for (const auto& c : rb.connections) {
        pb.push_back(c.localPort);
    }
    EXPECT_NE(pa, pb);
}

TEST(LoadNat, ClientsShareThePublicAddressWithDistinctPorts) {
    LoadSpec s;
    s.ratePerS = 200;
    s.durationS = 5;
    s.clients = 3;
    s.nat = true;
    const LoadResult r = runLoad(s);
    EXPECT_EQ(r.summary.succeeded, r.summary.attempted);
    EXPECT_EQ(r.hosts.size(), 5u);
    EXPECT_EQ(r.hosts[3].host, "nat");
    std::uint32_t tw = 0;
    for (const char* c : {"client1", "client2", "client3"}) {
        tw += last(r, c, "TIME_WAIT");
    }
    EXPECT_EQ(tw, 1000u);
    // The NAT holds one mapping per client socket still alive (TIME_WAIT included).
    EXPECT_EQ(host(r, "nat").portsInUse.back(), 1000u);
}

TEST(LoadLoss, LossRetransmitsAndStillCloses) {
    LoadSpec s;
    s.ratePerS = 100;
    s.durationS = 30;
    s.loss = 0.1;
    const LoadResult r = runLoad(s);
    EXPECT_GT(counter(r, "client", "RetransSegs") + counter(r, "server", "RetransSegs"), 0);
    EXPECT_GT(r.summary.succeeded, 2900u);
}

TEST(LoadPortBitmap, FindsTheNextSetBitCyclically) {
    PortBitmap bm(20000);
    EXPECT_EQ(bm.findCyclic(0), PortBitmap::kNone);
    bm.set(5);
    bm.set(19999);
    EXPECT_EQ(bm.findCyclic(0), 5u);
    EXPECT_EQ(bm.findCyclic(6), 19999u);
    bm.reset(19999);
    EXPECT_EQ(bm.findCyclic(6), 5u);
    bm.set(4096);
    EXPECT_EQ(bm.findCyclic(6), 4096u);
    EXPECT_TRUE(bm.test(4096));
    EXPECT_FALSE(bm.test(4097));
}

TEST(LoadTupleHashMap, InsertFindEraseWithBackwardShift) {
    TupleHashMap m;
    std::map<std::uint64_t, std::uint32_t> ref;
    std::mt19937_64 g(7);
    for (int i = 0; i < 20000; ++i) {
        const std::uint64_t k = 1 + g() % 5000;
        if (ref.count(k) != 0) {
            EXPECT_TRUE(m.erase(k));
            ref.erase(k);
        } else {
            m.insert(k, static_cast<std::uint32_t>(i));
            ref[k] = static_cast<std::uint32_t>(i);
        }
    }
    EXPECT_EQ(m.size(), ref.size());
    for (std::uint64_t k = 1; k <= 5000; ++k) {
        const auto it = ref.find(k);
        EXPECT_EQ(m.find(k), it == ref.end() ? TupleHashMap::kNone : it->second);
    }
}

TEST(LoadEventQueue, PopsByTimeThenInsertionOrderAcrossChannels) {
    LoadEventQueue q;
    const int a = q.channel(100);
    const int b = q.channel(5);
    LoadTimer t;
    t.t = 100;
    t.obj = 1;
    q.push(a, t);
    t.t = 5;
    t.obj = 2;
    q.push(b, t);
    t.t = 100;
    t.obj = 3;
    q.push(b, t);
    t.t = 50;
    t.obj = 4;
    q.push(a, t);  // out of order for channel a: goes to the heap
    std::vector<std::uint32_t> order;
    while (!q.empty()) {
        order.push_back(q.top().obj);
        q.pop();
    }
    EXPECT_EQ(order, (std::vector<std::uint32_t>{2, 4, 1, 3}));
}

}  // namespace
}  // namespace closelab::core
