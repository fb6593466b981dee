#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kernel/socket_entry.h"

namespace closelab::kernel {

// The fallback when NETLINK_SOCK_DIAG cannot be used: /proc/net/tcp and /proc/net/tcp6
// (tcp4_seq_show(): "sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid
// timeout inode"). TW rows print tw_substate and tr = 3, like sock_diag.
class ProcNetTcp {
public:
    // Reads both files of the caller's network namespace; a missing tcp6 is not an error.
    static std::vector<SocketEntry> read();
    // Parses one file's text; family is AF_INET or AF_INET6. Malformed rows are skipped.
    static std::vector<SocketEntry> parse(std::string_view text, int family);
};

}  // namespace closelab::kernel
