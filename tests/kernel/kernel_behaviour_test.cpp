// The kernel side of the agreement suite: each behaviour of issue 7 measured on real sockets in
// a private network namespace, for several parameter values, pinned to what
// shared/reference/kernel-measurements.md recorded on this kernel.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "kernel/kernel_experiments.h"
#include "kernel_test_support.h"

using closelab::kernel::KernelExperiments;

TEST(KernelCloseOrder, TimeWaitLandsOnTheSideThatClosesFirst) {
    CLOSELAB_REQUIRE_NETNS();
    for (const int n : {1, 7, 40}) {
        const auto client = KernelExperiments::closeOrder("client", n);
        EXPECT_EQ(client["ok"], n) << client;
        EXPECT_EQ(client["client_time_wait"], n) << client;
        EXPECT_EQ(client["server_time_wait"], 0) << client;
        const auto server = KernelExperiments::closeOrder("server", n);
        EXPECT_EQ(server["client_time_wait"], 0) << server;
        EXPECT_EQ(server["server_time_wait"], n) << server;
    }
}

TEST(KernelFinWait2, OrphanDiesAfterFinTimeoutWhileCloseWaitAndHalfCloseStay) {
    CLOSELAB_REQUIRE_NETNS();
    for (const auto& [finTimeout, n, half] : {std::tuple{1, 10, 2}, std::tuple{2, 25, 3}}) {
        const auto r = KernelExperiments::finWait2(finTimeout, n, half);
        EXPECT_EQ(r["before"]["fin_wait_2_orphaned"], n) << r;
        EXPECT_EQ(r["before"]["fin_wait_2_half_closed"], half) << r;
        EXPECT_EQ(r["before"]["close_wait"], n + half) << r;
        EXPECT_EQ(r["after"]["fin_wait_2_orphaned"], 0) << r;
        EXPECT_EQ(r["after"]["fin_wait_2_half_closed"], half) << r;
        EXPECT_EQ(r["after"]["close_wait"], n + half) << r;
        // The expiring mini-sockets count as TWKilled (tcp_timewait_state_process/inet_twsk_kill).
        EXPECT_EQ(r["counters"]["TWKilled"], n) << r;
    }
}

TEST(KernelPorts, ClientFirstExhaustsTheRangeEvenPortsFirstPerDestination) {
    CLOSELAB_REQUIRE_NETNS();
    for (const auto& [low, high] :
         {std::pair{40000, 40099}, std::pair{40000, 40015}, std::pair{50001, 50040}}) {
        const int size = high - low + 1;
        const auto r = KernelExperiments::exhaustion(low, high);
        EXPECT_EQ(r["successes"], size) << r;
        EXPECT_EQ(r["errno"], "EADDRNOTAVAIL") << r;
        EXPECT_EQ(r["distinct_ports"], size) << r;
        // Ports of low's parity first, then the others: "even first" only when low is even.
        EXPECT_TRUE(r["low_parity_first"].get<bool>()) << r;
        EXPECT_EQ(r["even_ports"], low % 2 == 0 ? (size + 1) / 2 : size / 2) << r;
        EXPECT_EQ(r["first_ports"][0].get<int>() % 2, low % 2) << r;
        EXPECT_EQ(r["retry"], "EADDRNOTAVAIL") << r;
        EXPECT_EQ(r["bind_port_0"], "EADDRINUSE") << r;
        EXPECT_EQ(r["second_destination_successes"], size) << r;
        EXPECT_EQ(r["second_destination_errno"], "EADDRNOTAVAIL") << r;
    }
}

TEST(KernelPorts, ServerFirstNeedsNoClientPorts) {
    CLOSELAB_REQUIRE_NETNS();
    for (const auto& [low, high, n] :
         {std::tuple{40000, 40099, 300}, std::tuple{40000, 40009, 50}}) {
        const auto r = KernelExperiments::serverFirst(low, high, n);
        EXPECT_EQ(r["successes"], n) << r;
        EXPECT_EQ(r["client_time_wait"], 0) << r;
        EXPECT_TRUE(r["all_even"].get<bool>()) << r;
        // A new SYN on the same 4-tuple takes over the server's TIME_WAIT, so at most one per
        // client port is left; every close still created one (TcpExt.TW).
        EXPECT_EQ(r["server_time_wait"], r["distinct_ports"]) << r;
        EXPECT_LE(r["distinct_ports"].get<int>(), (high - low + 2) / 2) << r;
        EXPECT_EQ(r["counters"]["TW"], n) << r;
    }
}

