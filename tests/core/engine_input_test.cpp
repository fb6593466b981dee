// Options, kernel profiles, scenario files and error messages: bad input gives one clear error.
#include <gtest/gtest.h>

#include <functional>
#include <set>

#include "core/error.h"
#include "core/note.h"
#include "core/options.h"
#include "core/scenario.h"
#include "core/simulate.h"
#include "core/sysctls.h"
#include "core/tcp_state.h"

using namespace closelab::core;

namespace {

ErrorId errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.id();
    }
    return ErrorId::Count;
}

}  // namespace

TEST(TcpState, NamesRoundTripAndSsSpellingsParse) {
    for (TcpState s : kAllStates)
        EXPECT_EQ(parseState(stateName(s)), s);
    EXPECT_EQ(stateName(TcpState::FinWait2), "FIN_WAIT_2");
    EXPECT_EQ(parseState("TIME-WAIT"), TcpState::TimeWait);
    EXPECT_EQ(parseState("estab"), TcpState::Established);
    EXPECT_EQ(parseState("FIN_WAIT1"), TcpState::FinWait1);
    EXPECT_FALSE(parseState("NEW_SYN_RECV"));
    EXPECT_TRUE(isAllowedTransition(TcpState::FinWait1, TcpState::Closing));
    EXPECT_FALSE(isAllowedTransition(TcpState::CloseWait, TcpState::TimeWait));
}

TEST(Options, DefaultsFollowTheMeasuredKernel) {
    const Sysctls s = Sysctls::defaults(KernelProfile::Linux6);
    EXPECT_EQ(s.tcpTwReuse, 2);
    EXPECT_EQ(s.tcpTwReuseDelayMs, 1000u);
    EXPECT_EQ(s.localPortLow, 32768);
    EXPECT_EQ(s.localPortHigh, 60999);
    EXPECT_EQ(s.tcpMaxTwBuckets, 131072);
    EXPECT_EQ(s.timeWaitLen(), 60000000);
    const Sysctls old = Sysctls::defaults(KernelProfile::Linux49);
    EXPECT_EQ(old.tcpTwReuse, 0);
    EXPECT_FALSE(old.tcpTwRecycle);
}

TEST(Options, ValidationErrors) {
    EXPECT_EQ(parseOptionValue("net.ipv4.tcp_tw_reuse", "1", KernelProfile::Linux6).a, 1);
    EXPECT_EQ(
        errorOf([] { parseOptionValue("net.ipv4.tcp_tw_reuse", "7", KernelProfile::Linux6); }),
        ErrorId::ValueOutOfRange);
    EXPECT_EQ(
        errorOf([] { parseOptionValue("net.ipv4.tcp_tw_reuse", "2", KernelProfile::Linux49); }),
        ErrorId::ValueOutOfRange);
    EXPECT_EQ(errorOf([] {
                  parseOptionValue("net.ipv4.ip_local_port_range", "5000 4000",
                                   KernelProfile::Linux6);
              }),
              ErrorId::PortRangeInverted);
    EXPECT_EQ(errorOf([] {
                  parseOptionValue("net.ipv4.ip_local_port_range", "5000", KernelProfile::Linux6);
              }),
              ErrorId::PortRangeMalformed);
    EXPECT_EQ(
        errorOf([] { parseOptionValue("net.ipv4.tcp_tw_recycle", "1", KernelProfile::Linux6); }),
        ErrorId::OptionNotInProfile);
    EXPECT_EQ(errorOf([] { parseOptionValue("closelab.msl_ms", "1000", KernelProfile::Linux6); }),
              ErrorId::OptionNotInProfile);
    EXPECT_EQ(errorOf([] {
                  parseOptionValue("net.ipv4.tcp_tw_reuse_delay", "500", KernelProfile::Linux49);
              }),
              ErrorId::OptionNotInProfile);
    EXPECT_EQ(errorOf([] { parseOptionValue("SO_LINGER", "yes", KernelProfile::Linux6); }),
              ErrorId::LingerMalformed);
    EXPECT_EQ(
        errorOf([] { parseOptionValue("net.ipv4.tcp_fin_timeout", "abc", KernelProfile::Linux6); }),
        ErrorId::ValueNotInteger);
    EXPECT_EQ(errorOf([] { parseOptionValue("net.ipv4.tcp_nope", "1", KernelProfile::Linux6); }),
              ErrorId::UnknownOption);
    EXPECT_EQ(parseOptionValue("SO_LINGER", "1 0", KernelProfile::Linux6).text, "1,0");
    EXPECT_EQ(parseOptionValue("net.ipv4.ip_local_reserved_ports", "8080, 9000-9010",
                               KernelProfile::Linux6)
                  .text,
              "8080,9000-9010");
}

