#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/sim_time.h"

namespace closelab::core {

// Every state change, drop, rejection and rule that fired, as a typed id. The engine writes no
// prose: the English templates live in note_catalog.cpp (marked with QT_TRANSLATE_NOOP in context
// "closelab::Notes", "why" texts in "closelab::NoteWhy") and the models layer translates them.
// Ids are stable: new ones are appended, none is renamed.
enum class NoteId : std::uint16_t {
    // Application calls and their results.
    AppCall,                // app.call           {host} {call} {sock} -> {result}
    Listening,              // sock.listen        {host} listens on {local}
    BindInUse,              // bind.in_use        EADDRINUSE with the conflicting owner {owner}
    PortChosen,             // port.chosen        __inet_hash_connect picked {port}
    PortsExhausted,         // port.exhausted     EADDRNOTAVAIL towards {remote}
    ConnectStarted,         // conn.syn_sent      SYN sent
    ConnectionEstablished,  // conn.established
    ConnectRefused,         // conn.refused       RST in reply to SYN -> ECONNREFUSED
    ConnectTimedOut,        // conn.timed_out     SYN retries exhausted -> ETIMEDOUT
    SynRetransmitted,       // conn.syn_retrans
    Accepted,               // conn.accepted      accept() returned {sock}
    // Active close.
    CloseActive,          // close.active       close() in ESTABLISHED -> FIN_WAIT_1, FIN sent
    ShutdownWrite,        // close.shutdown_wr  shutdown(SHUT_WR): FIN, not orphaned
    FinAcked,             // close.fin_acked    FIN_WAIT_1 -> FIN_WAIT_2
    FinWait2Orphan,       // fw2.orphan         orphan FIN_WAIT_2 becomes a timewait-type socket
    FinWait2LongTimeout,  // fw2.long           tcp_fin_timeout > 60 s: full socket for T-60 first
    FinWait2NoTimer,      // fw2.no_timer       not orphaned: FIN_WAIT_2 has no timer
    FinWait2Expired,      // fw2.expired        tcp_fin_timeout ran out (TWKilled)
    FinWait2DataRst,      // fw2.data_rst       data to an orphan FIN_WAIT_2 -> RST
    // Passive close.
    FinReceived,        // close.fin_rcvd     ESTABLISHED -> CLOSE_WAIT, reader gets EOF
    ClosePassive,       // close.passive      close() in CLOSE_WAIT -> LAST_ACK, FIN sent
    LastAckDone,        // close.last_ack     ACK of FIN in LAST_ACK -> CLOSED, never TIME_WAIT
    SimultaneousClose,  // close.simultaneous FIN in FIN_WAIT_1 -> CLOSING
    CloseWaitStays,     // close.close_wait   CLOSE_WAIT has no timer
    // TIME_WAIT.
    TimeWaitEntered,        // tw.enter           {ms}
    TimeWaitExpired,        // tw.expire
    TimeWaitReAck,          // tw.reack           retransmitted FIN re-ACKed, timer restarted
    TimeWaitAckOnly,        // tw.ack             out-of-window segment answered with an ACK
    TimeWaitTimerRestart,   // tw.restart       in-window ACK: silent, timer restarted
    TimeWaitSynAccepted,    // tw.syn_accepted    SYN with higher seq/TS accepted, ISN
                            // tw_snd_nxt+65537
    TimeWaitRstKill,        // tw.rst_kill        tcp_rfc1337=0: RST assassinates TIME_WAIT
    TimeWaitRstIgnored,     // tw.rst_ignored     tcp_rfc1337=1
    TimeWaitOverflow,       // tw.overflow        tcp_max_tw_buckets reached: no TIME_WAIT
    TimeWaitReused,         // tw.reuse           connect() took over a TIME_WAIT (TWRecycled)
    TimeWaitReuseTooYoung,  // tw.reuse_young  younger than tcp_tw_reuse_delay
    TimeWaitReuseNoTs,      // tw.reuse_no_ts     no timestamps seen: no reuse
    TimeWaitReuseOff,       // tw.reuse_off       tcp_tw_reuse is 0 (or 2 and not loopback)
    TimeWaitSkipped,        // tw.skipped         closelab.time_wait_len_ms=0: what-if, no TIME_WAIT
    TimeWaitRecycleShort,   // tw.recycle_short tcp_tw_recycle: TIME_WAIT of 3.5*RTO
    // Retransmission.
    FinRetransmitted,   // rto.fin            {attempt} {rto_ms}
    DataRetransmitted,  // rto.data
    LossProbe,          // rto.tlp
    RetransmitGiveUp,   // rto.give_up        orphan retries exhausted (102.2 s): silent death
    // Resets and aborts.
    RstUnreadData,       // abort.unread       close() with unread data -> RST (TCPAbortOnClose)
    LingerZeroRst,       // abort.linger0      SO_LINGER {1,0} -> RST (TCPAbortOnData)
    LingerWait,          // linger.wait        SO_LINGER {1,N}: close() blocks until FIN is ACKed
    LingerTimeout,       // linger.timeout     close() returned after N s; close goes on
    RstReceived,         // rst.rcvd           connection reset -> ECONNRESET
    RstNoSocket,         // rst.no_socket      segment for no socket -> RST
    ChallengeAck,        // rst.challenge_ack  SYN in a synchronized state (RFC 5961)
    RstUnacceptableAck,  // rst.bad_ack        SYN_SENT got an ACK for something it never sent
    // Timestamps, PAWS, recycle.
    PawsRejected,       // paws.reject        old timestamp: segment dropped
    RecycleSynDropped,  // recycle.syn_drop   per-peer TS cache drops the SYN (PAWSPassiveRejected)
    // Data.
    DataReceived,   // data.rcvd
    StrayAccepted,  // stray.accepted     an old incarnation's segment accepted as data
    StrayDropped,   // stray.dropped      an old incarnation's segment arrived and was dropped
    OutOfWindow,    // seg.out_of_window  dropped, ACK sent
    // Network.
    SegmentLost,            // link.lost          random loss on a link
    SegmentDroppedByFault,  // link.fault_drop scripted fault
    SegmentHeld,            // link.fault_hold    scripted fault delays a segment
    SegmentDuplicated,      // link.dup
    NatTranslated,          // nat.map            NAT maps {private} to {public}
                            // Options.
    OptionEffective,        // opt.effective      an option differs from the profile default
    TimeWaitReusedByBind,   // tw.reuse_bind  bind()+connect() took over a TIME_WAIT
    // Seen in a packet capture (src/capture): what the wire shows, with the likely cause.
    CaptureRstClose,       // capture.rst_close      an RST ends an ESTABLISHED connection
    CaptureDataAfterFin,   // capture.data_after_fin data sent after a FIN was seen
    CaptureFinRetransmit,  // capture.fin_retrans    the same FIN seen again
    CaptureSynOnTimeWait,  // capture.syn_on_tw      SYN on a 4-tuple closed < 60 s ago
    CaptureZeroWindow,     // capture.zero_window    a zero receive window advertised
    CaptureKeepalive,      // capture.keepalive      a keep-alive probe (seq = snd_nxt - 1)
    CaptureSynUnanswered,  // capture.syn_unanswered SYNs that never got a SYN-ACK
    Count
};

inline constexpr std::size_t kNoteCount = static_cast<std::size_t>(NoteId::Count);

struct Note {
    SimTime t = 0;
    NoteId id = NoteId::AppCall;
    // Named arguments, e.g. {"host","client"}, {"state","TIME_WAIT"}, {"ms","60000"}.
    std::vector<std::pair<std::string, std::string>> args;