TEST(KernelTwReuse, ReusesAfterTheDelayOnlyWithTimestamps) {
    CLOSELAB_REQUIRE_NETNS();
    for (const auto& [reuse, delay] : {std::pair{1, 250}, std::pair{1, 1000}, std::pair{2, 500}}) {
        const auto r = KernelExperiments::twReuse(reuse, delay, true, 40000, 40049);
        EXPECT_EQ(r["phase1"], 50) << r;
        EXPECT_EQ(r["phase1_errno"], "EADDRNOTAVAIL") << r;
        EXPECT_EQ(r["early_retry"], "EADDRNOTAVAIL") << r;
        EXPECT_EQ(r["phase2"], 50) << r;
        EXPECT_EQ(r["phase2_errno"], "EADDRNOTAVAIL") << r;
        EXPECT_EQ(r["counters"]["TWRecycled"], 50) << r;
    }
    for (const int reuse : {0, 1}) {
        const auto r = KernelExperiments::twReuse(reuse, 250, reuse == 0, 40000, 40049);
        EXPECT_EQ(r["phase2"], 0) << r;
        EXPECT_EQ(r["counters"]["TWRecycled"], 0) << r;
    }
}

TEST(KernelTwBuckets, CapHoldsAndTheOverflowIsCountedSilently) {
    CLOSELAB_REQUIRE_NETNS();
    for (const auto& [cap, n] : {std::pair{50, 200}, std::pair{0, 30}, std::pair{10, 10}}) {
        const auto r = KernelExperiments::maxTwBuckets(cap, n);
        EXPECT_EQ(r["ok"], n) << r;
        EXPECT_EQ(r["server_eof"], n) << r;
        EXPECT_EQ(r["time_wait"], std::min(cap, n)) << r;
        EXPECT_EQ(r["counters"]["TCPTimeWaitOverflow"], n - std::min(cap, n)) << r;
        // Normally no RST (S7). Only when the server's ACK of the FIN leaves before its own FIN
        // (a delayed ACK firing first on a busy machine) does the client pass through an orphaned
        // FIN_WAIT_2, which also needs a bucket; without one it is dropped and the server's FIN
        // is answered with an RST (S7b). Such RSTs can never outnumber the overflows.
        EXPECT_LE(r["counters"]["OutRsts"].get<int>(), n - std::min(cap, n)) << r;
    }
}

TEST(KernelLinger, ZeroLingerResetsWithoutTimeWait) {
    CLOSELAB_REQUIRE_NETNS();
    for (const int n : {1, 20}) {
        const auto r = KernelExperiments::linger(1, 0, n);
        EXPECT_EQ(r["client_time_wait"], 0) << r;
        EXPECT_EQ(r["server_time_wait"], 0) << r;
        EXPECT_EQ(r["server_read"]["ECONNRESET"], n) << r;
        EXPECT_EQ(r["counters"]["TCPAbortOnData"], n) << r;
        EXPECT_EQ(r["counters"]["OutRsts"], n) << r;
    }
}

TEST(KernelLinger, NonZeroLingerClosesNormallyIntoTimeWait) {
    CLOSELAB_REQUIRE_NETNS();
    for (const int seconds : {1, 5}) {
        const auto r = KernelExperiments::linger(1, seconds, 5);
        EXPECT_EQ(r["client_time_wait"], 5) << r;
        EXPECT_EQ(r["server_read"]["EOF"], 5) << r;
        EXPECT_EQ(r["counters"]["OutRsts"], 0) << r;
        EXPECT_LT(r["close_us_max"].get<long long>(), seconds * 1'000'000LL) << r;
    }
}

TEST(KernelRestart, ReuseMatrixNeedsTheSameOptionOnBothListeners) {
    CLOSELAB_REQUIRE_NETNS();
    const char* options[] = {"none", "SO_REUSEADDR", "SO_REUSEPORT"};
    for (const char* residue : {"time_wait", "established", "listen"}) {
        for (const char* oldOpt : options) {
            for (const char* newOpt : options) {
                const std::string o = oldOpt, n = newOpt, res = residue;
                const bool same = o == n && o != "none";
                const bool ok = same && (res != "listen" || o == "SO_REUSEPORT");
                const auto r = KernelExperiments::restart(o, n, res);
                EXPECT_EQ(r["result"], ok ? "ok" : "EADDRINUSE")
                    << residue << " " << oldOpt << " -> " << newOpt << " " << r;
            }
        }
    }
}
