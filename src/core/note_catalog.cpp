// English note templates. lupdate reads the QT_TRANSLATE_NOOP markers; core itself has no Qt, so
// the macro is defined away here and the literals stay plain strings.
#include <array>
#include <optional>
#include <string_view>

#include "core/note.h"
#include "core/note_catalog.h"

#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace closelab::core {

namespace {

struct NoteInfo {
    std::string_view key;
    const char* text;
    const char* why;
    const char* source;
};

// Order = NoteId order.
const std::array<NoteInfo, kNoteCount> kNotes = {{
    {"app.call", QT_TRANSLATE_NOOP("closelab::Notes", "{host}: {call}({sock}) returned {result}"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "The application's system call and what the kernel answered."),
     "syscall"},
    {"sock.listen", QT_TRANSLATE_NOOP("closelab::Notes", "{host} listens on {local}"),
     QT_TRANSLATE_NOOP(
         "closelab::NoteWhy",
         "bind() found no conflicting owner of the port, listen() made it a listener."),
     "inet_csk_get_port()"},
    {"bind.in_use",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: bind to port {port} fails with EADDRINUSE: a {state} socket "
                       "holds it (old SO_REUSEADDR={old_reuseaddr}, SO_REUSEPORT={old_reuseport}; "
                       "new SO_REUSEADDR={new_reuseaddr}, SO_REUSEPORT={new_reuseport})"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "A port may be shared only if BOTH sockets set SO_REUSEADDR (and the old "
                       "one is not listening), or BOTH set SO_REUSEPORT. TIME_WAIT and accepted "
                       "sockets inherit the flags of the listener that created them, so the old "
                       "server must have set the option too."),
     "inet_bind_conflict()"},
    {"port.chosen",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: connect() picks local port {port} towards {remote} "
                       "(candidates tried: {probes})"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "Linux scans the ephemeral range with step 2: first the ports with the "
                       "parity of the range start, then the others. A port is usable if the whole "
                       "4-tuple is unused, so the same port can serve many destinations."),
     "__inet_hash_connect()"},
    {"port.exhausted",
     QT_TRANSLATE_NOOP(
         "closelab::Notes",
         "{host}: connect() to {remote} fails with EADDRNOTAVAIL: every port of {range} "
         "({ports} in all) is in use towards it ({time_wait} in TIME_WAIT)"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "Every local port already has a socket towards this destination. A "
                       "TIME_WAIT is only taken over if tcp_tw_reuse allows it, timestamps were "
                       "seen, and it is older than tcp_tw_reuse_delay."),
     "__inet_hash_connect()"},
    {"conn.syn_sent",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: connect() from {local} to {remote}: SYN sent, "
                       "ISN {isn}"),
     "", "tcp_v4_connect()"},
    {"conn.established",
     QT_TRANSLATE_NOOP("closelab::Notes", "{host}: {local} <-> {remote} is ESTABLISHED"), "",
     "tcp_rcv_synsent_state_process()"},
    {"conn.refused",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: the SYN to {remote} was answered with RST: ECONNREFUSED"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy", "Nothing listens on that port any more."),
     "tcp_reset()"},
    {"conn.timed_out",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: connect() to {remote} gives up after {tries} {tries|SYN|SYNs}: "
                       "ETIMEDOUT"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "Every SYN was dropped silently, so the client only sees a timeout."),
     "tcp_write_timeout()"},
    {"conn.syn_retrans",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: SYN to {remote} retransmitted (try {attempt}, "
                       "next wait {rto_ms} ms)"),
     "", "tcp_retransmit_timer()"},
    {"conn.accepted",
     QT_TRANSLATE_NOOP("closelab::Notes", "{host}: accept() returns {sock} ({remote})"), "",
     "inet_csk_accept()"},
    {"close.active",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: close() in {from}: FIN sent, now FIN_WAIT_1 (orphaned)"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "The side that closes first is the one that will hold TIME_WAIT. Linux "
                       "changes the state at once, even if the FIN still waits behind data."),
     "tcp_close_state()"},
    {"close.shutdown_wr",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: shutdown(SHUT_WR): FIN sent, {from} -> {to}; the socket can still "
                       "read"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "A half-close: this side will send no more data, the other side may go on "
                       "sending. The socket is not orphaned, so no FIN_WAIT_2 timer applies."),
     "tcp_shutdown()"},
    {"close.fin_acked",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: our FIN is acknowledged: FIN_WAIT_1 -> FIN_WAIT_2"),
     "", "tcp_rcv_state_process()"},
    {"fw2.orphan",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: orphaned FIN_WAIT_2 becomes a timewait-type socket for {ms} ms "
                       "(tcp_fin_timeout)"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "The application has closed, so nobody could read more data: Linux frees "
                       "the full socket and keeps a small one that ss still shows as FIN-WAIT-2. "
                       "tcp_fin_timeout is its lifetime; it does not change TIME_WAIT."),
     "tcp_time_wait(TCP_FIN_WAIT2)"},
    {"fw2.long",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: fin timeout {fin_ms} ms is over 60 s: the full FIN_WAIT_2 socket "
                       "stays {ms} ms, then a mini-socket stays as long again"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "With a timeout T above 60 s the orphan lives 2*(T-60) s in total, not T."),
     "tcp_keepalive_timer()"},
    {"fw2.no_timer",
     QT_TRANSLATE_NOOP(
         "closelab::Notes",
         "{host}: FIN_WAIT_2 without a timer: the application still holds the socket"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "tcp_fin_timeout applies only to orphans; after shutdown() FIN_WAIT_2 can "
                       "last forever."),
     "tcp_rcv_state_process()"},
    {"fw2.expired",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: orphaned FIN_WAIT_2 {local} <-> {remote} expires"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "The peer never sent its FIN in time. The peer's CLOSE_WAIT is unaffected."),
     "tw_timer_handler()"},
    {"fw2.data_rst",
     QT_TRANSLATE_NOOP(
         "closelab::Notes",
         "{host}: data arrives for a socket its application closed ({state}): answered with RST"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy", "The application closed; nobody can read this data."),
     "tcp_timewait_state_process()"},
    {"close.fin_rcvd",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: FIN received: {from} -> {to}; the reader will see EOF"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "The peer has closed its direction. This side stays in CLOSE_WAIT until "
                       "its application calls close()."),
     "tcp_fin()"},
    {"close.passive",
     QT_TRANSLATE_NOOP("closelab::Notes", "{host}: close() in CLOSE_WAIT: FIN sent, now LAST_ACK"),
     "", "tcp_close_state()"},
    {"close.last_ack",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: ACK of our FIN in LAST_ACK: the socket is gone (no TIME_WAIT)"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy", "The passive closer never enters TIME_WAIT."),
     "tcp_rcv_state_process() TCP_LAST_ACK"},
    {"close.simultaneous",
     QT_TRANSLATE_NOOP(
         "closelab::Notes",
         "{host}: FIN received while our FIN is unacknowledged: FIN_WAIT_1 -> CLOSING"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "Both sides closed at once; both will pass CLOSING and end in TIME_WAIT."),
     "tcp_fin()"},
    {"close.close_wait",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: {local} <-> {remote} is still in CLOSE_WAIT ({ms} ms so far)"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "No timer ends CLOSE_WAIT: only the application's close() does. Many "
                       "CLOSE_WAIT sockets mean a program that forgets to close."),
     "tcp_fin()"},
    {"tw.enter",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: {local} <-> {remote} enters TIME_WAIT for {ms} ms"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "TIME_WAIT keeps the 4-tuple so that a lost final ACK can be repeated and "
                       "old segments cannot reach a new connection. On Linux it lasts 60 s "
                       "(TCP_TIMEWAIT_LEN), whatever tcp_fin_timeout says."),
     "tcp_time_wait()"},
    {"tw.expire",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: TIME_WAIT {local} <-> {remote} ends after {ms} ms"),
     "", "tw_timer_handler()"},
    {"tw.reack",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: retransmitted FIN in TIME_WAIT: ACK sent again, timer restarted to "
                       "{ms} ms"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "This is what TIME_WAIT is for: the peer did not get our last ACK."),
     "tcp_timewait_state_process()"},
    {"tw.ack",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: out-of-window segment in TIME_WAIT answered with an ACK"),
     "", "tcp_timewait_state_process()"},
    {"tw.restart",
     QT_TRANSLATE_NOOP("closelab::Notes", "{host}: in-window ACK in TIME_WAIT: timer restarted"),
     "", "tcp_timewait_state_process()"},
    {"tw.syn_accepted",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: SYN from {remote} takes over the TIME_WAIT {local} <-> {remote}; "
                       "new ISN {isn} = old snd_nxt + 65537"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "RFC 1122 4.2.2.13: a new SYN may reopen a TIME_WAIT if its sequence "
                       "number (or timestamp) is newer. This is why server-side TIME_WAIT rarely "
                       "blocks clients."),
     "tcp_timewait_state_process() TCP_TW_SYN"},
    {"tw.rst_kill",
     QT_TRANSLATE_NOOP(
         "closelab::Notes",
         "{host}: RST in TIME_WAIT kills it (tcp_rfc1337=0, TIME_WAIT assassination)"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "RFC 1337 describes this hazard; tcp_rfc1337=1 makes Linux ignore the RST."),
     "tcp_timewait_state_process()"},
    {"tw.rst_ignored",
     QT_TRANSLATE_NOOP("closelab::Notes", "{host}: RST in TIME_WAIT ignored (tcp_rfc1337=1)"), "",
     "tcp_timewait_state_process()"},
    {"tw.overflow",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: {max} timewait {max|socket exists|sockets exist} "
                       "(tcp_max_tw_buckets): {local} <-> {remote} skips {state} silently"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "No log line, no RST: the socket just vanishes and TCPTimeWaitOverflow "
                       "counts it. The protection of TIME_WAIT is lost for this connection."),
     "inet_twsk_alloc()"},
    {"tw.reuse",
     QT_TRANSLATE_NOOP(
         "closelab::Notes",
         "{host}: connect() takes over TIME_WAIT {local} <-> {remote} (age {age_ms} ms "
         ">= tcp_tw_reuse_delay {delay_ms} ms); new ISN {isn}"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "tcp_tw_reuse lets an outgoing connection reuse a TIME_WAIT whose "
                       "timestamps let PAWS tell old segments from new ones."),
     "tcp_twsk_unique()"},
    {"tw.reuse_young",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: TIME_WAIT {local} <-> {remote} is only {age_ms} ms old "
                       "(tcp_tw_reuse_delay {delay_ms} ms): not reused"),
     "", "tcp_twsk_unique()"},
    {"tw.reuse_no_ts",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: TIME_WAIT {local} <-> {remote} saw no timestamps: tcp_tw_reuse "
                       "cannot take it over"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "Without timestamps PAWS cannot protect the new connection, so Linux never "
                       "reuses such a TIME_WAIT."),
     "tcp_twsk_unique()"},
    {"tw.reuse_off",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: tcp_tw_reuse={value} does not allow reusing TIME_WAIT towards "
                       "{remote}"),
     "", "tcp_twsk_unique()"},
    {"tw.skipped",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: closelab.time_wait_len_ms=0 (what-if, not a kernel setting): "
                       "{local} <-> {remote} closes without TIME_WAIT"),
     "", "closelab"},
    {"tw.recycle_short",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: tcp_tw_recycle: TIME_WAIT lasts only {ms} ms (3.5 x RTO) and the "
                       "peer's timestamp {ts} is remembered for {peer}"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "Linux 4.11 and older: a per-peer timestamp cache replaced the 60 s wait. "
                       "It assumes one clock per IP address, which NAT breaks."),
     "tcp_time_wait(), tcp_remember_stamp()"},
    {"rto.fin",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: FIN retransmitted (retry {attempt}, RTO {rto_ms} ms)"),
     "", "tcp_retransmit_timer()"},
    {"rto.data",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: data retransmitted (retry {attempt}, RTO {rto_ms} ms)"),
     "", "tcp_retransmit_timer()"},
    {"rto.tlp",
     QT_TRANSLATE_NOOP("closelab::Notes", "{host}: tail loss probe resends the last segment"), "",
     "tcp_send_loss_probe()"},
    {"rto.give_up",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: gives up after {ms} ms of retransmissions ({retries} "
                       "{retries|retry|retries}): socket destroyed, no RST"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "An orphan gets tcp_orphan_retries (0 means 8): a budget of 102.2 s."),
     "tcp_write_timeout()"},
    {"abort.unread",
     QT_TRANSLATE_NOOP(
         "closelab::Notes",
         "{host}: close() with {bytes} unread {bytes|byte|bytes}: RST instead of FIN, "
         "no TIME_WAIT"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "RFC 2525 2.17: data would be lost silently, so the peer is told with RST."),
     "__tcp_close()"},
    {"abort.linger0",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: SO_LINGER {1,0}: close() sends RST, discards {bytes} "
                       "{bytes|byte|bytes}, no TIME_WAIT"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "An abortive close: quick and leaves no TIME_WAIT, but the peer sees "
                       "ECONNRESET and data in flight is lost."),
     "tcp_disconnect()"},
    {"linger.wait",
     QT_TRANSLATE_NOOP(
         "closelab::Notes",
         "{host}: SO_LINGER {1,{secs}}: close() blocks until the FIN is acknowledged"),
     "", "sk_stream_wait_close()"},
    {"linger.timeout",
     QT_TRANSLATE_NOOP(
         "closelab::Notes",
         "{host}: close() returns after {ms} ms; the close goes on in the background"),
     "", "sk_stream_wait_close()"},
    {"rst.rcvd",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: RST received in {from}: connection reset, the application will see "
                       "ECONNRESET"),
     "", "tcp_reset()"},
    {"rst.no_socket",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: segment for {local} <-> {remote} matches no socket: RST sent"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "The connection is already gone on this side (expired, reset or never "
                       "existed)."),
     "tcp_v4_send_reset()"},
    {"rst.challenge_ack",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: SYN in {state}: answered with a challenge ACK (RFC 5961)"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "Linux does not reset a synchronized connection on a SYN; the peer's "
                       "answer to the challenge ACK (an RST) ends the stale connection."),
     "tcp_validate_incoming()"},
    {"rst.bad_ack",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: in SYN_SENT an ACK for data never sent arrives: RST sent"),
     "", "tcp_rcv_synsent_state_process()"},
    {"paws.reject",
     QT_TRANSLATE_NOOP(
         "closelab::Notes",
         "{host}: PAWS drops a segment with old timestamp {tsval} (last seen {ts_recent})"),
     QT_TRANSLATE_NOOP(
         "closelab::NoteWhy",
         "RFC 7323: a timestamp older than the last one seen marks an old duplicate."),
     "tcp_paws_discard()"},
    {"recycle.syn_drop",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: tcp_tw_recycle drops the SYN from {remote}: timestamp {tsval} is "
                       "older than {cached} remembered for that address (PAWSPassiveRejected)"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "Behind a NAT several hosts with different clocks share one address; the "
                       "per-address timestamp cache takes the slower clock for old duplicates."),
     "tcp_conn_request(), tcp_peer_is_proven()"},
    {"data.rcvd",
     QT_TRANSLATE_NOOP("closelab::Notes", "{host}: {bytes} {bytes|byte|bytes} received on {sock}"),
     "", "tcp_data_queue()"},
    {"stray.accepted",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: a {bytes}-byte segment of an OLD connection (#{old}) is accepted "
                       "as data of connection #{new}: corrupted stream"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "Same 4-tuple, sequence number inside the new window, no timestamps to "
                       "tell it apart and no TIME_WAIT that kept the tuple busy."),
     "tcp_sequence(), tcp_data_queue()"},
    {"stray.dropped",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: a segment of the old connection #{old} arrives and is dropped"),
     "", "tcp_validate_incoming()"},
    {"seg.out_of_window",
     QT_TRANSLATE_NOOP(
         "closelab::Notes",
         "{host}: segment seq {seq} is outside the receive window: dropped, ACK sent"),
     "", "tcp_sequence()"},
    {"link.lost", QT_TRANSLATE_NOOP("closelab::Notes", "link {from}->{to}: segment lost"), "",
     "closelab link"},
    {"link.fault_drop",
     QT_TRANSLATE_NOOP("closelab::Notes", "link {from}->{to}: the scripted fault drops {flags}"),
     "", "closelab fault"},
    {"link.fault_hold",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "link {from}->{to}: the scripted fault holds {flags} for {ms} ms"),
     "", "closelab fault"},
    {"link.dup", QT_TRANSLATE_NOOP("closelab::Notes", "link {from}->{to}: segment duplicated"), "",
     "closelab link"},
    {"nat.map", QT_TRANSLATE_NOOP("closelab::Notes", "{host}: NAT maps {private} to {public}"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "The NAT rewrites addresses and ports but not TCP timestamps: each host "
                       "behind it keeps its own clock."),
     "nf_nat"},
    {"opt.effective",
     QT_TRANSLATE_NOOP("closelab::Notes", "{host}: {name} = {value} (default {default})"), "",
     "sysctl"},
    {"tw.reuse_bind",
     QT_TRANSLATE_NOOP(
         "closelab::Notes",
         "{host}: bind() to port {port} before connect() takes over TIME_WAIT {local} "
         "<-> {remote} at once (age {age_ms} ms); new ISN {isn}"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "With the local port fixed by bind(), Linux reuses a TIME_WAIT whenever it "
                       "saw timestamps, whatever tcp_tw_reuse and tcp_tw_reuse_delay say; PAWS is "
                       "the only protection left."),
     "__inet_check_established(), tcp_twsk_unique(twp = NULL)"},
    {"capture.rst_close",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host} ends the connection with an RST instead of a FIN, in {state}"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "Linux sends an RST on close() when the socket has SO_LINGER {1,0} or "
                       "unread data in its receive queue; the peer sees ECONNRESET and no side "
                       "enters TIME_WAIT."),
     "tcp_close(), tcp_disconnect()"},
    {"capture.data_after_fin",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host} sends {bytes} {bytes|byte|bytes} after the FIN of {fin_host}"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "A FIN closes only one direction. If the side that sent it called close() "
                       "rather than shutdown(SHUT_WR), nobody can read the data and it answers "
                       "with an RST."),
     "tcp_rcv_state_process()"},
    {"capture.fin_retrans",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host} sends its FIN again (retransmission {attempt}): the ACK of {peer} "
                       "did not arrive"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "A FIN is retransmitted until it is acknowledged. When the final ACK is "
                       "lost, the side in LAST_ACK resends its FIN and the side in TIME_WAIT "
                       "acknowledges it again: this is why TIME_WAIT lasts long enough."),
     "tcp_retransmit_timer(), tcp_timewait_state_process()"},
    {"capture.syn_on_tw",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: a new SYN on {local} <-> {remote} {age_ms} ms after the previous "
                       "connection closed, while {tw_host} still holds it in TIME_WAIT"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "The same 4-tuple within 60 s. A server in TIME_WAIT accepts the SYN when "
                       "its sequence number or timestamp is newer; otherwise it answers with an "
                       "ACK and the client sends an RST and tries again."),
     "tcp_timewait_state_process() TCP_TW_SYN"},
    {"capture.zero_window",
     QT_TRANSLATE_NOOP("closelab::Notes", "{host} advertises a zero receive window"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "Its receive buffer is full: the application does not read fast enough "
                       "(or not at all, as before a CLOSE_WAIT leak)."),
     "tcp_select_window()"},
    {"capture.keepalive", QT_TRANSLATE_NOOP("closelab::Notes", "{host} sends a keep-alive probe"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "An idle connection with SO_KEEPALIVE: the probe repeats the last byte "
                       "already sent (seq = snd_nxt - 1) so that the peer must answer with an "
                       "ACK."),
     "tcp_write_wakeup()"},
    {"capture.syn_unanswered",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host} sends {count} {count|SYN|SYNs} to {remote} and gets no SYN-ACK"),
     QT_TRANSLATE_NOOP("closelab::NoteWhy",
                       "The server dropped the SYNs silently: a full backlog, a firewall, or "
                       "tcp_tw_recycle's per-address timestamp check."),
     "tcp_conn_request()"},
}};

