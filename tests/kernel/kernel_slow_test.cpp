// The 60 s TIME_WAIT lifetime (label slow): TCP_TIMEWAIT_LEN, whatever tcp_fin_timeout says.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/recording.h"
#include "core/scenario.h"
#include "core/simulate.h"
#include "kernel/kernel_experiments.h"
#include "kernel_test_support.h"

using closelab::kernel::KernelExperiments;

TEST(KernelSlow, TimeWaitLastsSixtySecondsWhateverFinTimeout) {
    CLOSELAB_REQUIRE_NETNS();
    const auto r = KernelExperiments::timeWaitLifetime(3, 5);
    EXPECT_EQ(r["present_at_59s"], 3) << r;
    EXPECT_GE(r["gone_ms"].get<long long>(), 59'500) << r;
    EXPECT_LE(r["gone_ms"].get<long long>(), 62'500) << r;

    // The engine, same close order and tcp_fin_timeout: present at 59.5 s, gone at 60.5 s after
    // the close.
    closelab::core::Scenario sc;
    sc.id = "time-wait-lifetime";
    sc.durationUs = 70'000'000;
    sc.hosts = {{"client", "10.0.0.1", "", false, std::nullopt},
                {"server", "10.0.0.2", "", false, std::nullopt}};
    sc.options = {{"", "net.ipv4.tcp_fin_timeout", "5"}};
    closelab::core::AppCall listen;
    listen.host = "server";
    listen.call = closelab::core::AppCallKind::Listen;
    listen.sock = "l";
    listen.port = 80;
    closelab::core::AppCall connect;
    connect.t = 10'000;
    connect.host = "client";
    connect.call = closelab::core::AppCallKind::Connect;
    connect.sock = "c";
    connect.to = "server";
    connect.port = 80;
    closelab::core::AppCall accept;
    accept.t = 10'000;
    accept.host = "server";
    accept.call = closelab::core::AppCallKind::Accept;
    accept.sock = "s";
    accept.listener = "l";
    accept.closeOnEof = true;
    closelab::core::AppCall close;
    close.t = 50'000;
    close.host = "client";
    close.call = closelab::core::AppCallKind::Close;
    close.sock = "c";
    sc.timeline = {listen, connect, accept, close};
    const auto rec = closelab::core::simulate(sc, {});
    const auto timeWaits = [&rec](closelab::core::SimTime t) {
        int n = 0;
        for (const auto& row : closelab::core::socketsAt(rec, t)) {
            n += row.state == closelab::core::TcpState::TimeWait;
        }
        return n;
    };
    EXPECT_EQ(timeWaits(50'000 + 59'500'000), 1);
    EXPECT_EQ(timeWaits(50'000 + 60'500'000), 0);
}
