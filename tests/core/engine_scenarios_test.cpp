// Pins the behaviour of every built-in scenario (times in µs, segments, counters, errno results)
// and the folklore each one corrects.
#include <gtest/gtest.h>

#include <set>

#include "core/error.h"
#include "core/options.h"
#include "core/recording_json.h"
#include "engine_test_util.h"

using namespace closelab::core;
using namespace closelab::test;

TEST(Builtins, AllSixteenParseAndRun) {
    const auto& list = builtinScenarios();
    ASSERT_EQ(list.size(), 16u);
    for (const auto& b : list) {
        const Scenario sc = builtinScenario(b.id);
        EXPECT_EQ(sc.id, b.id);
        EXPECT_FALSE(sc.title.en.empty()) << b.id;
        EXPECT_FALSE(sc.title.zhCN.empty()) << b.id;
        EXPECT_FALSE(sc.lesson.zhCN.empty()) << b.id;
        const Recording rec = simulate(sc, RunConfig{});
        EXPECT_FALSE(rec.transitions.empty()) << b.id;
    }
}

TEST(NormalClose, ClientHoldsTimeWaitForExactlySixtySeconds) {
    const Recording rec = runBuiltin("normal-close");
    const auto tw = entered(rec, "client", TcpState::TimeWait);
    ASSERT_EQ(tw.size(), 1u);
    EXPECT_EQ(tw[0], 41000);
    // TIME_WAIT -> CLOSED by the timer exactly TCP_TIMEWAIT_LEN later.
    const auto closed = entered(rec, "client", TcpState::Closed);
    ASSERT_EQ(closed.size(), 1u);
    EXPECT_EQ(closed[0] - tw[0], 60000000);
    EXPECT_TRUE(entered(rec, "server", TcpState::TimeWait).empty());
    EXPECT_EQ(entered(rec, "server", TcpState::LastAck), std::vector<SimTime>{40500});
    EXPECT_EQ(counter(rec, "client", Mib::TW), 1u);
    EXPECT_EQ(counter(rec, "server", Mib::TW), 0u);
}

TEST(NormalClose, TeardownIsThreeSegmentsWhenThePeerClosesOnEof) {
    const Recording rec = runBuiltin("normal-close");
    std::vector<std::string> seq;
    for (const auto& s : rec.segments) {
        if (s.tUs >= 40000) {
            std::string f;
            for (const auto& n : flagNames(s.flags))
                f += n;
            seq.push_back(s.from + ":" + f);
        }
    }
    EXPECT_EQ(seq, (std::vector<std::string>{"client:FINACK", "server:FINACK", "client:ACK"}));
}

TEST(NormalClose, FinTimeoutDoesNotChangeTimeWait) {
    const Recording rec = runBuiltin("normal-close", {"client.net.ipv4.tcp_fin_timeout=5"});
    const auto tw = entered(rec, "client", TcpState::TimeWait);
    const auto closed = entered(rec, "client", TcpState::Closed);
    ASSERT_EQ(tw.size(), 1u);
    ASSERT_EQ(closed.size(), 1u);
    EXPECT_EQ(closed[0] - tw[0], 60000000);
}

TEST(NormalClose, WhatIfKnobRemovesTimeWait) {
    const Recording rec = runBuiltin("normal-close", {"closelab.time_wait_len_ms=0"});
    EXPECT_EQ(counter(rec, "client", Mib::TW), 0u);
    EXPECT_TRUE(hasNote(rec, NoteId::TimeWaitSkipped));
}

TEST(Rfc793Profile, TimeWaitIsTwiceMsl) {
    RunConfig cfg;
    cfg.kernel = KernelProfile::Rfc793;
    cfg.overrides.push_back(parseOverride("closelab.msl_ms=2000"));
    const Recording rec = simulate(builtinScenario("normal-close"), cfg);
    const auto tw = entered(rec, "client", TcpState::TimeWait);
    const auto closed = entered(rec, "client", TcpState::Closed);
    ASSERT_EQ(closed.size(), 1u);
    EXPECT_EQ(closed[0] - tw[0], 4000000);
}