TEST(Options, RecycleErrorSaysWhy) {
    try {
        parseOptionValue("net.ipv4.tcp_tw_recycle", "1", KernelProfile::Linux6);
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("removed in Linux 4.12"), std::string::npos);
    }
}

TEST(Options, OverrideScopesToAHost) {
    const OptionOverride o = parseOverride("client.net.ipv4.tcp_fin_timeout=7");
    EXPECT_EQ(o.host, "client");
    EXPECT_EQ(o.name, "net.ipv4.tcp_fin_timeout");
    EXPECT_EQ(o.value, "7");
    EXPECT_EQ(parseOverride("server.SO_LINGER=1,0").name, "SO_LINGER");
    EXPECT_TRUE(parseOverride("net.ipv4.tcp_tw_reuse=1").host.empty());
    EXPECT_EQ(errorOf([] { parseOverride("tcp_tw_reuse"); }), ErrorId::SetSyntax);
    EXPECT_EQ(errorOf([] { parseOverride("client.nope=1"); }), ErrorId::UnknownOption);
}

TEST(Catalogs, EveryNoteAndErrorHasAUniqueKeyAndATemplate) {
    std::set<std::string_view> keys;
    for (std::size_t i = 0; i < kNoteCount; ++i) {
        const auto id = static_cast<NoteId>(i);
        EXPECT_TRUE(keys.insert(noteKey(id)).second) << noteKey(id);
        EXPECT_GT(std::string_view(noteTemplateEn(id)).size(), 5u);
        EXPECT_EQ(noteFromKey(noteKey(id)), id);
    }
    keys.clear();
    for (std::size_t i = 0; i < kErrorCount; ++i) {
        const auto id = static_cast<ErrorId>(i);
        EXPECT_TRUE(keys.insert(errorKey(id)).second) << errorKey(id);
        EXPECT_GT(std::string_view(errorTemplateEn(id)).size(), 5u);
    }
    Note n{0,
           NoteId::TimeWaitEntered,
           {{"host", "client"}, {"local", "a"}, {"remote", "b"}, {"ms", "60000"}}};
    EXPECT_EQ(renderNoteEn(n), "client: a <-> b enters TIME_WAIT for 60000 ms");
}

TEST(Catalogs, ACountPicksItsEnglishWord) {
    using Args = std::vector<std::pair<std::string, std::string>>;
    const std::string_view t = "{n} unread {n|byte|bytes}";
    EXPECT_EQ(substituteArgs(t, Args{{"n", "1"}}), "1 unread byte");
    EXPECT_EQ(substituteArgs(t, Args{{"n", "2"}}), "2 unread bytes");
    EXPECT_EQ(substituteArgs(t, Args{{"n", "0"}}), "0 unread bytes");
    EXPECT_EQ(substituteArgs(t, Args{{"n", "11"}}), "11 unread bytes");
    // Not a selector, or not a known argument: copied as written, like an unknown {name}.
    EXPECT_EQ(substituteArgs("SO_LINGER {1,0} {m|a|b} {n|a} {n|a|b|c}", Args{{"n", "1"}}),
              "SO_LINGER {1,0} {m|a|b} {n|a} {n|a|b|c}");
    // One pass: a value that looks like a selector is not expanded.
    EXPECT_EQ(substituteArgs("{v} {n|x|y}", Args{{"v", "{n|x|y}"}, {"n", "1"}}), "{n|x|y} x");
    Note n{0, NoteId::RetransmitGiveUp, {{"host", "client"}, {"ms", "600"}, {"retries", "1"}}};
    EXPECT_EQ(
        renderNoteEn(n),
        "client: gives up after 600 ms of retransmissions (1 retry): socket destroyed, no RST");
}

