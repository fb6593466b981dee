#pragma once

#include <algorithm>
#include <cstdint>

#include "core/sim_time.h"
#include "core/tcp/constants.h"
#include "core/tcp_state.h"

// Retransmission timing and giving up: net/ipv4/tcp_timer.c.
namespace closelab::core::tcp {

// icsk_rto << icsk_backoff, capped at TCP_RTO_MAX (inet_csk_rto_backoff()).
constexpr SimTime inet_csk_rto_backoff(SimTime rto, int backoff) {
    return backoff >= 20 ? kTcpRtoMax : std::min(rto << backoff, kTcpRtoMax);
}

// tcp_model_timeout(): the give-up time as if the RTO started at rto_base and doubled up to
// TCP_RTO_MAX, `boundary` times.
constexpr SimTime tcp_model_timeout(int boundary, SimTime rtoBase) {
    int linear = 0;
    while ((rtoBase << (linear + 1)) <= kTcpRtoMax)
        ++linear;
    if (boundary <= linear)
        return ((SimTime{2} << boundary) - 1) * rtoBase;
    return ((SimTime{2} << linear) - 1) * rtoBase + (boundary - linear) * kTcpRtoMax;
}

// tcp_orphan_retries(): 0 means 8 while the socket is alive.
constexpr int tcp_orphan_retries(int sysctl) {
    return sysctl == 0 ? 8 : sysctl;
}

struct WriteTimeoutView {
    TcpState state = TcpState::Established;
    bool orphan = false;
    int retransmits = 0;  // icsk_retransmits: RTO expiries so far on this flight
};

struct WriteTimeoutRules {
    int synRetries = 6;                     // net.ipv4.tcp_syn_retries
    int synackRetries = kTcpSynackRetries;  // net.ipv4.tcp_synack_retries
    int retries2 = 15;                      // net.ipv4.tcp_retries2
    int orphanRetries = 0;                  // net.ipv4.tcp_orphan_retries
};

// tcp_write_timeout() / retransmits_timed_out(): true when the socket gives up at this RTO
// expiry. `elapsed` = now - retrans_stamp (the first transmission of the oldest unacked
// segment). SYN_SENT: a time budget from TCP_TIMEOUT_INIT; SYN_RECV (the request socket's timer,
// inet_rtx_syn_ack() / reqsk_timer_handler()): a count of SYN-ACK retries; otherwise a budget
// from TCP_RTO_MIN, tcp_orphan_retries for orphans, tcp_retries2 else.
constexpr bool tcp_write_timeout(const WriteTimeoutView& s, const WriteTimeoutRules& r,
                                 SimTime elapsed) {
    if (s.state == TcpState::SynRecv)
        return s.retransmits >= r.synackRetries;
    if (s.retransmits == 0)
        return false;  // retransmits_timed_out(): nothing retransmitted yet
    if (s.state == TcpState::SynSent)
        return elapsed >= tcp_model_timeout(r.synRetries, kTcpTimeoutInit);
    const int boundary = s.orphan ? tcp_orphan_retries(r.orphanRetries) : r.retries2;
    return elapsed >= tcp_model_timeout(boundary, kTcpRtoMin);
}

// __tcp_retransmit_skb() / tcp_rtx_synack(): a retransmitted SYN or SYN-ACK counts
// TCPSynRetrans.
constexpr bool countsSynRetrans(TcpState s) {
    return s == TcpState::SynSent || s == TcpState::SynRecv;
}

}  // namespace closelab::core::tcp