TEST(Rfc793Profile, NoTailLossProbeOnlyTheRtoRetransmits) {
    // lost-final-ack loses the client's last ACK: linux-6 probes (TLP) before the RTO, the RFC
    // 793 machine waits for the RTO.
    const Recording linux = runBuiltin("lost-final-ack");
    bool linuxProbes = false;
    for (const auto& t : linux.timers)
        linuxProbes = linuxProbes || t.kind == TimerKind::LossProbe;
    ASSERT_TRUE(linuxProbes) << "the scenario no longer shows a TLP on Linux";
    for (const char* id : {"lost-final-ack", "normal-close", "lb-web-db"}) {
        RunConfig cfg;
        cfg.kernel = KernelProfile::Rfc793;
        const Recording rec = simulate(builtinScenario(id), cfg);
        for (const auto& t : rec.timers)
            EXPECT_NE(t.kind, TimerKind::LossProbe) << id;
        for (const auto& c : rec.counters)
            EXPECT_EQ(c.get(Mib::TCPLossProbes), 0u) << id;
        EXPECT_FALSE(hasNote(rec, NoteId::LossProbe)) << id;
    }
}

TEST(Rfc793Profile, ListsOnlyOptionsWithAnRfcMeaning) {
    std::set<std::string> listed;
    for (const auto& spec : optionRegistry()) {
        if (optionInProfile(spec, KernelProfile::Rfc793))
            listed.insert(std::string(spec.name));
    }
    const std::set<std::string> expected = {"net.ipv4.tcp_rfc1337",
                                            "net.ipv4.tcp_retries2",
                                            "net.ipv4.tcp_syn_retries",
                                            "net.ipv4.ip_local_port_range",
                                            "SO_LINGER",
                                            "SO_REUSEADDR",
                                            "SO_REUSEPORT",
                                            "closelab.msl_ms",
                                            "closelab.time_wait_len_ms"};
    EXPECT_EQ(listed, expected);
    // A Linux-only setting says why it is missing.
    try {
        parseOptionValue("net.ipv4.tcp_tw_reuse", "1", KernelProfile::Rfc793);
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        EXPECT_EQ(e.id(), ErrorId::OptionNotInProfile);
        EXPECT_NE(std::string(e.what()).find("Linux setting"), std::string::npos) << e.what();
    }
    // No timestamps on the wire (RFC 7323 came later), so no PAWS either.
    RunConfig cfg;
    cfg.kernel = KernelProfile::Rfc793;
    const Recording rec = simulate(builtinScenario("normal-close"), cfg);
    for (const auto& s : rec.segments)
        EXPECT_FALSE(s.hasTs);
    EXPECT_EQ(rec.options[0].size(), expected.size());
}

TEST(ServerClosesFirst, TimeWaitLandsOnTheServerPort) {
    const Recording rec = runBuiltin("server-closes-first");
    EXPECT_EQ(entered(rec, "server", TcpState::TimeWait), std::vector<SimTime>{32000});
    EXPECT_TRUE(entered(rec, "client", TcpState::TimeWait).empty());
    for (const auto& t : rec.transitions) {
        if (t.host == "server" && t.to == TcpState::TimeWait) {
            EXPECT_EQ(t.local, "10.0.0.2:80");
        }
    }
}

TEST(SimultaneousClose, BothPassClosingAndEndInTimeWait) {
    const Recording rec = runBuiltin("simultaneous-close");
    for (const char* h : {"client", "server"}) {
        EXPECT_EQ(entered(rec, h, TcpState::Closing), std::vector<SimTime>{105000}) << h;
        EXPECT_EQ(entered(rec, h, TcpState::TimeWait), std::vector<SimTime>{110000}) << h;
        EXPECT_TRUE(entered(rec, h, TcpState::FinWait2).empty()) << h;
    }
}

TEST(HalfClose, FinWait2WithoutTimerStillReceivesData) {
    const Recording rec = runBuiltin("half-close");
    EXPECT_TRUE(hasNote(rec, NoteId::FinWait2NoTimer));
    int dataAfterShutdown = 0;
    for (const auto& s : rec.segments) {
        if (s.from == "server" && s.len > 0 && s.tUs > 21000)
            ++dataAfterShutdown;
    }
    EXPECT_EQ(dataAfterShutdown, 3);
    EXPECT_EQ(entered(rec, "client", TcpState::TimeWait), std::vector<SimTime>{401000});
    // The ACK of the client's FIN went out as a delayed ACK (40 ms).
    EXPECT_EQ(entered(rec, "client", TcpState::FinWait2), std::vector<SimTime>{63000});
    EXPECT_EQ(counter(rec, "server", Mib::DelayedACKs), 1u);
}

