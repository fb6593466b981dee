#pragma once

#include <array>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kernel/live_sample.h"
#include "kernel/mib_counters.h"
#include "kernel/socket_entry.h"

namespace closelab::kernel {

// Samples the TCP sockets of the caller's network namespace (the machine, or the namespace the
// caller runs in): NETLINK_SOCK_DIAG first, /proc/net/tcp{,6} if netlink fails.
class LiveMonitor {
public:
    struct Diagnosis {
        std::string id;    // "close-wait-leak", "port-exhaustion-ahead", "tw-bucket-overflow", ...
        std::string text;  // plain English words
    };

    // TcpExt/Tcp counters every sample carries, moved or not.
    static constexpr std::array<std::string_view, 14> kKeyCounters = {"TW",
                                                                      "TWKilled",
                                                                      "TWRecycled",
                                                                      "TCPTimeWaitOverflow",
                                                                      "TCPAbortOnData",
                                                                      "TCPAbortOnClose",
                                                                      "TCPAbortOnLinger",
                                                                      "TCPAbortOnTimeout",
                                                                      "OutRsts",
                                                                      "EstabResets",
                                                                      "ActiveOpens",
                                                                      "PassiveOpens",
                                                                      "AttemptFails",
                                                                      "ListenOverflows"};

    explicit LiveMonitor(std::size_t topN = 5, bool forceProc = false);

    LiveSample sample();

    // Pure: builds a sample from socket entries (used by sample() and by tests).
    static LiveSample summarise(const std::vector<SocketEntry>& entries, std::size_t topN);
    // Plain-words diagnosis of the patterns the seeds describe. portRange is
    // ip_local_port_range (low, high).
    static std::vector<Diagnosis> diagnose(const LiveSample& sample, std::pair<int, int> portRange);
    // ip_local_port_range of the caller's namespace, (32768, 60999) if unreadable.
    static std::pair<int, int> localPortRange();

    // Counts sockets one by one, without keeping them (sample() streams the sock_diag dump).
    class Summariser {
    public:
        explicit Summariser(std::size_t topN);
        ~Summariser();
        Summariser(Summariser&&) noexcept = default;
        Summariser& operator=(Summariser&&) noexcept = default;
        void add(const SocketEntry& entry);
        LiveSample finish();

    private:
        struct Impl;
        std::unique_ptr<Impl> m_impl;
    };

private:
    std::size_t m_topN;
    bool m_forceProc;
    std::chrono::steady_clock::time_point m_start;
    std::optional<MibCounters::Values> m_firstCounters;
};

}  // namespace closelab::kernel
