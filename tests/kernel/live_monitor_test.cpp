#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "kernel/live_monitor.h"
#include "kernel/mib_counters.h"
#include "kernel/netns_runner.h"
#include "kernel/proc_net_tcp.h"
#include "kernel_test_support.h"

using closelab::kernel::LiveMonitor;
using closelab::kernel::LiveSample;
using closelab::kernel::MibCounters;
using closelab::kernel::NetnsRunner;
using closelab::kernel::ProcNetTcp;
using closelab::kernel::SocketEntry;

namespace {

int listenOn(int family, std::uint16_t port) {
    const int fd = ::socket(family, SOCK_STREAM, 0);
    sockaddr_storage ss{};
    socklen_t len = 0;
    if (family == AF_INET) {
        auto* a = reinterpret_cast<sockaddr_in*>(&ss);
        a->sin_family = AF_INET;
        a->sin_port = htons(port);
        a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        len = sizeof *a;
    } else {
        auto* a = reinterpret_cast<sockaddr_in6*>(&ss);
        a->sin6_family = AF_INET6;
        a->sin6_port = htons(port);
        a->sin6_addr = in6addr_loopback;
        len = sizeof *a;
    }
    if (::bind(fd, reinterpret_cast<sockaddr*>(&ss), len) != 0 || ::listen(fd, 128) != 0) {
        throw std::runtime_error("listen failed");
    }
    return fd;
}

int connectTo(int family, std::uint16_t port) {
    const int fd = ::socket(family, SOCK_STREAM, 0);
    sockaddr_storage ss{};
    socklen_t len = 0;
    if (family == AF_INET) {
        auto* a = reinterpret_cast<sockaddr_in*>(&ss);
        a->sin_family = AF_INET;
        a->sin_port = htons(port);
        a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        len = sizeof *a;
    } else {
        auto* a = reinterpret_cast<sockaddr_in6*>(&ss);
        a->sin6_family = AF_INET6;
        a->sin6_port = htons(port);
        a->sin6_addr = in6addr_loopback;
        len = sizeof *a;
    }
    if (::connect(fd, reinterpret_cast<sockaddr*>(&ss), len) != 0) {
        throw std::runtime_error("connect failed");
    }
    return fd;
}

nlohmann::json sampleJson(const LiveSample& s) {
    return {{"counts", s.counts},
            {"orphaned", s.orphanedFinWait2},
            {"half", s.halfClosedFinWait2},
            {"ipv6", s.ipv6},
            {"top_cw", s.topCloseWaitPorts.empty() ? "" : s.topCloseWaitPorts[0].endpoint}};
}

SocketEntry entry(int state, std::uint16_t local, std::uint16_t remote, std::uint8_t lastOctet) {
    SocketEntry e;
    e.family = AF_INET;
    e.state = state;
    e.localPort = local;
    e.remotePort = remote;
    e.remoteAddr = {10, 0, 0, lastOctet};
    return e;
}

}  // namespace

TEST(NetnsRunner, SysctlsAreWrittenOnlyInsideTheNamespace) {
    CLOSELAB_REQUIRE_NETNS();
    const std::string host = NetnsRunner::readSysctl("net.ipv4.tcp_fin_timeout");
    for (const char* value : {"7", "13"}) {
        NetnsRunner::Options options;
        options.sysctls = {{"net.ipv4.tcp_fin_timeout", value}};
        EXPECT_EQ(NetnsRunner::run(
                      options, [] { return NetnsRunner::readSysctl("net.ipv4.tcp_fin_timeout"); }),
                  value);
        EXPECT_EQ(NetnsRunner::readSysctl("net.ipv4.tcp_fin_timeout"), host);
    }
}

TEST(NetnsRunner, RefusesSysctlsOutsideNet) {
    CLOSELAB_REQUIRE_NETNS();
    NetnsRunner::Options options;
    options.sysctls = {{"kernel.hostname", "x"}};
    EXPECT_THROW(NetnsRunner::run(options, [] { return std::string("ran"); }), std::runtime_error);
    options.sysctls = {{"net.ipv4.../../kernel/hostname", "x"}};
    EXPECT_THROW(NetnsRunner::run(options, [] { return std::string("ran"); }), std::runtime_error);
}

