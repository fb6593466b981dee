#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/kernel_profile.h"
#include "core/localized_text.h"
#include "core/options.h"
#include "core/sim_time.h"
#include "core/tcp_state.h"

namespace closelab::core {

struct HostSpec {
    std::string name;     // a role name: client server client2 nat lb web db
    std::string address;  // dotted IPv4, e.g. "10.0.0.1" (127.x = loopback rules apply)
    std::string via;      // name of the NAT host this host sits behind, or ""
    bool isNat = false;   // this host is a NAT box (rewrites its private hosts onto its address)
    // Timestamp clock of the host at t=0 (ms ticks). Hosts behind one NAT keep their own clocks.
    // nullopt = derived from the seed.
    std::optional<std::uint32_t> tsClockMs;
};

struct LinkSpec {
    std::string a;  // host names; the link is symmetric
    std::string b;
    SimTime delayUs = 100;   // one-way
    SimTime jitterUs = 0;    // uniform extra delay in [0, jitter]
    double loss = 0.0;       // probability a segment is lost, 0..1
    double duplicate = 0.0;  // probability a segment is delivered twice
};

// Which segments a fault applies to. Empty fields match anything.
struct SegmentMatch {
    std::string from;                // sending host name
    std::string to;                  // receiving host name
    std::vector<std::string> flags;  // exact flag set, e.g. {"ACK"} or {"FIN","ACK"}; empty = any
    std::optional<bool> hasData;     // payload present
    SimTime afterUs = 0;             // only segments sent at or after this time
    int nth = 1;                     // the first matching segment the fault applies to (1-based)
    int count = 1;                   // how many consecutive matches from nth; 0 = all after nth
};

enum class FaultAction : std::uint8_t { Drop, Hold, Duplicate };

struct FaultSpec {
    FaultAction action = FaultAction::Drop;
    SegmentMatch match;
    SimTime holdUs = 0;  // Hold: extra delay; Duplicate: extra delay of the copy
};

// An application call on one host at one time. Sockets are named by the scenario ("c", "s1",
// "c{i}" inside a repeat), not by file descriptor numbers.
enum class AppCallKind : std::uint8_t {
    Listen,    // bind(port) + listen(): sock, port
    Connect,   // connect(): sock, to (host), port; optional localPort (bind() first)
    Accept,    // accept() on listener: sock, listener. Waits for a connection if none is ready.
    Send,      // send(): sock, bytes
    Recv,      // recv(): sock, bytes (0 = everything queued)
    Shutdown,  // shutdown(SHUT_WR): sock
    Close,     // close(): sock
};

std::string_view appCallName(AppCallKind kind);  // "listen", "connect", ...

struct AppCall {
    SimTime t = 0;
    std::string host;
    AppCallKind call = AppCallKind::Close;
    std::string sock;
    std::string to;               // Connect: peer host name
    std::uint16_t port = 0;       // Listen: local port; Connect: remote port
    std::uint16_t localPort = 0;  // Connect: bind() to this port first (0 = ephemeral)
    std::string listener;         // Accept
    std::uint64_t bytes = 0;      // Send / Recv
    bool autoRead = true;         // Connect/Accept: the app reads data as it arrives
    bool closeOnEof = false;      // Connect/Accept: the app close()s as soon as it reads EOF
    std::vector<OptionOverride> sockOptions;  // setsockopt() before the call (SO_LINGER, ...)
    int line = 0;                             // where it came from, for error messages
    int column = 0;
};

// What a lesson beat is anchored to: the nth recorded segment, state transition or application
// call that matches,
// found after the run, so the beat follows the engine (and a --set that changes the run).
struct BeatAnchor {
    enum class Kind : std::uint8_t { None, Segment, Transition, App };
    Kind kind = Kind::None;
    // Segment: from/to/flags/hasData/afterUs/nth as for faults (count is unused).
    SegmentMatch segment;
    std::string fate;      // Segment: "" = any, else "delivered" "lost" "dropped" "delayed"
    bool arrival = false;  // Segment: the beat is when it arrives (default: when it is sent)
    // Transition: the nth change of a socket on `host` into `to` (and from `from`, if given) at
    // or after afterUs.
    std::string host;
    std::optional<TcpState> from;
    std::optional<TcpState> to;
    SimTime afterUs = 0;
    int nth = 1;
    // App: the nth recorded application call on `host` (also host/afterUs/nth) named `call`
    // ("connect", "close", ...) whose result is `result` ("" = any, "ok", "EADDRNOTAVAIL", ...).
    std::string call;
    std::string result;
};

// A key moment of a scenario, for teaching: a caption (what happens and why, one or two lines)
// and optional speaker notes. Its time is `atUs`, or the time of the event `on` names (atUs is
// then the fallback when the event does not happen in a run, e.g. after a --set).
struct BeatSpec {
    std::optional<SimTime> atUs;
    BeatAnchor on;
    LocalizedText caption;
    LocalizedText notes;
    std::vector<BeatAnchor> focus;  // further segments the beat refers to (kept in view)
    int line = 0;                   // where it came from, for error messages
    int column = 0;
};

struct Scenario {
    std::string id;
    std::string topic;  // "basics", "time_wait", "close_wait", "options", "ports", "nat", "abort"
    LocalizedText title;
    LocalizedText description;
    LocalizedText lesson;  // the folklore it corrects and what to notice
    KernelProfile kernel = KernelProfile::Linux6;
    SimTime durationUs = secToUs(70);
    std::vector<HostSpec> hosts;
    LinkSpec defaultLink;  // for any pair without its own entry (a, b empty)
    std::vector<LinkSpec> links;
    std::vector<OptionOverride> options;  // host "" = every host
    std::vector<AppCall> timeline;        // sorted by time (stable)
    std::vector<FaultSpec> faults;
    // --set overrides the scenario suggests trying, e.g. "net.ipv4.tcp_timestamps=0" (shown in the
    // UI).
    std::vector<std::string> tryOverrides;
    // Lesson beats in file order (resolved into Recording::beats, sorted by time, after a run).
    std::vector<BeatSpec> beats;
};

// Parses and validates a scenario file. Errors carry sourceName, line and column.
Scenario parseScenario(std::string_view json, std::string_view sourceName);

struct BuiltinScenario {
    std::string_view id;    // file name without .json
    std::string_view json;  // the embedded text of resources/scenarios/<id>.json
};

// The scenario the app and the CLI docs open when none is named: the textbook four-way close.
inline constexpr std::string_view kDefaultScenarioId = "four-way-close";

// The built-ins, embedded at build time, in teaching order (the default first).
const std::vector<BuiltinScenario>& builtinScenarios();
// Parsed built-in by id; throws InputError(UnknownScenario).
Scenario builtinScenario(std::string_view id);
// A built-in id or a path to a JSON file; throws InputError (UnknownScenario, FileUnreadable, ...).
Scenario loadScenario(std::string_view idOrPath);

}  // namespace closelab::core