TEST(LostFinalAck, TimeWaitReAcksAndRestartsItsTimer) {
    const Recording rec = runBuiltin("lost-final-ack");
    int dropped = 0;
    for (const auto& s : rec.segments) {
        if (s.fate == Fate::Dropped)
            ++dropped;
    }
    EXPECT_EQ(dropped, 1);
    EXPECT_TRUE(hasNote(rec, NoteId::TimeWaitReAck));
    // The server's retransmitted FIN (a tail loss probe, 2*SRTT + 200 ms) arrives at 242 ms; the
    // client's TIME_WAIT then lasts 60 s from there.
    const auto closed = entered(rec, "client", TcpState::Closed);
    ASSERT_EQ(closed.size(), 1u);
    EXPECT_EQ(closed[0], 60242000);
    EXPECT_EQ(entered(rec, "server", TcpState::Closed), std::vector<SimTime>{242500});
    EXPECT_EQ(rec.outcome.resets, 0);
}

TEST(LostFinalAck, WithoutTimeWaitTheRetransmittedFinMeetsNoSocket) {
    const Recording rec = runBuiltin("lost-final-ack", {"closelab.time_wait_len_ms=0"});
    EXPECT_TRUE(hasNote(rec, NoteId::RstNoSocket));
    EXPECT_GE(rec.outcome.resets, 1);
}

TEST(LostFinalAckNoTimeWait, StaleLastAckIsResetAndConnectSucceedsOnTheSynRetry) {
    const Recording rec = runBuiltin("lost-final-ack-no-timewait");
    EXPECT_TRUE(hasNote(rec, NoteId::ChallengeAck));
    EXPECT_TRUE(hasNote(rec, NoteId::RstUnacceptableAck));
    const auto connects = appEventsOf(rec, "client", "connect");
    ASSERT_EQ(connects.size(), 2u);
    EXPECT_EQ(connects[1].result, "ok");
    EXPECT_EQ(connects[1].tUs, 1101000);  // after the SYN retransmission 1 s later
    EXPECT_EQ(rec.outcome.resets, 1);
}

TEST(StraySegment, DefaultsDropItByPaws) {
    const Recording rec = runBuiltin("stray-segment");
    EXPECT_EQ(rec.outcome.strayAccepted, 0);
    EXPECT_GE(counter(rec, "server", Mib::PAWSEstab), 1u);
    EXPECT_EQ(counter(rec, "client", Mib::TWRecycled), 1u);
    EXPECT_TRUE(hasNote(rec, NoteId::TimeWaitReusedByBind));
}

TEST(StraySegment, WithoutTimestampsTimeWaitRefusesTheReconnect) {
    const Recording rec = runBuiltin("stray-segment", {"net.ipv4.tcp_timestamps=0"});
    const auto connects = appEventsOf(rec, "client", "connect");
    ASSERT_EQ(connects.size(), 2u);
    EXPECT_EQ(connects[1].result, "EADDRNOTAVAIL");
    EXPECT_EQ(rec.outcome.strayAccepted, 0);
}

TEST(StraySegment, WithoutTimestampsAndTimeWaitTheOldBytesAreAccepted) {
    const Recording rec =
        runBuiltin("stray-segment", {"net.ipv4.tcp_timestamps=0", "closelab.time_wait_len_ms=0"});
    EXPECT_EQ(rec.outcome.strayAccepted, 1);
    EXPECT_TRUE(hasNote(rec, NoteId::StrayAccepted));
}

TEST(CloseWaitLeak, CloseWaitStaysOrphanFinWait2ExpiresHalfClosedStays) {
    const Recording rec = runBuiltin("close-wait-leak");
    EXPECT_EQ(finalCount(rec, "server", TcpState::CloseWait), 2);
    EXPECT_EQ(finalCount(rec, "client", TcpState::FinWait2), 1);  // the shutdown() one
    // The orphan became a timewait-type FIN_WAIT_2 at 141 ms and expired 60 s later.
    bool expired = false;
    for (const auto& t : rec.transitions) {
        if (t.host == "client" && t.from == TcpState::FinWait2 && t.to == TcpState::Closed) {
            EXPECT_EQ(t.tUs, 60141000);
            expired = true;
        }
    }
    EXPECT_TRUE(expired);
}