TEST(NetnsRunner, BodyFailureComesBackAsItsMessage) {
    CLOSELAB_REQUIRE_NETNS();
    try {
        NetnsRunner::run({}, []() -> std::string { throw std::runtime_error("boom in child"); });
        FAIL() << "no exception";
    } catch (const std::runtime_error& e) {
        EXPECT_STREQ(e.what(), "boom in child");
    }
}

TEST(NetnsRunner, ARunPastItsTimeLimitIsKilled) {
    CLOSELAB_REQUIRE_NETNS();
    NetnsRunner::Options options;
    options.timeout = std::chrono::milliseconds(200);
    EXPECT_THROW(NetnsRunner::run(options,
                                  [] {
                                      std::this_thread::sleep_for(std::chrono::seconds(30));
                                      return std::string("late");
                                  }),
                 std::runtime_error);
}

TEST(LiveMonitor, SockDiagAndProcFallbackSeeTheSameStates) {
    CLOSELAB_REQUIRE_NETNS();
    NetnsRunner::Options options;
    options.sysctls = {{"net.ipv4.tcp_fin_timeout", "30"}};
    const auto out = nlohmann::json::parse(NetnsRunner::run(options, [] {
        std::vector<int> keep;
        const int l4 = listenOn(AF_INET, 8080);
        const int l6 = listenOn(AF_INET6, 9090);
        keep = {l4, l6};
        for (int i = 0; i < 12; ++i) {  // 12 CLOSE_WAIT on 8080 + 12 orphaned FIN_WAIT_2
            const int c = connectTo(AF_INET, 8080);
            keep.push_back(::accept(l4, nullptr, nullptr));
            ::close(c);
        }
        for (int i = 0; i < 2; ++i) {  // 2 half-closed FIN_WAIT_2 (the fd stays)
            const int c = connectTo(AF_INET, 8080);
            keep.push_back(::accept(l4, nullptr, nullptr));
            ::shutdown(c, SHUT_WR);
            keep.push_back(c);
        }
        for (int i = 0; i < 3; ++i) {  // 3 ESTABLISHED pairs over IPv6
            keep.push_back(connectTo(AF_INET6, 9090));
            keep.push_back(::accept(l6, nullptr, nullptr));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        LiveMonitor diag(3, false);
        LiveMonitor proc(3, true);
        const auto a = diag.sample();
        const auto b = proc.sample();
        return nlohmann::json{{"diag", sampleJson(a)},
                              {"proc", sampleJson(b)},
                              {"diag_source", a.source},
                              {"proc_source", b.source},
                              {"diagnosis", LiveMonitor::diagnose(a, {32768, 60999}).size()}}
            .dump();
    }));
    EXPECT_EQ(out["diag_source"], "sock_diag");
    EXPECT_EQ(out["proc_source"], "proc");
    EXPECT_EQ(out["diag"], out["proc"]) << out;
    EXPECT_EQ(out["diag"]["counts"]["CLOSE_WAIT"], 14) << out;
    EXPECT_EQ(out["diag"]["counts"]["FIN_WAIT_2"], 14) << out;
    EXPECT_EQ(out["diag"]["orphaned"], 12) << out;
    EXPECT_EQ(out["diag"]["half"], 2) << out;
    EXPECT_EQ(out["diag"]["counts"]["ESTABLISHED"], 6) << out;
    EXPECT_EQ(out["diag"]["counts"]["LISTEN"], 2) << out;
    EXPECT_EQ(out["diag"]["counts"]["TIME_WAIT"], 0) << out;
    EXPECT_EQ(out["diag"]["ipv6"], 7) << out;
    EXPECT_EQ(out["diag"]["top_cw"], "8080") << out;
    EXPECT_EQ(out["diagnosis"], 1) << out;  // the CLOSE_WAIT leak on 8080
}

TEST(LiveMonitor, DiagnosesACloseWaitLeakOnOnePort) {
    std::vector<SocketEntry> entries;
    for (int i = 0; i < 40; ++i) {
        entries.push_back(entry(8, 8080, static_cast<std::uint16_t>(50000 + i), 9));
    }
    entries.push_back(entry(8, 22, 50000, 9));
    const auto s = LiveMonitor::summarise(entries, 5);
    EXPECT_EQ(s.counts.at("CLOSE_WAIT"), 41);
    ASSERT_EQ(s.topCloseWaitPorts.size(), 2u);
    EXPECT_EQ(s.topCloseWaitPorts[0].endpoint, "8080");
    const auto d = LiveMonitor::diagnose(s, {32768, 60999});
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d[0].id, "close-wait-leak");
    EXPECT_NE(d[0].text.find("port 8080"), std::string::npos) << d[0].text;
}

