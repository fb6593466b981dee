// The agreement suite, scenario side: small timelines run by the engine (core::simulate) and
// replayed on the kernel (KernelRun), compared call by call and state by state at a cut time.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/scenario.h"
#include "core/simulate.h"
#include "kernel/kernel_run.h"
#include "kernel/scenario_comparison.h"
#include "kernel_test_support.h"

using closelab::core::AppCall;
using closelab::core::AppCallKind;
using closelab::core::OptionOverride;
using closelab::core::Scenario;
using closelab::kernel::KernelRun;
using closelab::kernel::ScenarioComparison;

namespace {

constexpr long long kCutMs = 400;

Scenario twoHosts(std::string id) {
    Scenario sc;
    sc.id = std::move(id);
    sc.durationUs = 70'000'000;
    sc.hosts = {{"client", "10.0.0.1", "", false, std::nullopt},
                {"server", "10.0.0.2", "", false, std::nullopt}};
    return sc;
}

AppCall call(long long ms, std::string host, AppCallKind kind, std::string sock) {
    AppCall c;
    c.t = ms * 1000;
    c.host = std::move(host);
    c.call = kind;
    c.sock = std::move(sock);
    return c;
}

AppCall listenCall(long long ms, std::string sock, std::uint16_t port,
                   std::vector<OptionOverride> options = {}) {
    auto c = call(ms, "server", AppCallKind::Listen, std::move(sock));
    c.port = port;
    c.sockOptions = std::move(options);
    return c;
}

AppCall connectCall(long long ms, std::string sock, std::uint16_t port, bool closeOnEof) {
    auto c = call(ms, "client", AppCallKind::Connect, std::move(sock));
    c.to = "server";
    c.port = port;
    c.closeOnEof = closeOnEof;
    return c;
}

AppCall acceptCall(long long ms, std::string sock, std::string listener, bool closeOnEof) {
    auto c = call(ms, "server", AppCallKind::Accept, std::move(sock));
    c.listener = std::move(listener);
    c.closeOnEof = closeOnEof;
    return c;
}

AppCall sendCall(long long ms, std::string host, std::string sock, std::uint64_t bytes) {
    auto c = call(ms, std::move(host), AppCallKind::Send, std::move(sock));
    c.bytes = bytes;
    return c;
}

// The kernel's result of the last row named `what` ("" when absent).
std::string lastKernel(const ScenarioComparison& r, const std::string& what) {
    std::string out;
    for (const auto& row : r.rows) {
        if (row.what == what) {
            out = row.kernel;
        }
    }
    return out;
}

ScenarioComparison compareBoth(const Scenario& sc) {
    closelab::core::RunConfig config;
    const auto engine = closelab::core::simulate(sc, config);
    const auto kernel = KernelRun::run(sc, config, kCutMs);
    return ScenarioComparison::compare(sc, engine, kernel.recording, kCutMs * 1000);
}

}  // namespace

TEST(AgreementScenario, WhoClosesFirstHoldsTimeWait) {
    CLOSELAB_REQUIRE_NETNS();
    for (const bool clientFirst : {true, false}) {
        for (const int connections : {1, 3}) {
            auto sc = twoHosts("close-order");
            sc.timeline.push_back(listenCall(0, "l", 80));
            for (int i = 0; i < connections; ++i) {
                const auto c = "c" + std::to_string(i);
                const auto s = "s" + std::to_string(i);
                const long long t = 10 + 40 * i;
                sc.timeline.push_back(connectCall(t, c, 80, !clientFirst));
                sc.timeline.push_back(acceptCall(t, s, "l", clientFirst));
                sc.timeline.push_back(sendCall(t + 10, "client", c, 100));
                sc.timeline.push_back(sendCall(t + 20, "server", s, 1000));
                sc.timeline.push_back(call(t + 30, clientFirst ? "client" : "server",
                                           AppCallKind::Close, clientFirst ? c : s));
            }
            const auto r = compareBoth(sc);
            EXPECT_TRUE(r.agree) << (clientFirst ? "client" : "server") << " first\n" << r.toText();
        }
    }
}