// Notes whose sentence depends on a word-like argument have one whole sentence per value, so a
// translation never receives an English word to splice in ("even", "timer restarted"). The
// argument stays in the note as a stable token; the base template above is the fallback.
struct NoteVariant {
    NoteId id;
    std::string_view arg;
    std::string_view value;
    const char* text;
};

const std::array<NoteVariant, 7> kVariants = {{
    {NoteId::PortChosen, "parity", "even",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: connect() picks the even local port {port} towards {remote} "
                       "(candidates tried: {probes})")},
    {NoteId::PortChosen, "parity", "odd",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: connect() picks the odd local port {port} towards {remote} "
                       "(candidates tried: {probes})")},
    {NoteId::TimeWaitAckOnly, "restart", "1",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: out-of-window segment in TIME_WAIT answered with an ACK; the "
                       "TIME_WAIT timer restarts")},
    {NoteId::StrayDropped, "reason", "no socket",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: a segment of the old connection #{old} arrives, matches no socket "
                       "and is dropped")},
    {NoteId::StrayDropped, "reason", "TIME_WAIT",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: a segment of the old connection #{old} arrives at a TIME_WAIT "
                       "socket and is dropped")},
    {NoteId::StrayDropped, "reason", "PAWS",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: a segment of the old connection #{old} arrives with an old "
                       "timestamp and is dropped by PAWS")},
    {NoteId::StrayDropped, "reason", "out of window",
     QT_TRANSLATE_NOOP("closelab::Notes",
                       "{host}: a segment of the old connection #{old} arrives outside the "
                       "receive window and is dropped")},
}};

}  // namespace