    // The value of a named argument, or "" if absent.
    std::string_view arg(std::string_view name) const;
};

// Stable key, e.g. "tw.enter". Used in JSON ("id") and by translators as a comment.
std::string_view noteKey(NoteId id);
// nullopt-like: NoteId::Count if the key is unknown.
NoteId noteFromKey(std::string_view key);

// English template with named placeholders: "{host} enters TIME_WAIT for {ms} ms".
const char* noteTemplateEn(NoteId id);
// English "why it happens" text (may have placeholders), context "closelab::NoteWhy".
// Empty string when there is nothing to add.
const char* noteWhyEn(NoteId id);
// The kernel function or RFC section the rule comes from, e.g. "tcp_time_wait()". Not translated.
const char* noteSource(NoteId id);

// Replaces each {name} in a template by the argument of that name; unknown names stay as they are.
// A count's English noun or verb is chosen in the template itself, "{bytes} unread
// {bytes|byte|bytes}", so that English reads "1 unread byte" and "2 unread bytes" without a
// variant sentence per number: {name|one|other} gives `one` when the argument is exactly "1",
// `other` otherwise (0 included, as English says "0 bytes"). Translations without plurals
// (Chinese) simply leave the selector out. One pass: a value is never expanded again.
std::string substituteArgs(std::string_view templ,
                           std::span<const std::pair<std::string, std::string>> args);
// substituteArgs(noteTemplateEn(note.id), note.args).
std::string renderNoteEn(const Note& note);

}  // namespace closelab::core
