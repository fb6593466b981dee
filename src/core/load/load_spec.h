#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/error.h"

namespace closelab::core {

// Who calls close() first on each connection.
enum class LoadCloser : std::uint8_t { Client, Server };

// What the passive side's application does once it has read EOF.
enum class PeerClose : std::uint8_t { Normal, Never, Delay };

// Bad load parameters: a typed InputError (ErrorId + named arguments, so the UI shows it in the
// user's language); what() is one English line naming the problem. The string form is for the
// kernel lab's "not reproducible" details, which have no template of their own.
class LoadSpecError : public InputError {
public:
    using InputError::InputError;
    explicit LoadSpecError(const InputError& e) : InputError(e) {}
    explicit LoadSpecError(const std::string& message)
        : InputError(ErrorId::LoadNotReproducible, {{"message", message}}) {}
};

// A load: what `closelab-cli load` and the Load tab ask for. Plain data, no behaviour.
struct LoadSpec {
    std::optional<double> ratePerS;      // attempts per second; none: back to back (needs count)
    bool poisson = false;                // exponential gaps instead of constant ones
    std::optional<std::uint64_t> count;  // cap on connection attempts (or requests with a pool)
    double durationS = 300.0;            // simulated run length
    LoadCloser closer = LoadCloser::Client;
    PeerClose peerClose = PeerClose::Normal;
    std::int64_t peerCloseDelayMs = 0;  // with PeerClose::Delay
    int pool = 0;                       // keep-alive pool size; 0: one connection per request
    int poolRequests = 0;               // requests per pooled connection; 0: never recycled
    int clients = 1;                    // client hosts: "client", or "client1".."clientN"
    bool nat = false;                   // clients share the public address of host "nat"
    int serverPorts = 1;                // listening ports 8080, 8081, ...
    std::optional<double> rttMs;        // round-trip time; default 1 ms (0.05 ms on loopback)
    double loss = 0.0;                  // probability that a segment is lost, 0..1
    bool loopback = false;              // one host "localhost", 127.0.0.1 both ends
    std::string kernel = "linux-6";     // linux-6 | linux-4.9 | rfc793
    std::vector<std::pair<std::string, std::string>> settings;  // --set NAME=VALUE, in order
    std::int64_t sampleMs = 1000;
    std::uint64_t seed = 1;
    bool connections = false;  // keep one record per attempt
    // Keep every socket state change (LoadResult::stateChanges): for comparing single
    // lifecycles with the scenario engine; not serialised, off for real loads.
    bool traceStates = false;
};

// Limits shared by the CLI and the models so both reject the same inputs.
inline constexpr double kMaxLoadRate = 10'000'000.0;
inline constexpr double kMaxLoadDurationS = 86'400.0;
inline constexpr int kMaxLoadClients = 256;
inline constexpr int kMaxServerPorts = 1024;
inline constexpr int kMaxPool = 100'000;
// At most this many attempts per run (rate x duration, or count): about half a minute of CPU.
inline constexpr std::uint64_t kMaxLoadCount = 50'000'000ULL;

// Throws LoadSpecError for the first problem found.
void validateLoadSpec(const LoadSpec& spec);

// Effective round-trip time in microseconds (the default depends on --loopback).
std::int64_t effectiveRttUs(const LoadSpec& spec);

// Host names in output order: clients, then "nat" (with --nat), then "server"; or "localhost".
std::vector<std::string> loadHostNames(const LoadSpec& spec);

}  // namespace closelab::core