TEST(CloseWaitLeak, FinTimeoutShortensOnlyTheOrphan) {
    const Recording rec = runBuiltin("close-wait-leak", {"client.net.ipv4.tcp_fin_timeout=10"});
    for (const auto& t : rec.transitions) {
        if (t.host == "client" && t.from == TcpState::FinWait2 && t.to == TcpState::Closed) {
            EXPECT_EQ(t.tUs, 10141000);
        }
    }
    EXPECT_EQ(finalCount(rec, "server", TcpState::CloseWait), 2);
    EXPECT_EQ(finalCount(rec, "client", TcpState::FinWait2), 1);
    EXPECT_EQ(counter(rec, "client", Mib::TW), 1u);  // 10 s > 4 s: counted as TW, not TWKilled
}

TEST(CloseWaitLeak, FinTimeoutAboveSixtySecondsGivesTwiceTheExcess) {
    // tcp_fin_timeout=90: 30 s as a full socket, then 30 s as a mini-socket: 2*(T-60) = 60 s.
    const Recording rec = runBuiltin("close-wait-leak", {"client.net.ipv4.tcp_fin_timeout=90"});
    EXPECT_TRUE(hasNote(rec, NoteId::FinWait2LongTimeout));
    bool expired = false;
    for (const auto& t : rec.transitions) {
        if (t.host == "client" && t.from == TcpState::FinWait2 && t.to == TcpState::Closed) {
            EXPECT_EQ(t.tUs, 141000 + 60000000);
            expired = true;
        }
    }
    EXPECT_TRUE(expired);
}

TEST(CloseWaitLeak, ShortFinTimeoutCountsAsTwKilled) {
    const Recording rec = runBuiltin("close-wait-leak", {"client.net.ipv4.tcp_fin_timeout=3"});
    EXPECT_EQ(counter(rec, "client", Mib::TWKilled), 1u);
}

TEST(LingerZero, RstNoTimeWaitUnsentBytesLostPeerSeesReset) {
    const Recording rec = runBuiltin("linger-zero");
    EXPECT_EQ(counter(rec, "client", Mib::TCPAbortOnData), 1u);
    EXPECT_EQ(counter(rec, "client", Mib::TW), 0u);
    EXPECT_EQ(counter(rec, "server", Mib::TW), 0u);
    EXPECT_EQ(rec.outcome.bytesDiscarded, 200100 - 65535);
    const auto recvs = appEventsOf(rec, "server", "recv");
    ASSERT_EQ(recvs.size(), 2u);
    EXPECT_EQ(recvs[0].result, "ok");
    EXPECT_EQ(recvs[0].detail, "read 65535 bytes");
    EXPECT_EQ(recvs[1].result, "ECONNRESET");
}

// The kernel agreement suite's open disagreement 3 (docs/kernel-agreement.md): an application
// that reads as data arrives is told about an RST at once, not at its next call.
TEST(LingerZero, AutoReadingPeerGetsEconnresetWhenTheRstArrives) {
    const char* json = R"({"id": "auto-read-rst", "title": "t", "duration_ms": 2000,
      "hosts": [{"name": "client", "address": "10.0.0.1"}, {"name": "server", "address": "10.0.0.2"}],
      "link": {"delay_ms": 0.5},
      "options": {"client.SO_LINGER": "1,0"},
      "timeline": [
        {"at_ms": 0, "host": "server", "call": "listen", "sock": "l", "port": 80},
        {"at_ms": 10, "host": "client", "call": "connect", "sock": "c", "to": "server", "port": 80},
        {"at_ms": 10, "host": "server", "call": "accept", "sock": "s", "listener": "l"},
        {"at_ms": 20, "host": "client", "call": "send", "sock": "c", "bytes": 100},
        {"at_ms": 30, "host": "client", "call": "close", "sock": "c"},
        {"at_ms": 40, "host": "server", "call": "send", "sock": "s", "bytes": 10},
        {"at_ms": 50, "host": "server", "call": "recv", "sock": "s", "bytes": 0}
      ]})";
    const Recording rec = simulate(parseScenario(json, "test"), RunConfig{});
    const auto recvs = appEventsOf(rec, "server", "recv");
    ASSERT_EQ(recvs.size(), 2u);
    EXPECT_EQ(recvs[0].result, "ECONNRESET");
    // The RST left the client at 30 ms and arrives half a millisecond later.
    EXPECT_EQ(recvs[0].tUs, 30'500);
    // The error was consumed by that read: the socket is shut down both ways.
    const auto sends = appEventsOf(rec, "server", "send");
    ASSERT_EQ(sends.size(), 1u);
    EXPECT_EQ(sends[0].result, "EPIPE");
    EXPECT_EQ(recvs[1].result, "ok");
    EXPECT_EQ(recvs[1].detail, "EOF");
}