const char* noteTemplateEn(const Note& note) {
    for (const auto& v : kVariants) {
        if (v.id == note.id && note.arg(v.arg) == v.value)
            return v.text;
    }
    return noteTemplateEn(note.id);
}

std::vector<const char*> noteVariantTemplatesEn(NoteId id) {
    std::vector<const char*> out;
    for (const auto& v : kVariants) {
        if (v.id == id)
            out.push_back(v.text);
    }
    return out;
}

std::string_view Note::arg(std::string_view name) const {
    for (const auto& [k, v] : args) {
        if (k == name)
            return v;
    }
    return {};
}

std::string_view noteKey(NoteId id) {
    const auto i = static_cast<std::size_t>(id);
    return i < kNotes.size() ? kNotes[i].key : std::string_view("?");
}

NoteId noteFromKey(std::string_view key) {
    for (std::size_t i = 0; i < kNotes.size(); ++i) {
        if (kNotes[i].key == key)
            return static_cast<NoteId>(i);
    }
    return NoteId::Count;
}

const char* noteTemplateEn(NoteId id) {
    const auto i = static_cast<std::size_t>(id);
    return i < kNotes.size() ? kNotes[i].text : "";
}

const char* noteWhyEn(NoteId id) {
    const auto i = static_cast<std::size_t>(id);
    return i < kNotes.size() ? kNotes[i].why : "";
}

