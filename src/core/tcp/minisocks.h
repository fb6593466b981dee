#pragma once

#include <algorithm>
#include <cstdint>

#include "core/kernel_profile.h"
#include "core/sim_time.h"
#include "core/tcp/constants.h"
#include "core/tcp/mib.h"
#include "core/tcp/paws.h"
#include "core/tcp/segment_flags.h"
#include "core/tcp_state.h"

// TIME_WAIT and FIN_WAIT_2 mini-sockets: net/ipv4/tcp_minisocks.c.
namespace closelab::core::tcp {

// An arriving segment, as the rules read it.
struct SegmentView {
    std::uint8_t flags = 0;
    std::uint32_t seq = 0;
    std::uint32_t len = 0;
    bool hasTs = false;
    std::uint32_t tsval = 0;
    constexpr std::uint32_t endSeq() const { return seq + seqSpace(flags, len); }
};

// 3.5 * RTO as the kernel writes it: (rto << 2) - (rto >> 1).
constexpr SimTime rto35(SimTime rto) {
    return (rto << 2) - (rto >> 1);
}

// --- tcp_time_wait() -----------------------------------------------------------------------

// The closing full socket, as tcp_time_wait() reads it.
struct TimeWaitEntrant {
    TcpState state = TcpState::TimeWait;  // TCP_TIME_WAIT or TCP_FIN_WAIT2 (the substate)
    SimTime timeo = 0;                    // tcp_fin_time() for FIN_WAIT2, 0 for TIME_WAIT
    SimTime rto = kTcpTimeoutInit;        // icsk_rto
    bool tsSeen = false;                  // rx_opt.ts_recent_stamp != 0
};

struct TimeWaitHost {
    KernelProfile profile = KernelProfile::Linux6;
    std::int64_t twCount = 0;               // timewait sockets alive (TIME_WAIT and FIN_WAIT_2)
    std::int64_t maxTwBuckets = 0;          // net.ipv4.tcp_max_tw_buckets
    SimTime timeWaitLen = kTcpTimewaitLen;  // TCP_TIMEWAIT_LEN, 2*MSL (rfc793) or the what-if
    bool twRecycle = false;                 // net.ipv4.tcp_tw_recycle (linux-4.9)
};

enum class TimeWaitKind : std::uint8_t {
    Enter,     // a mini-socket replaces the full socket
    Overflow,  // inet_twsk_alloc() failed: tcp_done(), TCPTimeWaitOverflow, no RST
    Skipped,   // closelab.time_wait_len_ms=0 (what-if): no mini-socket, nothing counted
};

struct TimeWaitDecision {
    TimeWaitKind kind = TimeWaitKind::Enter;
    SimTime timeo = 0;      // the mini-socket's timer
    SimTime twTimeout = 0;  // tw_timeout for later re-arms (4.9 recycle: 3.5*RTO), else 0
    bool recycled = false;  // 4.9: recycle_ok (tcp_remember_stamp() was called)
    Mib counter = Mib::TW;  // __inet_twsk_schedule(): TWKilled when timeo <= 4 s
};

// tcp_time_wait(): whether the closing socket becomes a timewait mini-socket, for how long, and
// (linux-4.9 tcp_tw_recycle) whether the peer's timestamp is remembered and the TIME_WAIT
// shortened to 3.5*RTO.
constexpr TimeWaitDecision tcp_time_wait(const TimeWaitEntrant& s, const TimeWaitHost& h) {
    TimeWaitDecision d;
    if (s.state == TcpState::TimeWait && h.timeWaitLen == 0) {
        d.kind = TimeWaitKind::Skipped;
        return d;
    }
    if (h.twCount >= h.maxTwBuckets) {  // inet_twsk_alloc()
        d.kind = TimeWaitKind::Overflow;
        return d;
    }
    const SimTime rto = rto35(s.rto);
    d.recycled = h.profile == KernelProfile::Linux49 && h.twRecycle && s.tsSeen;
    SimTime timeo = std::max(s.timeo, rto);
    if (d.recycled) {
        d.twTimeout = rto;
    } else if (s.state == TcpState::TimeWait) {
        timeo = h.timeWaitLen;
    }
    d.timeo = timeo;
    d.counter = timeo <= kTwKillThreshold ? Mib::TWKilled : Mib::TW;
    return d;
}

// --- tcp_timewait_state_process() ----------------------------------------------------------

// A tcp_timewait_sock, as tcp_timewait_state_process() reads it.
struct TimeWaitSock {
    TcpState substate = TcpState::TimeWait;  // tw_substate: TimeWait or FinWait2
    std::uint32_t sndNxt = 0;                // tw_snd_nxt
    std::uint32_t rcvNxt = 0;                // tw_rcv_nxt
    std::uint32_t rcvWnd = 65535;            // tw_rcv_wnd
    bool tsSeen = false;                     // tw_ts_recent_stamp != 0
    TsRecent ts;                             // tw_ts_recent, tw_ts_recent_stamp
    SimTime twTimeout = 0;                   // tw_timeout when recycled (4.9), else 0
};

struct TimeWaitRules {
    KernelProfile profile = KernelProfile::Linux6;
    bool rfc1337 = false;                   // net.ipv4.tcp_rfc1337
    bool twRecycle = false;                 // net.ipv4.tcp_tw_recycle (linux-4.9)
    SimTime timeWaitLen = kTcpTimewaitLen;  // the re-arm length (TCP_TIMEWAIT_LEN, 2*MSL, what-if)
};

// The kernel's TCP_TW_* return values; Kill is TCP_TW_SUCCESS after inet_twsk_deschedule_put().
enum class TwVerdict : std::uint8_t {
    Success,  // TCP_TW_SUCCESS: drop the segment
    Ack,      // TCP_TW_ACK: answer with seq = tw_snd_nxt, ack = tw_rcv_nxt
    AckOow,   // TCP_TW_ACK_OOW: the same ACK through tcp_timewait_check_oow_rate_limit()
    Rst,      // TCP_TW_RST: answer with RST, the mini-socket goes
    Syn,      // TCP_TW_SYN: a new connection; a listener takes it with ISN `isn`, else ACK
    Kill,     // the mini-socket goes silently (RST in window; TIME_WAIT assassination)
};

struct TwResult {
    TwVerdict verdict = TwVerdict::Success;
    SimTime rearm = -1;              // inet_twsk_reschedule(): the new timer length, -1 = unchanged
    bool recordTs = false;           // tw_ts_recent = tsval, tw_ts_recent_stamp = now
    bool enterTimeWait = false;      // FIN_WAIT2 substate -> TIME_WAIT, tw_rcv_nxt = end_seq
    bool refreshEntryStamp = false;  // tw_entry_stamp = now (6.14+, with a timestamp)
    bool pawsFailed = false;         // the segment failed PAWS (tcp_paws_reject())
    bool pawsRejected = false;       // count `pawsMib` (TIME_WAIT substate)
    Mib pawsMib = Mib::PAWSTimewait;
    std::uint32_t isn = 0;  // TCP_TW_SYN: tw_snd_nxt + 65535 + 2 (0 -> 1)
};

// tcp_in_window(): the segment overlaps [s_win, e_win].
constexpr bool tcp_in_window(std::uint32_t seq, std::uint32_t endSeq, std::uint32_t sWin,
                             std::uint32_t eWin) {
    if (seq == sWin)
        return true;
    if (after(endSeq, sWin) && before(seq, eWin))
        return true;
    return seq == eWin && seq == endSeq;
}

// tcp_timewait_state_process(), both substates (6.18; 4.9 where it differs: the PAWS counter and
// the recycle re-arm of the FIN_WAIT2 -> TIME_WAIT step).
constexpr TwResult tcp_timewait_state_process(const TimeWaitSock& tw, const TimeWaitRules& r,
                                              const SegmentView& seg, SimTime now) {
    TwResult out;
    const bool rst = (seg.flags & kRst) != 0;
    const bool syn = (seg.flags & kSyn) != 0;
    const bool ack = (seg.flags & kAck) != 0;
    const bool fin = (seg.flags & kFin) != 0;
    const std::uint32_t endSeq = seg.endSeq();
    // Timestamps are parsed only when the mini-socket saw them (tw_ts_recent_stamp != 0).
    const bool sawTs = tw.tsSeen && seg.hasTs;
    const bool pawsReject = sawTs && tcp_paws_reject(tw.ts, seg.tsval, rst, r.profile, now);
    out.pawsMib = r.profile == KernelProfile::Linux49 ? Mib::PAWSEstab : Mib::PAWSTimewait;
    out.pawsFailed = pawsReject;

    if (tw.substate == TcpState::FinWait2) {
        // "Just repeat all the checks of tcp_rcv_state_process()".
        if (pawsReject || !tcp_in_window(seg.seq, endSeq, tw.rcvNxt, tw.rcvNxt + tw.rcvWnd)) {
            out.verdict = TwVerdict::AckOow;
            return out;
        }
        if (rst) {
            out.verdict = TwVerdict::Kill;
            return out;
        }
        if (syn && !before(seg.seq, tw.rcvNxt)) {
            out.verdict = TwVerdict::Rst;
            return out;
        }
        if (!ack || !after(endSeq, tw.rcvNxt) || endSeq == seg.seq)
            return out;  // duplicate ACK
        if (!fin || endSeq != tw.rcvNxt + 1) {
            out.verdict = TwVerdict::Rst;  // new data after a half-duplex close
            return out;
        }
        // FIN arrived: enter true TIME_WAIT.
        out.enterTimeWait = true;
        out.recordTs = sawTs;
        out.refreshEntryStamp = sawTs && r.profile != KernelProfile::Linux49;
        out.rearm =
            r.profile == KernelProfile::Linux49 && r.twRecycle && tw.tsSeen && tw.twTimeout > 0
                ? tw.twTimeout
                : r.timeWaitLen;
        out.verdict = TwVerdict::Ack;
        return out;
    }

    // Substate TIME_WAIT.
    if (!pawsReject && seg.seq == tw.rcvNxt && (seg.seq == endSeq || rst)) {
        // In window: a bare ACK or an RST.
        if (rst) {
            if (!r.rfc1337) {
                out.verdict = TwVerdict::Kill;  // TIME_WAIT assassination (RFC 1337)
                return out;
            }
        } else {
            out.rearm = r.timeWaitLen;
        }
        out.recordTs = sawTs;
        return out;
    }
    // RFC 1122 4.2.2.13: a SYN with a higher sequence number or a newer timestamp.
    if (syn && !rst && !ack && !pawsReject &&
        (after(seg.seq, tw.rcvNxt) ||
         (sawTs && static_cast<std::int32_t>(tw.ts.tsRecent - seg.tsval) < 0))) {
        std::uint32_t isn = tw.sndNxt + kTwIsnGap;
        if (isn == 0)
            isn = 1;
        out.isn = isn;
        out.verdict = TwVerdict::Syn;
        return out;
    }
    out.pawsRejected = pawsReject;
    if (!rst) {
        // "If it is ACKless SYN it may be both old duplicate and new good SYN with random
        // sequence number <rcv_nxt. Do not reschedule in the last case."
        if (pawsReject || ack)
            out.rearm = r.timeWaitLen;
        out.verdict = TwVerdict::AckOow;
    }
    return out;
}

// tcp_oow_rate_limited() for a timewait socket: at most one out-of-window ACK per
// tcp_invalid_ratelimit; data segments without SYN are never limited (not part of an ACK loop).
// `lastOowAck` is tw_last_oow_ack_time (-1 = none); true: skip this ACK.
constexpr bool tcp_oow_rate_limited(const SegmentView& seg, SimTime lastOowAck,
                                    std::uint32_t invalidRatelimitMs, SimTime now) {
    if (seg.endSeq() != seg.seq && (seg.flags & kSyn) == 0)
        return false;
    return lastOowAck >= 0 && now - lastOowAck >= 0 &&
           now - lastOowAck < msToUs(invalidRatelimitMs);
}

}  // namespace closelab::core::tcp
