#pragma once

#include <functional>
#include <vector>

#include "kernel/socket_entry.h"

namespace closelab::kernel {

// Dumps every TCP socket of the caller's network namespace over NETLINK_SOCK_DIAG
// (SOCK_DIAG_BY_FAMILY with inet_diag_req_v2, as `ss` does in inet_show_netlink()), IPv4 then
// IPv6. Throws std::runtime_error when netlink is unavailable (callers fall back to ProcNetTcp).
class SockDiag {
public:
    using Visitor = std::function<void(const SocketEntry&)>;

    // Calls visit once per socket; no allocation per socket.
    static void forEachTcpSocket(const Visitor& visit);
    static std::vector<SocketEntry> dumpTcp();
};

}  // namespace closelab::kernel