TEST(LingerZero, PlainCloseWithUnreadDataAlsoResets) {
    // The server never read the request: its close() sends RST (TCPAbortOnClose), RFC 2525 2.17.
    const Recording rec = runBuiltin("linger-zero", {"client.SO_LINGER=0,0"});
    EXPECT_EQ(counter(rec, "client", Mib::TCPAbortOnData), 0u);
    EXPECT_EQ(counter(rec, "server", Mib::TCPAbortOnClose), 1u);
}

TEST(ReuseaddrRestart, NewListenerAloneIsNotEnough) {
    const Recording rec = runBuiltin("reuseaddr-restart");
    const auto listens = appEventsOf(rec, "server", "listen");
    ASSERT_EQ(listens.size(), 2u);
    EXPECT_EQ(listens[1].result, "EADDRINUSE");
    EXPECT_TRUE(hasNote(rec, NoteId::BindInUse));
}

TEST(ReuseaddrRestart, SoReuseaddrOnTheOldListenerTooMakesItWork) {
    const Recording rec = runBuiltin("reuseaddr-restart", {"server.SO_REUSEADDR=1"});
    EXPECT_EQ(appEventsOf(rec, "server", "listen")[1].result, "ok");
}

TEST(ReuseaddrRestart, MixingReuseportAndReuseaddrFails) {
    const Recording rec = runBuiltin("reuseaddr-restart", {"server.SO_REUSEPORT=1"});
    // Old listener: REUSEPORT only; new: REUSEPORT (inherited) + REUSEADDR -> both REUSEPORT: ok.
    EXPECT_EQ(appEventsOf(rec, "server", "listen")[1].result, "ok");
}

TEST(TwReuse, ExhaustsEvenPortsFirstThenReusesAfterTheDelay) {
    const Recording rec = runBuiltin("tw-reuse");
    const auto connects = appEventsOf(rec, "client", "connect");
    ASSERT_EQ(connects.size(), 24u);
    for (int i = 0; i < 10; ++i)
        EXPECT_EQ(connects[static_cast<std::size_t>(i)].result, "ok") << i;
    EXPECT_EQ(connects[10].result, "EADDRNOTAVAIL");
    EXPECT_EQ(connects[11].result, "EADDRNOTAVAIL");
    // __inet_hash_connect(): the first five of a 10-port range are the even ports.
    for (int i = 0; i < 5; ++i) {
        const std::string& d = connects[static_cast<std::size_t>(i)].detail;
        const int port = std::stoi(d.substr(d.rfind(':') + 1));
        EXPECT_EQ(port % 2, 0) << d;
    }
    int okAfter = 0;
    for (std::size_t i = 12; i < 24; ++i)
        okAfter += connects[i].result == "ok";
    EXPECT_EQ(okAfter, 10);
    EXPECT_EQ(counter(rec, "client", Mib::TWRecycled), 10u);
}

TEST(TwReuse, DoesNothingWithoutTimestamps) {
    const Recording rec = runBuiltin("tw-reuse", {"net.ipv4.tcp_timestamps=0"});
    const auto connects = appEventsOf(rec, "client", "connect");
    int okAfter = 0;
    for (std::size_t i = 12; i < connects.size(); ++i)
        okAfter += connects[i].result == "ok";
    EXPECT_EQ(okAfter, 0);
    EXPECT_EQ(counter(rec, "client", Mib::TWRecycled), 0u);
    EXPECT_TRUE(hasNote(rec, NoteId::TimeWaitReuseNoTs));
}

TEST(TwReuse, ValueTwoDoesNothingOffLoopback) {
    Scenario sc = builtinScenario("tw-reuse");
    sc.hosts[0].address = "10.0.0.1";
    sc.hosts[1].address = "10.0.0.2";
    const Recording rec = simulate(sc, RunConfig{});
    EXPECT_EQ(counter(rec, "client", Mib::TWRecycled), 0u);
    EXPECT_TRUE(hasNote(rec, NoteId::TimeWaitReuseOff));
}