TEST(Catalogs, AppEventDetailsCountBytesInEnglish) {
    // The CLI's text output shows these details: "send(c) = ok [1 byte]", not "[1 bytes]".
    const char* json = R"({"id": "one-byte", "title": "t",
      "hosts": [{"name": "client", "address": "10.0.0.1"}, {"name": "server", "address": "10.0.0.2"}],
      "timeline": [
        {"at_ms": 0, "host": "server", "call": "listen", "sock": "l", "port": 80},
        {"at_ms": 10, "host": "client", "call": "connect", "sock": "c", "to": "server", "port": 80},
        {"at_ms": 10, "host": "server", "call": "accept", "sock": "s", "listener": "l",
         "auto_read": false},
        {"at_ms": 20, "host": "client", "call": "send", "sock": "c", "bytes": 1},
        {"at_ms": 30, "host": "server", "call": "recv", "sock": "s", "bytes": 1},
        {"at_ms": 40, "host": "client", "call": "send", "sock": "c", "bytes": 2},
        {"at_ms": 50, "host": "server", "call": "recv", "sock": "s", "bytes": 2}
      ]})";
    const Recording rec = simulate(parseScenario(json, "test"), RunConfig{});
    std::vector<std::string> details;
    for (const auto& a : rec.appEvents) {
        if (a.call == "send" || a.call == "recv")
            details.push_back(a.detail);
    }
    EXPECT_EQ(details,
              (std::vector<std::string>{"1 byte", "read 1 byte", "2 bytes", "read 2 bytes"}));
}

TEST(ScenarioFile, SyntaxErrorHasLineAndColumn) {
    try {
        parseScenario("{\n  \"id\": \"x\",\n  \"title\": oops\n}", "bad.json");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(e.id(), ErrorId::JsonSyntax);
        EXPECT_EQ(e.line(), 3);
        EXPECT_EQ(e.column(), 12);
        EXPECT_EQ(std::string(e.what()).rfind("bad.json:3:12: ", 0), 0u);
    }
}

TEST(ScenarioFile, SemanticErrorsPointAtTheValue) {
    const std::string base = R"({
  "id": "t", "title": "T",
  "hosts": [{"name": "client", "address": "10.0.0.1"}, {"name": "server", "address": "10.0.0.2"}],
  "timeline": [
    {"at_ms": 0, "host": "server", "call": "listen", "sock": "l", "port": 80},
    {"at_ms": 1, "host": "client", "call": "close", "sock": "c"}
  ]
})";
    try {
        parseScenario(base, "s.json");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(e.id(), ErrorId::ScenarioUnknownSocket);
        EXPECT_EQ(e.line(), 6);
    }
    std::string badHost = base;
    badHost.replace(badHost.find("\"host\": \"client\""), 16, "\"host\": \"clint\"");
    EXPECT_EQ(errorOf([&] { parseScenario(badHost, "s.json"); }), ErrorId::ScenarioUnknownHostRef);
    const std::string badOption =
        R"({"id": "t", "title": "T", "options": {"net.ipv4.tcp_tw_reuse": 7},
  "hosts": [{"name": "client", "address": "10.0.0.1"}, {"name": "server", "address": "10.0.0.2"}],
  "timeline": []})";
    try {
        parseScenario(badOption, "o.json");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(e.id(), ErrorId::ValueOutOfRange);
        EXPECT_EQ(e.line(), 1);
        EXPECT_EQ(e.column(), 64);
    }
    EXPECT_EQ(errorOf([] { parseScenario(R"({"id": "t", "title": "T", "colour": 1})", "u.json"); }),
              ErrorId::ScenarioUnknownField);
    EXPECT_EQ(errorOf([] { parseScenario("", "e.json"); }), ErrorId::JsonSyntax);
    EXPECT_EQ(errorOf([] {
                  parseScenario(
                      "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
                      "d.json");
              }),
              ErrorId::JsonSyntax);
    EXPECT_EQ(errorOf([] { builtinScenario("no-such"); }), ErrorId::UnknownScenario);
    EXPECT_EQ(errorOf([] { loadScenario("/nonexistent/x.json"); }), ErrorId::FileUnreadable);
    // A directory is a wrong path, not an empty JSON document.
    EXPECT_EQ(errorOf([] { loadScenario("/"); }), ErrorId::FileUnreadable);
}

