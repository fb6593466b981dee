// Load parameters: validation (one clear line), options per host, the JSON and CSV shapes.
#include <gtest/gtest.h>

#include <optional>
#include <sstream>
#include <string>

#include "core/load/load_host_params.h"
#include "load_test_util.h"

namespace closelab::core {
namespace {

using namespace loadtest;

std::string errorOf(const LoadSpec& s) {
    try {
        runLoad(s);
    } catch (const std::exception& e) {
        return e.what();
    }
    return "";
}

LoadSpec small() {
    LoadSpec s;
    s.ratePerS = 10;
    s.durationS = 2;
    return s;
}

TEST(LoadSpecValidation, RejectsBadValuesWithOneLine) {
    struct Case {
        std::function<void(LoadSpec&)> edit;
        const char* needle;
    };
    const std::vector<Case> cases = {
        {[](LoadSpec& s) { s.ratePerS = 0; }, "--rate"},
        {[](LoadSpec& s) { s.ratePerS.reset(); }, "--rate"},
        {[](LoadSpec& s) { s.durationS = -1; }, "--duration"},
        {[](LoadSpec& s) { s.loss = 1.5; }, "--loss"},
        {[](LoadSpec& s) { s.clients = 0; }, "--clients"},
        {[](LoadSpec& s) { s.kernel = "linux-2.2"; }, "linux-2.2"},
        {[](LoadSpec& s) { s.loopback = true, s.clients = 2; }, "--loopback"},
        {[](LoadSpec& s) { s.sampleMs = 0; }, "--sample-ms"},
        {[](LoadSpec& s) { s.ratePerS = 1e6, s.durationS = 300; }, "attempts"},
        {[](LoadSpec& s) { set(s, "net.ipv4.tcp_tw_reuse", "7"); }, "tcp_tw_reuse"},
        {[](LoadSpec& s) { set(s, "net.ipv4.ip_local_port_range", "61000 32768"); },
         "ip_local_port_range"},
        {[](LoadSpec& s) { set(s, "net.ipv4.no_such_thing", "1"); }, "no_such_thing"},
        {[](LoadSpec& s) { set(s, "web.net.ipv4.tcp_tw_reuse", "1"); }, "web"},
        {[](LoadSpec& s) { set(s, "closelab.msl_ms", "100"); }, "rfc793"},
        {[](LoadSpec& s) { set(s, "net.ipv4.tcp_tw_recycle", "1"); }, "4.12"},
        {[](LoadSpec& s) { set(s, "SO_LINGER", "banana"); }, "SO_LINGER"},
        {[](LoadSpec& s) { set(s, "net.ipv4.tcp_fin_timeout", "ten"); }, "tcp_fin_timeout"},
    };
    for (const auto& c : cases) {
        LoadSpec s = small();
        c.edit(s);
        const std::string msg = errorOf(s);
        EXPECT_NE(msg.find(c.needle), std::string::npos) << msg;
        EXPECT_EQ(msg.find('\n'), std::string::npos) << msg;
    }
}

// LoadSpecError is a typed InputError: the UI translates it from its id and arguments.
TEST(LoadSpecValidation, ErrorsAreTypedWithTheirArguments) {
    auto errorOf = [](const LoadSpec& s) -> std::optional<InputError> {
        try {
            runLoad(s);
        } catch (const LoadSpecError& e) {
            return e;
        }
        return std::nullopt;
    };
    LoadSpec s;
    s.count = 0;
    auto e = errorOf(s);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->id(), ErrorId::ValueOutOfRange);
    EXPECT_EQ(e->arg("name"), "--count");
    EXPECT_EQ(e->arg("value"), "0");
    EXPECT_EQ(std::string(e->what()), "--count must be between 1 and 50000000, got '0'");

    s = LoadSpec{};
    s.ratePerS = 10.0;
    s.loss = 1.0;
    e = errorOf(s);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->id(), ErrorId::LoadLossOutOfRange);
    EXPECT_EQ(e->arg("value"), "1");

    s = LoadSpec{};
    s.count = 3;
    s.settings = {{"nobody.net.ipv4.tcp_fin_timeout", "3"}};
    e = errorOf(s);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->id(), ErrorId::LoadUnknownHost);
    EXPECT_EQ(e->arg("host"), "nobody");
    EXPECT_EQ(e->arg("hosts"), "client, server");

    // An option's own error keeps its id (the engine's catalog text).
    s.settings = {{"net.ipv4.tcp_fin_timeout", "abc"}};
    e = errorOf(s);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->id(), ErrorId::ValueNotInteger);
    EXPECT_EQ(e->arg("value"), "abc");

    // Every load id has an English template (no empty line in either language's source).
    for (auto id = static_cast<std::size_t>(ErrorId::LoadAboveZero); id < kErrorCount; ++id) {
        EXPECT_NE(std::string(errorTemplateEn(static_cast<ErrorId>(id))), "") << id;
        EXPECT_NE(errorKey(static_cast<ErrorId>(id)), "?") << id;
    }
}