TEST(TwBucketOverflow, ExtraConnectionsSkipTimeWaitSilently) {
    const Recording rec = runBuiltin("tw-bucket-overflow");
    EXPECT_EQ(finalCount(rec, "client", TcpState::TimeWait), 5);
    EXPECT_EQ(counter(rec, "client", Mib::TCPTimeWaitOverflow), 5u);
    EXPECT_EQ(counter(rec, "client", Mib::OutRsts), 0u);
    EXPECT_EQ(rec.outcome.resets, 0);
}

TEST(PortExhaustion, FailsAfterTheRangeAndWorksAgainSixtySecondsLater) {
    const Recording rec = runBuiltin("port-exhaustion");
    const auto connects = appEventsOf(rec, "lb", "connect");
    ASSERT_EQ(connects.size(), 17u);
    for (std::size_t i = 0; i < 10; ++i)
        EXPECT_EQ(connects[i].result, "ok");
    for (std::size_t i = 10; i < 14; ++i)
        EXPECT_EQ(connects[i].result, "EADDRNOTAVAIL");
    for (std::size_t i = 14; i < 17; ++i) {
        EXPECT_EQ(connects[i].result, "ok");
        EXPECT_GT(connects[i].tUs, 61000000);
    }
}

TEST(PortExhaustion, ASecondDestinationGetsTheSamePortsAgain) {
    Scenario sc = builtinScenario("port-exhaustion");
    // A second web address: the same 10 local ports work again towards it.
    sc.hosts.push_back(HostSpec{"db", "10.0.1.3", "", false, std::nullopt});
    AppCall l = sc.timeline.front();
    l.host = "db";
    sc.timeline.insert(sc.timeline.begin() + 1, l);
    for (int i = 0; i < 10; ++i) {
        AppCall c;
        c.t = msToUs(2000 + 10 * i);
        c.host = "lb";
        c.call = AppCallKind::Connect;
        c.sock = "x" + std::to_string(i);
        c.to = "db";
        c.port = 80;
        sc.timeline.push_back(c);
    }
    const Recording rec = simulate(sc, RunConfig{});
    int ok = 0;
    for (const auto& a : appEventsOf(rec, "lb", "connect")) {
        if (a.sock[0] == 'x' && a.result == "ok")
            ++ok;
    }
    EXPECT_EQ(ok, 10);
}

TEST(NatTwRecycle, SecondClientsSynsAreDroppedForSixtySeconds) {
    const Recording rec = runBuiltin("nat-tw-recycle");
    EXPECT_EQ(rec.kernel, KernelProfile::Linux49);
    EXPECT_EQ(counter(rec, "server", Mib::PAWSPassiveRejected), 6u);
    EXPECT_EQ(rec.outcome.synDropped, 6);
    const auto connects = appEventsOf(rec, "client2", "connect");
    ASSERT_EQ(connects.size(), 1u);
    EXPECT_EQ(connects[0].result, "ok");
    EXPECT_EQ(connects[0].tUs, 64021000);
    EXPECT_TRUE(hasNote(rec, NoteId::TimeWaitRecycleShort));
}

TEST(NatTwRecycle, TheDroppedSynsAreRecordedAsDroppedWithTheirReason) {
    const Recording rec = runBuiltin("nat-tw-recycle");
    int dropped = 0;
    for (const auto& s : rec.segments) {
        if (s.to != "server" || s.flags != kSyn || s.fate != Fate::Dropped)
            continue;
        ++dropped;
        EXPECT_EQ(s.reason, "tw_recycle");
        EXPECT_GT(s.arriveUs, s.tUs);  // it reached the server; its TCP threw it away
    }
    EXPECT_EQ(dropped, rec.outcome.synDropped);
    EXPECT_EQ(dropped, 6);
    // The SYN the server finally accepts is delivered.
    int delivered = 0;
    for (const auto& s : rec.segments)
        delivered += s.to == "server" && s.flags == kSyn && s.fate == Fate::Delivered ? 1 : 0;
    EXPECT_GE(delivered, 1);
    // The JSON says the same.
    const auto j = toJson(rec);
    int jsonDropped = 0;
    for (const auto& s : j["segments"])
        jsonDropped += s["fate"] == "dropped" && s["reason"] == "tw_recycle" ? 1 : 0;
    EXPECT_EQ(jsonDropped, 6);
}