TEST(AgreementScenario, LingerZeroResetsAndTheServerReadFails) {
    CLOSELAB_REQUIRE_NETNS();
    for (const char* linger : {"1,0", "1,5"}) {
        auto sc = twoHosts("linger");
        sc.timeline.push_back(listenCall(0, "l", 80));
        auto c = connectCall(10, "c", 80, false);
        c.sockOptions = {{"", "SO_LINGER", linger}};
        sc.timeline.push_back(c);
        // The server reads explicitly after the close: the reset is reported to that call
        // (AnAutoReadingApplicationSeesTheResetAtOnce covers a server that reads as data arrives).
        auto a = acceptCall(10, "s", "l", true);
        a.autoRead = false;
        sc.timeline.push_back(a);
        sc.timeline.push_back(sendCall(20, "client", "c", 100));
        sc.timeline.push_back(call(30, "server", AppCallKind::Recv, "s"));
        sc.timeline.push_back(call(40, "client", AppCallKind::Close, "c"));
        sc.timeline.push_back(call(60, "server", AppCallKind::Recv, "s"));
        const auto r = compareBoth(sc);
        EXPECT_TRUE(r.agree) << linger << "\n" << r.toText();
        EXPECT_EQ(lastKernel(r, "server recv(s)"),
                  std::string(linger) == "1,0" ? "ECONNRESET" : "ok")
            << r.toText();
    }
}

TEST(AgreementScenario, AnAutoReadingApplicationSeesTheResetAtOnce) {
    CLOSELAB_REQUIRE_NETNS();
    auto sc = twoHosts("linger-auto-read");
    sc.timeline.push_back(listenCall(0, "l", 80));
    auto c = connectCall(10, "c", 80, false);
    c.sockOptions = {{"", "SO_LINGER", "1,0"}};
    sc.timeline.push_back(c);
    sc.timeline.push_back(acceptCall(10, "s", "l", false));  // reads as data arrives
    sc.timeline.push_back(sendCall(20, "client", "c", 100));
    sc.timeline.push_back(call(40, "client", AppCallKind::Close, "c"));
    sc.timeline.push_back(sendCall(60, "server", "s", 10));
    const auto r = compareBoth(sc);
    EXPECT_TRUE(r.agree) << r.toText();
    // recv() fails when the RST lands, before the application's next call; reading the error
    // consumed it, so the later send() gets EPIPE.
    EXPECT_EQ(lastKernel(r, "server recv(s) ECONNRESET"), "yes") << r.toText();
    EXPECT_EQ(lastKernel(r, "server send(s)"), "EPIPE") << r.toText();
}

TEST(AgreementScenario, CloseWithUnreadDataSendsReset) {
    CLOSELAB_REQUIRE_NETNS();
    for (const std::uint64_t unread : {1u, 100u}) {
        auto sc = twoHosts("unread");
        sc.timeline.push_back(listenCall(0, "l", 80));
        auto c = connectCall(10, "c", 80, false);
        c.autoRead = false;
        sc.timeline.push_back(c);
        auto a = acceptCall(10, "s", "l", true);
        a.autoRead = false;
        sc.timeline.push_back(a);
        sc.timeline.push_back(sendCall(20, "server", "s", unread));
        sc.timeline.push_back(call(40, "client", AppCallKind::Close, "c"));
        sc.timeline.push_back(call(60, "server", AppCallKind::Recv, "s"));
        const auto r = compareBoth(sc);
        EXPECT_TRUE(r.agree) << unread << " unread bytes\n" << r.toText();
        EXPECT_EQ(lastKernel(r, "server recv(s)"), "ECONNRESET") << r.toText();
    }
}