namespace {

std::string budgetScenario(const std::string& steps) {
    return R"({"id": "budget", "title": "t", "duration_ms": 86400000,
      "hosts": [{"name": "client", "address": "10.0.0.1"}, {"name": "server", "address": "10.0.0.2"}],
      "timeline": [
        {"at_ms": 0, "host": "server", "call": "listen", "sock": "l", "port": 80},
        )" +
           steps + "]}";
}

}  // namespace

TEST(ScenarioBudget, AGiganticSendStopsWithOneErrorInsteadOfRunningForMinutes) {
    // 2^40 bytes in one send() used to run for minutes and take gigabytes.
    const Scenario sc = parseScenario(budgetScenario(R"(
        {"at_ms": 10, "host": "client", "call": "connect", "sock": "c", "to": "server", "port": 80},
        {"at_ms": 10, "host": "server", "call": "accept", "sock": "s", "listener": "l"},
        {"at_ms": 20, "host": "client", "call": "send", "sock": "c", "bytes": 1099511627776})"),
                                      "big-send.json");
    try {
        simulate(sc, RunConfig{});
        FAIL() << "no error";
    } catch (const InputError& e) {
        EXPECT_EQ(e.id(), ErrorId::ScenarioTooManySegments);
        EXPECT_EQ(e.arg("max"), std::to_string(kMaxScenarioSegments));
        EXPECT_NE(std::string(e.what()).find("20000 segments"), std::string::npos) << e.what();
    }
}

TEST(ScenarioBudget, ThousandsOfRepeatedConnectionsHitTheSameLimit) {
    // 8 segments a connection: 5,000 connections are past the limit, 1,000 (8,000) are not.
    const auto repeated = [](int n) {
        return parseScenario(budgetScenario(R"({"repeat": )" + std::to_string(n) + R"(,
          "at_ms": 10, "every_ms": 1, "steps": [
          {"after_ms": 0, "host": "client", "call": "connect", "sock": "c{i}", "to": "server",
           "port": 80},
          {"after_ms": 0, "host": "server", "call": "accept", "sock": "s{i}", "listener": "l",
           "close_on_eof": true},
          {"after_ms": 5, "host": "client", "call": "send", "sock": "c{i}", "bytes": 10},
          {"after_ms": 10, "host": "client", "call": "close", "sock": "c{i}"}]})"),
                             "repeat.json");
    };
    EXPECT_EQ(errorOf([&] { simulate(repeated(5000), RunConfig{}); }),
              ErrorId::ScenarioTooManySegments);
    const Recording ok = simulate(repeated(1000), RunConfig{});
    EXPECT_GT(ok.segments.size(), 5000u);
    EXPECT_LE(ok.segments.size(), kMaxScenarioSegments);
}

TEST(ScenarioBudget, EveryBuiltinStaysFarBelowTheLimit) {
    for (const auto& b : builtinScenarios()) {
        const Recording rec = simulate(builtinScenario(b.id), RunConfig{});
        EXPECT_LT(rec.segments.size() * 50, kMaxScenarioSegments) << b.id;
    }
}