const char* noteSource(NoteId id) {
    const auto i = static_cast<std::size_t>(id);
    return i < kNotes.size() ? kNotes[i].source : "";
}

namespace {

const std::string* findArg(std::span<const std::pair<std::string, std::string>> args,
                           std::string_view name) {
    for (const auto& [k, v] : args) {
        if (k == name)
            return &v;
    }
    return nullptr;
}

// "{name|one|other}": the English word for the count `value` (CLDR's English rule: "one" is
// exactly 1, everything else, 0 included, is "other"). Empty when `field` is not a well-formed
// selector, so the caller copies it as written.
std::optional<std::string_view> pluralForm(
    std::string_view field, std::span<const std::pair<std::string, std::string>> args) {
    const std::size_t bar = field.find('|');
    if (bar == std::string_view::npos)
        return std::nullopt;
    const std::size_t bar2 = field.find('|', bar + 1);
    if (bar2 == std::string_view::npos || field.find('|', bar2 + 1) != std::string_view::npos)
        return std::nullopt;
    const std::string* value = findArg(args, field.substr(0, bar));
    if (value == nullptr)
        return std::nullopt;
    return *value == "1" ? field.substr(bar + 1, bar2 - bar - 1) : field.substr(bar2 + 1);
}

}  // namespace

std::string substituteArgs(std::string_view templ,
                           std::span<const std::pair<std::string, std::string>> args) {
    std::string out;
    out.reserve(templ.size() + 32);
    std::size_t i = 0;
    while (i < templ.size()) {
        const char c = templ[i];
        if (c == '{') {
            const std::size_t close = templ.find('}', i + 1);
            if (close != std::string_view::npos) {
                const std::string_view field = templ.substr(i + 1, close - i - 1);
                if (const std::string* value = findArg(args, field)) {
                    out += *value;
                    i = close + 1;
                    continue;
                }
                if (const auto word = pluralForm(field, args)) {
                    out += *word;
                    i = close + 1;
                    continue;
                }
            }
        }
        out += c;
        ++i;
    }
    return out;
}

std::string renderNoteEn(const Note& note) {
    return substituteArgs(noteTemplateEn(note), note.args);
}

}  // namespace closelab::core
