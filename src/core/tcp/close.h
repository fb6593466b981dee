#pragma once

#include <algorithm>
#include <cstdint>

#include "core/kernel_profile.h"
#include "core/sim_time.h"
#include "core/tcp/constants.h"
#include "core/tcp/minisocks.h"
#include "core/tcp_state.h"

// Closing: net/ipv4/tcp.c (__tcp_close(), tcp_close_state(), tcp_disconnect(), TCP_LINGER2),
// include/net/tcp.h tcp_fin_time(), tcp_rcv_state_process() and tcp_keepalive_timer() for an
// orphaned FIN_WAIT2.
namespace closelab::core::tcp {

// TCP_LINGER2 as do_tcp_setsockopt() stores it (tp->linger2, µs; -1 = abort, 0 = the sysctl).
//  6.x: a value above 120 s is clamped to TCP_FIN_TIMEOUT_MAX.
//  4.9: a value above tcp_fin_timeout silently means "use the sysctl" (linger2 = 0).
constexpr SimTime tcp_linger2(std::int32_t linger2Sec, std::int32_t finTimeoutSec,
                              KernelProfile profile) {
    if (linger2Sec < 0)
        return -1;
    if (profile == KernelProfile::Linux49)
        return linger2Sec > finTimeoutSec ? 0 : secToUs(linger2Sec);
    return std::min(secToUs(linger2Sec), kTcpFinTimeoutMax);
}

// tcp_fin_time(): tp->linger2 or tcp_fin_timeout, at least 3.5*RTO.
constexpr SimTime tcp_fin_time(SimTime linger2, std::int32_t finTimeoutSec, SimTime rto) {
    const SimTime t = linger2 > 0 ? linger2 : secToUs(finTimeoutSec);
    return std::max(t, rto35(rto));
}

// What happens to an orphan whose FIN has just been acknowledged (tcp_rcv_state_process()
// case TCP_FIN_WAIT1) or that is closed in FIN_WAIT2 (__tcp_close()).
enum class OrphanFinWait2 : std::uint8_t {
    Abort,       // TCP_LINGER2 < 0: tcp_done() (from __tcp_close() with an RST)
    Keepalive,   // fin time > 60 s: full socket, keepalive timer for fin time - 60 s
    KeepFull,    // the ACK carries the peer's FIN: full socket, keepalive timer for fin time
    MiniSocket,  // tcp_time_wait(TCP_FIN_WAIT2, fin time)
};

struct OrphanFinWait2Action {
    OrphanFinWait2 action = OrphanFinWait2::MiniSocket;
    SimTime timer = 0;  // keepalive timer or the mini-socket's fin time
};

// `finInSegment`: "Bad case. We could lose such FIN otherwise" (only on the ACK path).
constexpr OrphanFinWait2Action tcp_orphan_fin_wait2(SimTime linger2, SimTime finTime,
                                                    bool finInSegment) {
    if (linger2 < 0)
        return {OrphanFinWait2::Abort, 0};
    if (finTime > kTcpTimewaitLen)
        return {OrphanFinWait2::Keepalive, finTime - kTcpTimewaitLen};
    if (finInSegment)
        return {OrphanFinWait2::KeepFull, finTime};
    return {OrphanFinWait2::MiniSocket, finTime};
}

// tcp_keepalive_timer() for an orphaned FIN_WAIT2 full socket: the rest of the fin time as a
// mini-socket, or an RST when nothing is left. Returns the mini-socket's timer, <= 0 = reset.
constexpr SimTime tcp_keepalive_fin_wait2(SimTime finTime) {
    return finTime - kTcpTimewaitLen;
}

// __tcp_close(): what close() does, in the kernel's order of checks.
enum class CloseAction : std::uint8_t {
    ResetUnread,  // unread data: RST, TCPAbortOnClose (RFC 2525 2.17)
    Disconnect,   // SO_LINGER {1,0}: tcp_disconnect(), TCPAbortOnData, RST if tcp_need_reset()
    Fin,          // tcp_close_state() says send a FIN
    Closed,       // SYN_SENT (and LISTEN, CLOSE): the socket goes, nothing is sent
    Orphan,       // FIN_WAIT1/2, CLOSING, LAST_ACK: state unchanged, the socket is orphaned
};

struct CloseView {
    TcpState state = TcpState::Established;
    bool unreadData = false;
    bool lingerOn = false;  // SO_LINGER l_onoff
    std::int32_t lingerSec = 0;
};

constexpr CloseAction tcp_close_action(const CloseView& s) {
    if (s.unreadData)
        return CloseAction::ResetUnread;
    if (s.lingerOn && s.lingerSec == 0)
        return CloseAction::Disconnect;
    switch (s.state) {
        case TcpState::Established:
        case TcpState::SynRecv:
        case TcpState::CloseWait:
            return CloseAction::Fin;
        case TcpState::FinWait1:
        case TcpState::FinWait2:
        case TcpState::Closing:
        case TcpState::LastAck:
            return CloseAction::Orphan;
        default:
            return CloseAction::Closed;
    }
}

// tcp_close_state(): the state a close() or shutdown(SHUT_WR) that sends a FIN leads to.
constexpr TcpState tcp_close_state(TcpState s) {
    return s == TcpState::CloseWait ? TcpState::LastAck : TcpState::FinWait1;
}

// tcp_need_reset(): tcp_disconnect() sends an RST from these states (from CLOSING and LAST_ACK
// only with unsent data, which a closed socket in those states no longer has).
constexpr bool tcp_need_reset(TcpState s) {
    return s == TcpState::Established || s == TcpState::CloseWait || s == TcpState::FinWait1 ||
           s == TcpState::FinWait2 || s == TcpState::SynRecv;
}

}  // namespace closelab::core::tcp