TEST(StraySegment, ThePawsDropIsRecordedOnTheSegment) {
    const Recording rec = runBuiltin("stray-segment");
    int paws = 0;
    for (const auto& s : rec.segments) {
        if (s.fate == Fate::Dropped && s.reason == "paws") {
            ++paws;
            EXPECT_GT(s.len, 0u);
            EXPECT_GE(s.arriveUs, 0);
        }
    }
    EXPECT_EQ(paws, 1);
    EXPECT_EQ(static_cast<std::uint64_t>(paws), counter(rec, "server", Mib::PAWSEstab));
}

TEST(NatTwRecycle, WithoutRecycleTheSecondClientConnectsAtOnce) {
    const Recording rec = runBuiltin("nat-tw-recycle", {"server.net.ipv4.tcp_tw_recycle=0"});
    EXPECT_EQ(appEventsOf(rec, "client2", "connect")[0].tUs, 1021000);
    EXPECT_EQ(rec.outcome.synDropped, 0);
}

TEST(NatTwRecycle, Linux6HasNoTwRecycle) {
    RunConfig cfg;
    cfg.kernel = KernelProfile::Linux6;
    try {
        simulate(builtinScenario("nat-tw-recycle"), cfg);
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        EXPECT_EQ(e.id(), ErrorId::OptionNotInProfile);
        EXPECT_NE(std::string(e.what()).find("4.12"), std::string::npos);
    }
}

TEST(LbWebDb, WhoClosesFirstHoldsEveryTimeWait) {
    const Recording rec = runBuiltin("lb-web-db");
    EXPECT_EQ(finalCount(rec, "web", TcpState::TimeWait), 6);
    EXPECT_EQ(finalCount(rec, "lb", TcpState::TimeWait), 0);
    EXPECT_EQ(finalCount(rec, "db", TcpState::TimeWait), 0);
}

TEST(Recording, SocketsAtReconstructsTheTableAtAnyTime) {
    const Recording rec = runBuiltin("normal-close");
    auto at = [&](SimTime t, std::string_view host) {
        std::vector<TcpState> s;
        for (const auto& r : socketsAt(rec, t)) {
            if (r.host == host)
                s.push_back(r.state);
        }
        return s;
    };
    EXPECT_EQ(at(30000, "client"), std::vector<TcpState>{TcpState::Established});
    EXPECT_EQ(at(30000000, "client"), std::vector<TcpState>{TcpState::TimeWait});
    EXPECT_TRUE(at(61000000, "client").empty());
    EXPECT_EQ(at(40700, "server"), (std::vector<TcpState>{TcpState::Listen, TcpState::LastAck}));
    const Counters c = countersAt(rec, rec.hostIndex("client"), 41000);
    EXPECT_EQ(c.get(Mib::TW), 1u);
    EXPECT_EQ(countersAt(rec, rec.hostIndex("client"), 40999).get(Mib::TW), 0u);
}

TEST(Recording, JsonRoundTripAndDeterminism) {
    const Recording a = runBuiltin("lost-final-ack", {}, 7);
    const Recording b = runBuiltin("lost-final-ack", {}, 7);
    const std::string ja = toJson(a).dump();
    EXPECT_EQ(ja, toJson(b).dump());
    const Recording back = recordingFromJson(nlohmann::json::parse(ja));
    // recordingFromJson() reads a sorted nlohmann::json; compare as JSON values.
    EXPECT_EQ(nlohmann::json::parse(toJson(back).dump()), nlohmann::json::parse(ja));
    EXPECT_FALSE(toText(a).empty());
}

TEST(Recording, NullRecorderKeepsOutcomeAndCounters) {
    RunConfig cfg;
    cfg.recordDetail = false;
    const Recording rec = simulate(builtinScenario("tw-bucket-overflow"), cfg);
    EXPECT_TRUE(rec.segments.empty());
    EXPECT_TRUE(rec.notes.empty());
    EXPECT_EQ(counter(rec, "client", Mib::TCPTimeWaitOverflow), 5u);
    EXPECT_EQ(finalCount(rec, "client", TcpState::TimeWait), 5);
}
