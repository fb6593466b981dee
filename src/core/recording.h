#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/counters.h"
#include "core/kernel_profile.h"
#include "core/localized_text.h"
#include "core/note.h"
#include "core/sim_time.h"
#include "core/tcp_state.h"

namespace closelab::core {

// TCP header flags, as in the header's flag byte.
enum SegmentFlag : std::uint8_t {
    kFin = 0x01,
    kSyn = 0x02,
    kRst = 0x04,
    kPsh = 0x08,
    kAck = 0x10,
};
// {"SYN","ACK"} in tcpdump order: SYN FIN RST PSH ACK.
std::vector<std::string> flagNames(std::uint8_t flags);
std::uint8_t parseFlagNames(const std::vector<std::string>& names);  // unknown names ignored
std::string flagsShort(std::uint8_t flags);  // tcpdump style "S.", "F.", "R", "P."

enum class Fate : std::uint8_t { Delivered, Lost, Dropped, Delayed };
std::string_view fateName(Fate fate);  // "delivered" "lost" "dropped" "delayed"

struct RecHost {
    std::string name;
    std::string role;
    std::string address;
};

struct RecSegment {
    SimTime tUs = 0;   // sent
    std::string from;  // host names
    std::string to;
    std::string src;  // "ip:port" as on the wire (after NAT, if any)
    std::string dst;
    std::uint8_t flags = 0;
    std::uint32_t seq = 0;
    std::uint32_t ack = 0;
    std::uint32_t len = 0;
    std::uint32_t win = 0;  // advertised receive window (bytes, no scaling)
    bool hasTs = false;
    std::uint32_t tsval = 0;
    std::uint32_t tsecr = 0;
    Fate fate = Fate::Delivered;
    SimTime arriveUs = -1;  // -1 when it never arrives
    std::string reason;     // why lost/dropped/delayed, or "" (e.g. "loss", "fault", "hold")
    int connection = 0;     // connection number (1-based, per 4-tuple incarnation) for colouring
    int socket = 0;         // sending socket id (0 = no socket, e.g. an RST from the stack)
};

struct RecTransition {
    SimTime tUs = 0;
    std::string host;
    int socket = 0;
    std::string local;   // "ip:port"
    std::string remote;  // "ip:port" or "*:*"
    TcpState from = TcpState::Closed;
    TcpState to = TcpState::Closed;
    std::string cause;  // short code: "close()", "rcv FIN", "rcv ACK", "timer", "rcv RST", ...
    int connection = 0;
};

struct RecAppEvent {
    SimTime tUs = 0;
    std::string host;
    std::string sock;
    std::string call;    // "connect", "close", ...
    std::string result;  // "ok" or an errno name ("EADDRNOTAVAIL", "ECONNRESET", ...)
    std::string detail;  // e.g. "local 10.0.0.1:32770", "read 100 bytes", "EOF"
    int socket = 0;
};

enum class TimerKind : std::uint8_t {
    TimeWait,
    FinWait2,
    Retransmit,
    LossProbe,
    Linger,
    Keepalive,
    Syn
};
std::string_view timerKindName(
    TimerKind kind);  // "TIME_WAIT" "FIN_WAIT_2" "RTO" "TLP" "LINGER" ...

struct RecTimer {
    SimTime startUs = 0;
    SimTime endUs = 0;   // when it fired or was cancelled/restarted
    bool fired = false;  // false: cancelled or restarted before its end
    std::string host;
    int socket = 0;
    TimerKind kind = TimerKind::TimeWait;
};

struct RecCounterDelta {
    SimTime tUs = 0;
    int host = 0;  // index into Recording::hosts
    Mib mib = Mib::Count;
    std::int64_t delta = 0;
};

// One row of `ss -tan` (state names as everywhere in closelab).
struct SocketRow {
    std::string host;
    int socket = 0;
    TcpState state = TcpState::Closed;
    std::string local;
    std::string remote;
    std::uint32_t recvQ = 0;
    std::uint32_t sendQ = 0;
    std::string timer;  // "timewait,59.7s" / "keepalive,30s" / "" (like ss -o)
    int connection = 0;
};

struct Outcome {
    int strayAccepted = 0;  // old-incarnation segments accepted as data by a new incarnation
    std::int64_t bytesDiscarded = 0;  // unsent/unread bytes thrown away by RST or linger
    int resets = 0;                   // RST segments sent
    int synDropped = 0;  // SYNs silently dropped (tw_recycle PAWS, no listener backlog...)
};

// A lesson beat of the scenario with its time resolved against this run: a key moment to step
// to when teaching. Beats are sorted by time; several may share an instant.
struct RecBeat {
    SimTime tUs = 0;
    LocalizedText caption;  // what happens and why, one or two lines
    LocalizedText notes;    // speaker notes (may be empty)
    // Indices into Recording::segments the beat is about (its anchor segment first, then the
    // scenario's "focus" segments): what a view keeps visible at this beat.
    std::vector<int> focusSegments;
    std::string anchor;  // "segment", "transition", "app" (resolved from "on") or "time" (at_ms)
};

// The immutable result of one run. Produced by simulate() (source "engine") or by the kernel lab
// (source "kernel") and read by every view.
struct Recording {
    std::string source = "engine";
    std::string scenario;  // id
    KernelProfile kernel = KernelProfile::Linux6;
    std::uint64_t seed = 1;
    SimTime endUs = 0;
    std::vector<RecHost> hosts;
    // Effective options per host (name -> canonical value), in registry order.
    std::vector<std::vector<std::pair<std::string, std::string>>> options;  // parallel to hosts
    std::vector<RecSegment> segments;
    std::vector<RecTransition> transitions;
    std::vector<Note> notes;
    std::vector<RecAppEvent> appEvents;
    std::vector<RecTimer> timers;
    std::vector<Counters> counters;                    // parallel to hosts: final values
    std::vector<RecCounterDelta> counterDeltas;        // every change, in time order
    std::vector<std::vector<SocketRow>> finalSockets;  // parallel to hosts
    Outcome outcome;
    std::vector<RecBeat> beats;  // the scenario's lesson beats, sorted by tUs

    int hostIndex(std::string_view name) const;  // -1 if unknown
};

// `ss -tan` of every host at time t, reconstructed from the transitions (LISTEN included).
std::vector<SocketRow> socketsAt(const Recording& rec, SimTime t);
// Counters of host `host` as they were at time t (sum of deltas with tUs <= t).
Counters countersAt(const Recording& rec, int host, SimTime t);
// State of every socket seen so far, per state: the counts `ss -s` would give at time t.
std::array<int, kStateCount> stateCountsAt(const Recording& rec, int host, SimTime t);

}  // namespace closelab::core
