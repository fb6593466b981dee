#pragma once

#include <array>
#include <cstdint>

namespace closelab::kernel {

// One TCP socket as NETLINK_SOCK_DIAG (struct inet_diag_msg) or /proc/net/tcp reports it.
struct SocketEntry {
    // inet_diag_msg.idiag_timer / /proc "tr": 3 only for an inet_timewait_sock
    // (inet_twsk_diag_fill(), get_timewait4_sock()).
    static constexpr int kTimerTimewait = 3;

    int family = 0;  // AF_INET or AF_INET6
    // Kernel state number. For a timewait sock this is tw_substate, so an orphaned FIN_WAIT_2
    // mini-socket reports 5 (FIN_WAIT2) with timer 3, not 6.
    int state = 0;
    int timer = 0;
    std::uint32_t expiresMs = 0;
    std::uint16_t localPort = 0;
    std::uint16_t remotePort = 0;
    std::array<std::uint8_t, 16> localAddr{};
    std::array<std::uint8_t, 16> remoteAddr{};
    std::uint32_t rqueue = 0;
    std::uint32_t wqueue = 0;
    std::uint32_t uid = 0;
    // 0 when no file refers to the socket: orphans (after close()) and timewait socks.
    std::uint32_t inode = 0;

    bool isTimewaitSock() const { return timer == kTimerTimewait; }
    // The kernel's orphaned FIN_WAIT_2 (tcp_time_wait(sk, TCP_FIN_WAIT2, tmo) mini-socket, or a
    // full orphan kept when tcp_fin_timeout > 60 s), as opposed to a half-closed socket after
    // shutdown(SHUT_WR) that an application still holds and that never times out.
    bool isOrphanedFinWait2() const { return state == 5 && (isTimewaitSock() || inode == 0); }
};

}  // namespace closelab::kernel
