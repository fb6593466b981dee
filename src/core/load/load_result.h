#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/load/load_spec.h"
#include "core/tcp_state.h"

namespace closelab::core {

// Socket states as `ss -tan` reports them (an orphaned FIN_WAIT_2 mini-socket counts as
// FIN_WAIT_2, a request socket as SYN_RECV: tcp_diag reports tw_substate / TCP_SYN_RECV).
// The engine's TcpState, in its order; kLoadStateNames[i] == stateName(TcpState(i)).
using LoadState = TcpState;
inline constexpr std::size_t kLoadStateCount = kStateCount;
inline constexpr std::array<std::string_view, kLoadStateCount> kLoadStateNames = {
    "CLOSED",     "LISTEN",     "SYN_SENT", "SYN_RECV", "ESTABLISHED", "FIN_WAIT_1",
    "FIN_WAIT_2", "CLOSE_WAIT", "CLOSING",  "LAST_ACK", "TIME_WAIT"};

// Result of one connect() attempt (or one request on a pooled connection).
enum class ConnectOutcome : std::uint8_t {
    Ok,
    AddrNotAvail,  // EADDRNOTAVAIL: no usable ephemeral port for this destination
    TimedOut,      // ETIMEDOUT: SYN retries exhausted (loss, dropped SYNs)
    ConnRefused,   // ECONNREFUSED: RST in answer to the SYN
    ConnReset,     // ECONNRESET: reset before the response arrived
};
inline constexpr std::size_t kConnectOutcomeCount = 5;
inline constexpr std::array<std::string_view, kConnectOutcomeCount> kConnectOutcomeNames = {
    "ok", "EADDRNOTAVAIL", "ETIMEDOUT", "ECONNREFUSED", "ECONNRESET"};

// Sampled values of one host; every vector has one entry per LoadResult::tMs.
struct LoadHostSeries {
    std::string host;
    std::string address;
    std::array<std::vector<std::uint32_t>, kLoadStateCount> states;
    std::vector<std::uint32_t> connectOk;  // attempts that succeeded in the interval
    // attempts that failed in the interval, per errno name (only errnos that occurred)
    std::map<std::string, std::vector<std::uint32_t>> connectFailed;
    std::vector<std::uint32_t> portsInUse;   // distinct local ports held (bind buckets)
    std::vector<std::uint64_t> memoryBytes;  // slab estimate: 256 B per mini-socket, 2368 B full
    // MIB counter deltas over each interval (only counters that moved during the run)
    std::map<std::string, std::vector<std::int64_t>> counterDeltas;
};

// A stretch of consecutive samples in which some attempt failed.
struct FailureWindow {
    std::int64_t startMs = 0;
    std::int64_t endMs = 0;
    std::uint64_t failed = 0;
};

struct ConnectionRecord {
    std::int64_t tUs = 0;
    std::uint16_t clientHost = 0;  // index into LoadResult::hosts
    std::uint16_t localPort = 0;   // 0 when no port was found
    ConnectOutcome result = ConnectOutcome::Ok;
};

struct LoadSummary {
    std::uint64_t attempted = 0;
    std::uint64_t succeeded = 0;
    std::map<std::string, std::uint64_t> failed;  // per errno name
    std::optional<std::int64_t> firstFailureMs;
    std::vector<FailureWindow> failureWindows;
    std::uint64_t requestsCompleted = 0;
    // peak per host per state name
    std::map<std::string, std::map<std::string, std::uint32_t>> peak;
    // final MIB counters per host (only non-zero ones)
    std::map<std::string, std::map<std::string, std::int64_t>> counters;
    // new connections per second the ports allow (usable ports x destinations / port hold
    // time); none when ports are not the limit (server closes first, TIME_WAIT capped...)
    std::optional<double> sustainableRatePerS;
    std::string sustainableReason;  // id: "time_wait", "tw_reuse", "no_client_time_wait", ...
    std::uint64_t usablePortsPerDestination = 0;
    std::uint64_t destinations = 0;
    double portHoldS = 0.0;             // how long one connection keeps its port busy
    bool connectionsTruncated = false;  // more attempts than kMaxConnectionRecords
    std::uint64_t eventsProcessed = 0;
    std::uint64_t segmentsSent = 0;
};

// One socket's state change (with LoadSpec::traceStates). `server`: the socket is the server
// side of its connection (its local port is a listening port). LISTEN is not traced.
struct LoadStateChange {
    std::int64_t tUs = 0;
    std::uint16_t host = 0;  // index into LoadResult::hosts
    bool server = false;
    LoadState from = LoadState::Closed;
    LoadState to = LoadState::Closed;
};

// Effective per-host parameters the run used (after profile defaults and --set).
struct LoadHostOptions {
    std::string host;
    std::map<std::string, std::string> values;  // option name -> value, as text
};

// --connections keeps at most this many records (about 80 MB).
inline constexpr std::size_t kMaxConnectionRecords = 5'000'000;

struct LoadResult {
    LoadSpec spec;                         // the spec with defaults filled in
    std::vector<LoadHostOptions> options;  // per host, same order as hosts
    std::vector<std::int64_t> tMs;
    std::vector<LoadHostSeries> hosts;
    LoadSummary summary;
    std::vector<ConnectionRecord> connections;  // with spec.connections
    std::vector<LoadStateChange> stateChanges;  // with spec.traceStates, in time order
};

}  // namespace closelab::core
