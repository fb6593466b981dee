// The rulebook's rules one by one, each pinned to what the kernel function it follows does
// (shared/reference/linux-tcp-close.md has the sources and the measurements).
#include <gtest/gtest.h>

#include "core/tcp/close.h"
#include "core/tcp/input.h"
#include "core/tcp/metrics.h"
#include "core/tcp/minisocks.h"
#include "core/tcp/paws.h"
#include "core/tcp/secure_seq.h"
#include "core/tcp/send_reset.h"
#include "core/tcp/timer.h"
#include "core/tcp/twsk_unique.h"

namespace closelab::core::tcp {
namespace {

constexpr SimTime kT0 = secToUs(100);

TimeWaitSock timeWait(TcpState substate = TcpState::TimeWait) {
    TimeWaitSock tw;
    tw.substate = substate;
    tw.sndNxt = 5000;
    tw.rcvNxt = 9000;
    tw.tsSeen = true;
    tw.ts = TsRecent{700, kT0};
    return tw;
}

SegmentView segment(std::uint8_t flags, std::uint32_t seq, std::uint32_t len = 0,
                    std::uint32_t tsval = 701) {
    return SegmentView{flags, seq, len, true, tsval};
}

const TimeWaitRules kLinux6{KernelProfile::Linux6, false, false, kTcpTimewaitLen};

TEST(TcpTimewaitStateProcess, BareAckInWindowRestartsTheTimerSilently) {
    const TwResult r = tcp_timewait_state_process(timeWait(), kLinux6, segment(kAck, 9000), kT0);
    EXPECT_EQ(r.verdict, TwVerdict::Success);
    EXPECT_EQ(r.rearm, kTcpTimewaitLen);
    EXPECT_TRUE(r.recordTs);
}

TEST(TcpTimewaitStateProcess, RetransmittedFinIsAckedAndRestartsTheTimer) {
    const TwResult r =
        tcp_timewait_state_process(timeWait(), kLinux6, segment(kFin | kAck, 8999), kT0);
    EXPECT_EQ(r.verdict, TwVerdict::AckOow);
    EXPECT_EQ(r.rearm, kTcpTimewaitLen);
}

TEST(TcpTimewaitStateProcess, AcklessOldSynIsAckedWithoutRestart) {
    // exp3b I4: an ACK-less SYN below rcv_nxt (no timestamp) is ACKed, the timer is not re-armed.
    const SegmentView syn{kSyn, 8000, 0, false, 0};
    const TwResult r = tcp_timewait_state_process(timeWait(), kLinux6, syn, kT0);
    EXPECT_EQ(r.verdict, TwVerdict::AckOow);
    EXPECT_EQ(r.rearm, -1);
    // With an older timestamp it fails PAWS instead, which does re-arm.
    EXPECT_EQ(
        tcp_timewait_state_process(timeWait(), kLinux6, segment(kSyn, 8000, 0, 600), kT0).rearm,
        kTcpTimewaitLen);
}

TEST(TcpTimewaitStateProcess, ExactRstKillsUnlessRfc1337) {
    EXPECT_EQ(tcp_timewait_state_process(timeWait(), kLinux6, segment(kRst, 9000), kT0).verdict,
              TwVerdict::Kill);
    TimeWaitRules rfc1337 = kLinux6;
    rfc1337.rfc1337 = true;
    const TwResult r = tcp_timewait_state_process(timeWait(), rfc1337, segment(kRst, 9000), kT0);
    EXPECT_EQ(r.verdict, TwVerdict::Success);
    EXPECT_EQ(r.rearm, -1);  // an RST never restarts the timer (6.x)
    EXPECT_EQ(tcp_timewait_state_process(timeWait(), kLinux6, segment(kRst, 10000), kT0).verdict,
              TwVerdict::Success);  // not at rcv_nxt: ignored
}

TEST(TcpTimewaitStateProcess, NewerSynGoesToTheListenerWithTheTimeWaitIsn) {
    const TwResult r =
        tcp_timewait_state_process(timeWait(), kLinux6, segment(kSyn, 9500, 0, 800), kT0);
    EXPECT_EQ(r.verdict, TwVerdict::Syn);
    EXPECT_EQ(r.isn, 5000u + 65537u);
}

TEST(TcpTimewaitStateProcess, PawsRejectCountsPerProfile) {
    const SegmentView old = segment(kAck, 9000, 10, 600);
    const TwResult r6 = tcp_timewait_state_process(timeWait(), kLinux6, old, kT0 + secToUs(1));
    EXPECT_TRUE(r6.pawsRejected);
    EXPECT_EQ(r6.pawsMib, Mib::PAWSTimewait);
    EXPECT_EQ(r6.verdict, TwVerdict::AckOow);
    EXPECT_EQ(r6.rearm, kTcpTimewaitLen);
    TimeWaitRules v49 = kLinux6;
    v49.profile = KernelProfile::Linux49;
    EXPECT_EQ(tcp_timewait_state_process(timeWait(), v49, old, kT0 + secToUs(1)).pawsMib,
              Mib::PAWSEstab);
}

TEST(TcpTimewaitStateProcess, FinWait2SubstateFollowsTcpRcvStateProcess) {
    const TimeWaitSock fw2 = timeWait(TcpState::FinWait2);
    // In-order FIN: true TIME_WAIT, 60 s, ACK, entry stamp refreshed (6.14+).
    const TwResult fin = tcp_timewait_state_process(fw2, kLinux6, segment(kFin | kAck, 9000), kT0);
    EXPECT_EQ(fin.verdict, TwVerdict::Ack);
    EXPECT_TRUE(fin.enterTimeWait);
    EXPECT_TRUE(fin.refreshEntryStamp);
    EXPECT_EQ(fin.rearm, kTcpTimewaitLen);
    // New data after the half-duplex close: RST.
    EXPECT_EQ(
        tcp_timewait_state_process(fw2, kLinux6, segment(kAck | kPsh, 9000, 100), kT0).verdict,
        TwVerdict::Rst);
    // Any RST in the window kills, not only one at rcv_nxt.
    EXPECT_EQ(tcp_timewait_state_process(fw2, kLinux6, segment(kRst, 9100), kT0).verdict,
              TwVerdict::Kill);
    // A SYN at or after rcv_nxt: RST.
    EXPECT_EQ(tcp_timewait_state_process(fw2, kLinux6, segment(kSyn, 9000), kT0).verdict,
              TwVerdict::Rst);
    // A duplicate ACK is dropped.
    EXPECT_EQ(tcp_timewait_state_process(fw2, kLinux6, segment(kAck, 9000), kT0).verdict,
              TwVerdict::Success);
    // Out of the window: rate-limited ACK.
    EXPECT_EQ(tcp_timewait_state_process(fw2, kLinux6, segment(kAck, 200000), kT0).verdict,
              TwVerdict::AckOow);
}

TEST(TcpTimewaitStateProcess, Linux49RecycledFinWait2ReArmsToTwTimeout) {
    TimeWaitSock fw2 = timeWait(TcpState::FinWait2);
    fw2.twTimeout = msToUs(700);
    const TimeWaitRules v49{KernelProfile::Linux49, false, true, kTcpTimewaitLen};
    EXPECT_EQ(tcp_timewait_state_process(fw2, v49, segment(kFin | kAck, 9000), kT0).rearm,
              msToUs(700));
    // ... but the TIME_WAIT substate re-arms to TCP_TIMEWAIT_LEN even when recycled.
    TimeWaitSock tw = timeWait();
    tw.twTimeout = msToUs(700);
    EXPECT_EQ(tcp_timewait_state_process(tw, v49, segment(kAck, 9000), kT0).rearm, kTcpTimewaitLen);
}

TEST(TcpOowRateLimited, PureAcksAndSynsAreLimitedDataIsNot) {
    const SimTime last = kT0;
    EXPECT_TRUE(tcp_oow_rate_limited(segment(kAck, 1), last, 500, kT0 + msToUs(499)));
    EXPECT_FALSE(tcp_oow_rate_limited(segment(kAck, 1), last, 500, kT0 + msToUs(500)));
    EXPECT_TRUE(tcp_oow_rate_limited(segment(kSyn, 1), last, 500, kT0 + msToUs(1)));
    EXPECT_FALSE(tcp_oow_rate_limited(segment(kFin | kAck, 1), last, 500, kT0 + msToUs(1)));
    EXPECT_FALSE(tcp_oow_rate_limited(segment(kAck, 1), -1, 500, kT0));
}

TEST(TcpTimeWait, OverflowSkipAndTheCounterOfShortTimers) {
    const TimeWaitEntrant tw{TcpState::TimeWait, 0, msToUs(201), true};
    TimeWaitHost h{KernelProfile::Linux6, 0, 10, kTcpTimewaitLen, false};
    TimeWaitDecision d = tcp_time_wait(tw, h);
    EXPECT_EQ(d.kind, TimeWaitKind::Enter);
    EXPECT_EQ(d.timeo, kTcpTimewaitLen);
    EXPECT_EQ(d.counter, Mib::TW);
    h.twCount = 10;
    EXPECT_EQ(tcp_time_wait(tw, h).kind, TimeWaitKind::Overflow);
    h.twCount = 0;
    h.timeWaitLen = 0;
    EXPECT_EQ(tcp_time_wait(tw, h).kind, TimeWaitKind::Skipped);
    h.timeWaitLen = secToUs(3);
    EXPECT_EQ(tcp_time_wait(tw, h).counter, Mib::TWKilled);  // tw_kill: timeo <= 4 s
    // A FIN_WAIT2 mini-socket gets at least 3.5 * RTO.
    const TimeWaitEntrant fw2{TcpState::FinWait2, msToUs(100), msToUs(200), true};
    EXPECT_EQ(tcp_time_wait(fw2, TimeWaitHost{KernelProfile::Linux6, 0, 10, kTcpTimewaitLen, false})
                  .timeo,
              msToUs(700));
}

TEST(TcpTimeWait, Linux49RecycleShortensToThreeAndAHalfRto) {
    const TimeWaitEntrant tw{TcpState::TimeWait, 0, msToUs(201), true};
    const TimeWaitDecision d =
        tcp_time_wait(tw, TimeWaitHost{KernelProfile::Linux49, 0, 10, kTcpTimewaitLen, true});
    EXPECT_TRUE(d.recycled);
    EXPECT_EQ(d.timeo, rto35(msToUs(201)));
    EXPECT_EQ(d.twTimeout, rto35(msToUs(201)));
    EXPECT_EQ(d.counter, Mib::TWKilled);
    const TimeWaitEntrant noTs{TcpState::TimeWait, 0, msToUs(201), false};
    EXPECT_FALSE(
        tcp_time_wait(noTs, TimeWaitHost{KernelProfile::Linux49, 0, 10, kTcpTimewaitLen, true})
            .recycled);
}

TEST(TcpTwskUnique, DelayIsStrictlyAfterInMilliseconds) {
    const TwReuseSock tw{TcpState::TimeWait, true, msToUs(3), msToUs(3)};
    const TwReuseRules r{KernelProfile::Linux6, 1, 1000, false};
    EXPECT_EQ(tcp_twsk_unique(tw, r, false, msToUs(1003) + 999), TwReuse::TooYoung);
    EXPECT_EQ(tcp_twsk_unique(tw, r, false, msToUs(1004)), TwReuse::Reuse);
    EXPECT_EQ(tcp_twsk_reuse_ready(tw, r), msToUs(1004));
}

TEST(TcpTwskUnique, ValuesLoopbackTimestampsAndFinWait2) {
    const TwReuseSock tw{TcpState::TimeWait, true, 0, 0};
    const SimTime late = secToUs(10);
    EXPECT_EQ(tcp_twsk_unique(tw, {KernelProfile::Linux6, 0, 1000, true}, false, late),
              TwReuse::Off);
    EXPECT_EQ(tcp_twsk_unique(tw, {KernelProfile::Linux6, 2, 1000, false}, false, late),
              TwReuse::Off);
    EXPECT_EQ(tcp_twsk_unique(tw, {KernelProfile::Linux6, 2, 1000, true}, false, late),
              TwReuse::Reuse);
    const TwReuseSock noTs{TcpState::TimeWait, false, 0, 0};
    EXPECT_EQ(tcp_twsk_unique(noTs, {KernelProfile::Linux6, 1, 1000, true}, true, late),
              TwReuse::NoTimestamps);
    const TwReuseSock fw2{TcpState::FinWait2, true, 0, 0};
    EXPECT_EQ(tcp_twsk_unique(fw2, {KernelProfile::Linux6, 1, 1000, true}, false, late),
              TwReuse::Off);
    // bind() before connect() (twp == NULL): timestamps are enough, even for FIN_WAIT2.
    EXPECT_EQ(tcp_twsk_unique(fw2, {KernelProfile::Linux6, 0, 1000, false}, true, 0),
              TwReuse::Reuse);
}

TEST(TcpTwskUnique, Linux49CountsTimestampSeconds) {
    const TwReuseSock tw{TcpState::TimeWait, true, secToUs(5), msToUs(5900)};
    const TwReuseRules r{KernelProfile::Linux49, 1, 0, false};
    EXPECT_EQ(tcp_twsk_unique(tw, r, false, msToUs(6999)), TwReuse::TooYoung);
    EXPECT_EQ(tcp_twsk_unique(tw, r, false, secToUs(7)), TwReuse::Reuse);  // 7 - 5 > 1
}

TEST(TcpFinTime, Linger2ClampAnd49Quirk) {
    EXPECT_EQ(tcp_linger2(200, 60, KernelProfile::Linux6), secToUs(120));
    EXPECT_EQ(tcp_linger2(90, 60, KernelProfile::Linux49), 0);  // "use the sysctl"
    EXPECT_EQ(tcp_linger2(30, 60, KernelProfile::Linux49), secToUs(30));
    EXPECT_EQ(tcp_linger2(-1, 60, KernelProfile::Linux6), -1);
    EXPECT_EQ(tcp_fin_time(0, 60, msToUs(200)), secToUs(60));
    EXPECT_EQ(tcp_fin_time(secToUs(5), 60, msToUs(200)), secToUs(5));
    EXPECT_EQ(tcp_fin_time(0, 0, msToUs(200)), msToUs(700));  // at least 3.5 * RTO
}

TEST(TcpOrphanFinWait2, AbortKeepaliveKeepFullMiniSocket) {
    EXPECT_EQ(tcp_orphan_fin_wait2(-1, secToUs(60), true).action, OrphanFinWait2::Abort);
    const auto k = tcp_orphan_fin_wait2(0, secToUs(90), false);
    EXPECT_EQ(k.action, OrphanFinWait2::Keepalive);
    EXPECT_EQ(k.timer, secToUs(30));
    EXPECT_EQ(tcp_keepalive_fin_wait2(secToUs(90)), secToUs(30));  // then 30 s more: 2*(T-60)
    EXPECT_EQ(tcp_orphan_fin_wait2(0, secToUs(60), true).action, OrphanFinWait2::KeepFull);
    EXPECT_EQ(tcp_orphan_fin_wait2(0, secToUs(60), false).action, OrphanFinWait2::MiniSocket);
}

TEST(TcpCloseAction, UnreadDataThenLingerZeroThenTheStateTable) {
    EXPECT_EQ(tcp_close_action({TcpState::Established, true, true, 0}), CloseAction::ResetUnread);
    EXPECT_EQ(tcp_close_action({TcpState::FinWait2, false, true, 0}), CloseAction::Disconnect);
    EXPECT_TRUE(tcp_need_reset(TcpState::FinWait1));
    EXPECT_TRUE(tcp_need_reset(TcpState::FinWait2));
    EXPECT_FALSE(tcp_need_reset(TcpState::LastAck));
    EXPECT_EQ(tcp_close_action({TcpState::CloseWait, false, false, 0}), CloseAction::Fin);
    EXPECT_EQ(tcp_close_state(TcpState::CloseWait), TcpState::LastAck);
    EXPECT_EQ(tcp_close_action({TcpState::SynSent, false, false, 0}), CloseAction::Closed);
    EXPECT_EQ(tcp_close_action({TcpState::FinWait1, false, true, 5}), CloseAction::Orphan);
}

TEST(TcpWriteTimeout, BudgetsOfTheDocumentation) {
    EXPECT_EQ(tcp_model_timeout(8, kTcpRtoMin), msToUs(102'200));    // orphan: 102.2 s
    EXPECT_EQ(tcp_model_timeout(15, kTcpRtoMin), msToUs(924'600));   // tcp_retries2: 924.6 s
    EXPECT_EQ(tcp_model_timeout(6, kTcpTimeoutInit), secToUs(127));  // tcp_syn_retries
    const WriteTimeoutRules r;
    EXPECT_FALSE(tcp_write_timeout({TcpState::FinWait1, true, 8}, r, msToUs(102'199)));
    EXPECT_TRUE(tcp_write_timeout({TcpState::FinWait1, true, 8}, r, msToUs(102'200)));
    // Never before the first retransmission (retransmits_timed_out()).
    WriteTimeoutRules noSynRetries;
    noSynRetries.synRetries = 0;
    EXPECT_FALSE(tcp_write_timeout({TcpState::SynSent, false, 0}, noSynRetries, secToUs(1)));
    EXPECT_TRUE(tcp_write_timeout({TcpState::SynSent, false, 1}, noSynRetries, secToUs(3)));
    EXPECT_TRUE(tcp_write_timeout({TcpState::SynRecv, false, 5}, r, 0));
    EXPECT_TRUE(countsSynRetrans(TcpState::SynRecv));
    EXPECT_EQ(inet_csk_rto_backoff(msToUs(200), 30), kTcpRtoMax);
}

TEST(TcpPaws, WindowWrapZeroAndRst) {
    const TsRecent r{1000, kT0};
    EXPECT_TRUE(tcp_paws_check(r, 999, 1, KernelProfile::Linux6, kT0));
    EXPECT_FALSE(tcp_paws_check(r, 998, 1, KernelProfile::Linux6, kT0));
    EXPECT_TRUE(tcp_paws_check(r, 998, 1, KernelProfile::Linux6, kT0 + secToUs(2147)));
    EXPECT_FALSE(tcp_paws_check(r, 998, 1, KernelProfile::Linux49, kT0 + secToUs(2147)));
    EXPECT_TRUE(tcp_paws_check(TsRecent{0, kT0}, 5, 0, KernelProfile::Linux6, kT0));
    EXPECT_TRUE(tcp_paws_reject(r, 900, true, KernelProfile::Linux6, kT0 + secToUs(59)));
    EXPECT_FALSE(tcp_paws_reject(r, 900, true, KernelProfile::Linux6, kT0 + secToUs(60)));
}

TEST(TcpMetrics, PeerIsProvenAndRememberStamp) {
    const PeerTimestamp p{true, 5000, kT0};
    EXPECT_FALSE(tcp_peer_is_proven(p, true, 4998, kT0 + secToUs(1)));  // older by > 1
    EXPECT_TRUE(tcp_peer_is_proven(p, true, 4999, kT0 + secToUs(1)));
    EXPECT_FALSE(tcp_peer_is_proven(p, false, 0, kT0 + secToUs(1)));  // no timestamp
    EXPECT_TRUE(tcp_peer_is_proven(p, false, 0, kT0 + secToUs(60)));  // cache too old
    EXPECT_TRUE(tcp_remember_stamp(PeerTimestamp{}, 1, kT0, kT0));
    EXPECT_TRUE(tcp_remember_stamp(p, 5001, kT0, kT0));
    EXPECT_FALSE(tcp_remember_stamp(p, 4000, kT0 + secToUs(10), kT0 + secToUs(10)));
    EXPECT_TRUE(tcp_remember_stamp(p, 4000, kT0 + secToUs(61), kT0 + secToUs(61)));
}

TEST(SecureSeq, ClockTicksEvery64NanosecondsAndOffsetsFromFourTen) {
    EXPECT_EQ(secure_tcp_seq(0, secToUs(1)), 15'625'000u);  // 1e9 ns / 64
    EXPECT_TRUE(secure_tcp_ts_off_applies(KernelProfile::Linux6, 1));
    EXPECT_FALSE(secure_tcp_ts_off_applies(KernelProfile::Linux6, 2));
    EXPECT_FALSE(secure_tcp_ts_off_applies(KernelProfile::Linux49, 1));
}

TEST(TcpV4SendReset, AnswersAckWithItsAckAndElseAcksTheSegment) {
    const ResetReply toAck = tcp_v4_send_reset(kAck, 100, 10, 777);
    EXPECT_TRUE(toAck.send);
    EXPECT_EQ(toAck.flags, kRst);
    EXPECT_EQ(toAck.seq, 777u);
    const ResetReply toSyn = tcp_v4_send_reset(kSyn, 100, 0, 0);
    EXPECT_EQ(toSyn.flags, kRst | kAck);
    EXPECT_EQ(toSyn.seq, 0u);
    EXPECT_EQ(toSyn.ack, 101u);
    EXPECT_EQ(tcp_v4_send_reset(kFin | kPsh, 100, 10, 0).ack, 111u);
    EXPECT_FALSE(tcp_v4_send_reset(kRst | kAck, 100, 0, 5).send);
}

TEST(TcpValidateIncoming, OnlyAnExactRstResets) {
    EXPECT_EQ(tcp_validate_rst(1000, 1000, 65535), RstCheck::Reset);
    EXPECT_EQ(tcp_validate_rst(1500, 1000, 65535), RstCheck::ChallengeAck);  // RFC 5961 3.2
    EXPECT_EQ(tcp_validate_rst(999, 1000, 65535), RstCheck::Drop);
    EXPECT_EQ(tcp_validate_rst(1000 + 70000, 1000, 65535), RstCheck::Drop);
    EXPECT_TRUE(tcp_sequence(900, 1000, 1000, 10));  // ends at rcv_nxt: acceptable
    EXPECT_FALSE(tcp_sequence(900, 999, 1000, 10));
}

}  // namespace
}  // namespace closelab::core::tcp