TEST(LiveMonitor, WarnsOfPortExhaustionTowardOneDestination) {
    std::vector<SocketEntry> entries;
    for (int i = 0; i < 60; ++i) {
        entries.push_back(entry(6, static_cast<std::uint16_t>(40000 + i), 80, 2));
    }
    for (int i = 0; i < 10; ++i) {
        entries.push_back(entry(6, static_cast<std::uint16_t>(40000 + i), 443, 3));
    }
    const auto s = LiveMonitor::summarise(entries, 5);
    EXPECT_EQ(s.topTimeWaitDestinations[0].endpoint, "10.0.0.2:80");
    EXPECT_EQ(s.topTimeWaitDestinations[0].count, 60);
    // 60 of a 100-port range: warned. Of the default 28,232 ports: not yet.
    const auto d = LiveMonitor::diagnose(s, {40000, 40099});
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d[0].id, "port-exhaustion-ahead");
    EXPECT_TRUE(LiveMonitor::diagnose(s, {32768, 60999}).empty());
}

TEST(LiveMonitor, DiagnosisCountsAgreeWithTheirNumber) {
    LiveSample s = LiveMonitor::summarise({entry(6, 40000, 80, 2)}, 5);
    s.counters["TCPTimeWaitOverflow"] = 1;
    auto d = LiveMonitor::diagnose(s, {40000, 40001});
    ASSERT_EQ(d.size(), 2u);
    EXPECT_EQ(d[0].id, "port-exhaustion-ahead");
    EXPECT_EQ(d[0].text.rfind("1 TIME_WAIT socket toward 10.0.0.2:80 uses 50% of", 0), 0u)
        << d[0].text;
    EXPECT_EQ(d[1].id, "tw-bucket-overflow");
    EXPECT_EQ(d[1].text.rfind("1 connection skipped TIME_WAIT", 0), 0u) << d[1].text;

    s = LiveMonitor::summarise({entry(6, 40000, 80, 2), entry(6, 40001, 80, 2)}, 5);
    s.counters["TCPTimeWaitOverflow"] = 2;
    d = LiveMonitor::diagnose(s, {40000, 40001});
    ASSERT_EQ(d.size(), 2u);
    EXPECT_EQ(d[0].text.rfind("2 TIME_WAIT sockets toward 10.0.0.2:80 use 100% of", 0), 0u)
        << d[0].text;
    EXPECT_EQ(d[1].text.rfind("2 connections skipped TIME_WAIT", 0), 0u) << d[1].text;
}

TEST(ProcNetTcp, ParsesRowsIncludingTimewaitMiniSockets) {
    const auto rows = ProcNetTcp::parse(
        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  "
        "timeout inode\n"
        "   0: 0100007F:1389 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0 "
        "       0 12345 1 0000000000000000 100 0 0 10 0\n"
        "   1: 0100007F:E4B2 0100007F:1389 05 00000000:00000000 03:00001751 00000000     0 "
        "       0 0 3 0000000000000000\n"
        "   2: garbage\n",
        AF_INET);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].state, 10);
    EXPECT_EQ(rows[0].localPort, 5001);
    EXPECT_EQ(rows[0].inode, 12345u);
    EXPECT_EQ(rows[1].localPort, 0xE4B2);
    EXPECT_TRUE(rows[1].isTimewaitSock());
    EXPECT_TRUE(rows[1].isOrphanedFinWait2());
    EXPECT_EQ(rows[1].expiresMs, 59690u);
    EXPECT_EQ(rows[1].remoteAddr[0], 127);
}

TEST(MibCounters, ParsesNamedPairsAndDeltas) {
    const auto v = MibCounters::parse(
        "TcpExt: SyncookiesSent TW TCPTimeWaitOverflow\nTcpExt: 0 300 150\n"
        "IpExt: InNoRoutes\nIpExt: 9\n",
        "TcpExt");
    EXPECT_EQ(v.at("TW"), 300);
    EXPECT_EQ(v.at("TCPTimeWaitOverflow"), 150);
    EXPECT_EQ(v.count("InNoRoutes"), 0u);
    const auto d = MibCounters::delta({{"TW", 100}}, v);
    EXPECT_EQ(d.at("TW"), 200);
    EXPECT_EQ(d.at("SyncookiesSent"), 0);
}
