#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace closelab::kernel {

// The behaviours of issue 7, measured on real sockets on 127.0.0.1 inside a private network
// namespace (NetnsRunner), one namespace per call. Each returns plain facts as JSON (counts,
// errno names, counter deltas) for the agreement suite to compare with the engine. Every loop is
// bounded in count and time; each call has a time limit. Throws PrivilegeError without
// CAP_SYS_ADMIN/CAP_NET_ADMIN. Kernel facts: shared/reference/kernel-measurements.md.
class KernelExperiments {
public:
    // n connections to one server port, closed in `closer` order ("client" or "server"); the
    // other side closes as soon as it reads EOF. → client_time_wait, server_time_wait, ok.
    static nlohmann::json closeOrder(const std::string& closer, int n);

    // n clients close(), `halfClosed` clients only shutdown(SHUT_WR); the server never closes.
    // Sampled at 0.3 s and at finTimeoutS + 0.8 s → before/after {fin_wait_2_orphaned,
    // fin_wait_2_half_closed, close_wait}, counters {TWKilled}.
    static nlohmann::json finWait2(int finTimeoutS, int n, int halfClosed);

    // ip_local_port_range [low, high], tcp_tw_reuse=0, client closes first, connect until it
    // fails → successes, errno, even_then_odd, retry_errno, bind_errno,
    // second_destination_successes.
    static nlohmann::json exhaustion(int low, int high);

    // Same range, server closes first, n connections → successes, failures, distinct_ports,
    // all_even, server_time_wait, counters {TW}.
    static nlohmann::json serverFirst(int low, int high, int n);

    // Exhaust [low, high], try once at half the delay, wait delayMs + 400 ms, reconnect until
    // failure → phase1, phase1_errno, early_retry, phase2, phase2_errno, counters {TWRecycled}.
    static nlohmann::json twReuse(int reuse, int delayMs, bool timestamps, int low, int high);

    // tcp_max_tw_buckets = cap, n client-first connections → time_wait, counters
    // {TCPTimeWaitOverflow, OutRsts}, server_eof.
    static nlohmann::json maxTwBuckets(int cap, int n);

    // SO_LINGER {onoff, seconds} on the client, client closes first, n connections →
    // client_time_wait, server_time_wait, server_read (ECONNRESET or EOF counts), close_ms_max,
    // counters {TCPAbortOnData, OutRsts}.
    static nlohmann::json linger(int onoff, int seconds, int n);

    // Restart a listener on a port with `residue` ("time_wait", "established" or "listen") left
    // by an old listener with option oldOpt; new listener with newOpt. Options: "none",
    // "SO_REUSEADDR", "SO_REUSEPORT" → result "ok" or the errno of bind()/listen().
    static nlohmann::json restart(const std::string& oldOpt, const std::string& newOpt,
                                  const std::string& residue);

    // n client-first TIME_WAIT with tcp_fin_timeout = finTimeoutS, polled every 250 ms for at
    // most 75 s → present_at_59s, gone_ms (when the count first reached 0). About 61 s.
    static nlohmann::json timeWaitLifetime(int n, int finTimeoutS);
};

}  // namespace closelab::kernel