TEST(LoadSpecValidation, ScopedSettingsApplyToOneHost) {
    LoadSpec s = small();
    set(s, "client.net.ipv4.tcp_fin_timeout", "7");
    set(s, "net.ipv4.tcp_tw_reuse", "1");
    const auto params = resolveLoadHostParams(s);
    ASSERT_EQ(params.size(), 2u);
    EXPECT_EQ(params[0].finTimeoutMs, 7000);
    EXPECT_EQ(params[1].finTimeoutMs, 60000);
    EXPECT_EQ(params[0].twReuse, 1);
    EXPECT_EQ(params[1].twReuse, 1);
}

TEST(LoadSpecValidation, ProfilesHaveTheirDefaults) {
    LoadSpec s = small();
    EXPECT_EQ(resolveLoadHostParams(s)[0].twReuse, 2);
    s.kernel = "linux-4.9";
    const auto old = resolveLoadHostParams(s)[0];
    EXPECT_EQ(old.twReuse, 0);
    EXPECT_TRUE(old.hasTwRecycle);
    s.kernel = "rfc793";
    // rfc793: TIME_WAIT = 2 x MSL (the engine's default MSL is 30 s).
    EXPECT_EQ(resolveLoadHostParams(s)[0].timeWaitLenUs, 60'000'000);
    set(s, "closelab.msl_ms", "1000");
    EXPECT_EQ(resolveLoadHostParams(s)[0].timeWaitLenUs, 2'000'000);
}

TEST(LoadJson, HasTheContractFields) {
    LoadSpec s = small();
    s.connections = true;
    const auto j = loadResultToJson(runLoad(s));
    for (const char* key : {"spec", "series", "summary", "connections"}) {
        EXPECT_TRUE(j.contains(key)) << key;
    }
    EXPECT_EQ(j["series"]["t_ms"].size(), 3u);
    for (const char* h : {"client", "server"}) {
        const auto& hs = j["series"][h];
        for (auto name : kLoadStateNames) {
            EXPECT_EQ(hs[std::string(name)].size(), 3u) << name;
        }
        for (const char* key : {"connect_ok", "connect_failed", "ports_in_use", "memory_bytes"}) {
            EXPECT_TRUE(hs.contains(key)) << key;
        }
    }
    const auto& sum = j["summary"];
    for (const char* key : {"attempted", "succeeded", "failed", "first_failure_ms", "peak",
                            "counters", "sustainable_rate_per_s"}) {
        EXPECT_TRUE(sum.contains(key)) << key;
    }
    EXPECT_TRUE(sum["first_failure_ms"].is_null());
    EXPECT_EQ(sum["attempted"], 20);
    const auto& c0 = j["connections"][0];
    EXPECT_EQ(c0["t_us"], 0);
    EXPECT_EQ(c0["client"], "client");
    EXPECT_EQ(c0["result"], "ok");
    EXPECT_GE(c0["local_port"].get<int>(), 32768);
    EXPECT_EQ(j["spec"]["rtt_ms"], 1.0);
    EXPECT_EQ(j["spec"]["hosts"][0]["options"]["net.ipv4.tcp_tw_reuse"], "2");
}

TEST(LoadCsv, OneRowPerSampleOneColumnPerHostAndState) {
    LoadSpec s = small();
    const LoadResult r = runLoad(s);
    std::istringstream in(loadResultToCsv(r));
    std::string header;
    std::getline(in, header);
    EXPECT_EQ(header.rfind("t_ms,client.CLOSED,client.LISTEN", 0), 0u);
    EXPECT_NE(header.find("server.TIME_WAIT"), std::string::npos);
    const auto columns = std::count(header.begin(), header.end(), ',') + 1;
    int rows = 0;
    for (std::string line; std::getline(in, line);) {
        ++rows;
        EXPECT_EQ(std::count(line.begin(), line.end(), ',') + 1, columns);
    }
    EXPECT_EQ(rows, 3);
}

TEST(LoadSeries, SamplesCoverTheDurationAndMemoryFollowsSockets) {
    LoadSpec s;
    s.ratePerS = 100;
    s.durationS = 10;
    s.sampleMs = 500;
    const LoadResult r = runLoad(s);
    ASSERT_EQ(r.tMs.size(), 21u);
    EXPECT_EQ(r.tMs.back(), 10000);
    const auto& c = host(r, "client");
    // Client: only TIME_WAIT mini-sockets (256 B) and a few live sockets (2368 B).
    const std::size_t k = r.tMs.size() - 1;
    const std::uint64_t tw = c.states[stateIdx("TIME_WAIT")][k];
    EXPECT_GE(c.memoryBytes[k], tw * 256);
    EXPECT_LE(c.memoryBytes[k], tw * 256 + 5 * 2368);
    EXPECT_EQ(c.counterDeltas.at("ActiveOpens")[1], 50);
}

}  // namespace
}  // namespace closelab::core