TEST(AgreementScenario, RestartNeedsTheSameReuseOptionOnBothListeners) {
    CLOSELAB_REQUIRE_NETNS();
    const std::vector<std::vector<OptionOverride>> options = {
        {}, {{"", "SO_REUSEADDR", "1"}}, {{"", "SO_REUSEPORT", "1"}}};
    for (const auto& oldOpt : options) {
        for (const auto& newOpt : options) {
            auto sc = twoHosts("restart");
            sc.timeline.push_back(listenCall(0, "l", 80, oldOpt));
            sc.timeline.push_back(connectCall(10, "c", 80, true));
            sc.timeline.push_back(acceptCall(10, "s", "l", false));
            sc.timeline.push_back(call(30, "server", AppCallKind::Close, "s"));
            sc.timeline.push_back(call(50, "server", AppCallKind::Close, "l"));
            sc.timeline.push_back(listenCall(100, "l2", 80, newOpt));
            const auto r = compareBoth(sc);
            EXPECT_TRUE(r.agree) << (oldOpt.empty() ? "none" : oldOpt[0].name) << " -> "
                                 << (newOpt.empty() ? "none" : newOpt[0].name) << "\n"
                                 << r.toText();
        }
    }
}

TEST(AgreementScenario, HalfCloseKeepsDataFlowingBack) {
    CLOSELAB_REQUIRE_NETNS();
    for (const std::uint64_t bytes : {10u, 5000u}) {
        auto sc = twoHosts("half-close");
        sc.timeline.push_back(listenCall(0, "l", 80));
        sc.timeline.push_back(connectCall(10, "c", 80, false));
        sc.timeline.push_back(acceptCall(10, "s", "l", false));
        sc.timeline.push_back(call(20, "client", AppCallKind::Shutdown, "c"));
        sc.timeline.push_back(sendCall(40, "server", "s", bytes));
        sc.timeline.push_back(call(60, "server", AppCallKind::Close, "s"));
        sc.timeline.push_back(call(80, "client", AppCallKind::Close, "c"));
        const auto r = compareBoth(sc);
        EXPECT_TRUE(r.agree) << bytes << "\n" << r.toText();
    }
}

TEST(AgreementScenario, DroppedCloseSegmentsKeepTheStatesUntilTheRetransmission) {
    CLOSELAB_REQUIRE_NETNS();
    struct Case {
        std::string from;
        std::string to;
        std::vector<std::string> flags;
    };
    // The client's final ACK (server stays in LAST_ACK) and the server's FIN (the client stays
    // in FIN_WAIT_2, the server in LAST_ACK), dropped once by nftables in the namespace; at
    // 150 ms the retransmission (RTO >= 200 ms) has not happened yet.
    for (const auto& c :
         {Case{"client", "server", {"ACK"}}, Case{"server", "client", {"FIN", "ACK"}}}) {
        auto sc = twoHosts("drop");
        sc.timeline.push_back(listenCall(0, "l", 80));
        sc.timeline.push_back(connectCall(10, "c", 80, false));
        sc.timeline.push_back(acceptCall(10, "s", "l", true));
        sc.timeline.push_back(sendCall(20, "client", "c", 100));
        sc.timeline.push_back(call(40, "client", AppCallKind::Close, "c"));
        closelab::core::FaultSpec fault;
        fault.action = closelab::core::FaultAction::Drop;
        fault.match.from = c.from;
        fault.match.to = c.to;
        fault.match.flags = c.flags;
        fault.match.afterUs = 40'000;
        sc.faults.push_back(fault);
        closelab::core::RunConfig config;
        const auto engine = closelab::core::simulate(sc, config);
        const auto kernel = KernelRun::run(sc, config, 150);
        ASSERT_TRUE(kernel.notReplayed.empty());
        const auto r = ScenarioComparison::compare(sc, engine, kernel.recording, 150'000);
        EXPECT_TRUE(r.agree) << c.from << " " << c.flags.size() << "\n" << r.toText();
        EXPECT_EQ(lastKernel(r, "server sockets in LAST_ACK at 150 ms"), "1") << r.toText();
    }
}
