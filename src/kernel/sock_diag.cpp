#include "kernel/sock_diag.h"

#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

namespace closelab::kernel {

namespace {

class NetlinkSocket {
public:
    NetlinkSocket() : m_fd(::socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG)) {
        if (m_fd < 0) {
            throw std::runtime_error(std::string("NETLINK_SOCK_DIAG socket: ") +
                                     std::strerror(errno));
        }
        // A dump never legitimately stalls; bound every recv() so a broken kernel cannot hang us.
        const timeval timeout{2, 0};
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        const int rcvbuf = 1 << 20;
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf);
    }
    ~NetlinkSocket() { ::close(m_fd); }
    NetlinkSocket(const NetlinkSocket&) = delete;
    NetlinkSocket& operator=(const NetlinkSocket&) = delete;
    int fd() const { return m_fd; }

private:
    int m_fd;
};

template <typename Message>
void dump(const Message& message, const SockDiag::Visitor& visit) {
    NetlinkSocket sock;
    sockaddr_nl kernelAddr{};
    kernelAddr.nl_family = AF_NETLINK;
    if (::sendto(sock.fd(), &message, sizeof message, 0, reinterpret_cast<sockaddr*>(&kernelAddr),
                 sizeof kernelAddr) < 0) {
        throw std::runtime_error(std::string("sock_diag request: ") + std::strerror(errno));
    }
    alignas(nlmsghdr) static thread_local std::array<char, 256 * 1024> buffer;
    // Bounded: at most this many datagrams (each holds dozens of sockets) per dump.
    constexpr int kMaxDatagrams = 10'000'000;
    for (int datagram = 0; datagram < kMaxDatagrams; ++datagram) {
        const ssize_t got = ::recv(sock.fd(), buffer.data(), buffer.size(), 0);
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            throw std::runtime_error(std::string("sock_diag dump: ") + std::strerror(errno));
        }
        int remaining = static_cast<int>(got);
        for (auto* h = reinterpret_cast<nlmsghdr*>(buffer.data()); NLMSG_OK(h, remaining);
             h = NLMSG_NEXT(h, remaining)) {
            if (h->nlmsg_type == NLMSG_DONE) {
                return;
            }
            if (h->nlmsg_type == NLMSG_ERROR) {
                const auto* err = static_cast<const nlmsgerr*>(NLMSG_DATA(h));
                throw std::runtime_error(std::string("sock_diag dump: ") +
                                         std::strerror(-err->error));
            }
            if (h->nlmsg_len < NLMSG_LENGTH(sizeof(inet_diag_msg))) {
                continue;
            }
            const auto* msg = static_cast<const inet_diag_msg*>(NLMSG_DATA(h));
            SocketEntry entry;
            entry.family = msg->idiag_family;
            entry.state = msg->idiag_state;
            entry.timer = msg->idiag_timer;
            entry.expiresMs = msg->idiag_expires;
            entry.localPort = ntohs(msg->id.idiag_sport);
            entry.remotePort = ntohs(msg->id.idiag_dport);
            std::memcpy(entry.localAddr.data(), msg->id.idiag_src, 16);
            std::memcpy(entry.remoteAddr.data(), msg->id.idiag_dst, 16);
            entry.rqueue = msg->idiag_rqueue;
            entry.wqueue = msg->idiag_wqueue;
            entry.uid = msg->idiag_uid;
            entry.inode = msg->idiag_inode;
            visit(entry);
        }
    }
    throw std::runtime_error("sock_diag dump did not end");
}

void dumpFamily(int family, const SockDiag::Visitor& visit) {
    struct {
        nlmsghdr header;
        inet_diag_req_v2 request;
    } message{};
    message.header.nlmsg_len = sizeof message;
    message.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    message.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    message.header.nlmsg_seq = 1;
    message.request.sdiag_family = static_cast<std::uint8_t>(family);
    message.request.sdiag_protocol = IPPROTO_TCP;
    // Every state bit, including TCP_NEW_SYN_RECV (12) so request socks are seen as SYN_RECV.
    message.request.idiag_states = ~0u;
    dump(message, visit);
}

// The legacy TCPDIAG_GETSOCK request: inet_diag_rcv_msg_compat() dumps with sdiag_family
// AF_UNSPEC, so one walk of the shared TCP ehash returns IPv4 and IPv6 sockets together,
// instead of one walk per family (half the kernel time with many sockets).
void dumpBothFamilies(const SockDiag::Visitor& visit) {
    struct {
        nlmsghdr header;
        inet_diag_req request;
    } message{};
    message.header.nlmsg_len = sizeof message;
    message.header.nlmsg_type = TCPDIAG_GETSOCK;
    message.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    message.header.nlmsg_seq = 1;
    message.request.idiag_family = AF_INET;
    message.request.idiag_states = ~0u;
    dump(message, visit);
}

}  // namespace

void SockDiag::forEachTcpSocket(const Visitor& visit) {
    // Nothing is visited before the compat dump has answered: if its first reply is an error,
    // fall back to one SOCK_DIAG_BY_FAMILY dump per family, as ss does the other way round.
    bool started = false;
    try {
        dumpBothFamilies([&](const SocketEntry& e) {
            started = true;
            visit(e);
        });
        return;
    } catch (const std::runtime_error&) {
        if (started) {
            throw;
        }
    }
    dumpFamily(AF_INET, visit);
    dumpFamily(AF_INET6, visit);
}

std::vector<SocketEntry> SockDiag::dumpTcp() {
    std::vector<SocketEntry> entries;
    forEachTcpSocket([&entries](const SocketEntry& e) { entries.push_back(e); });
    return entries;
}

}  // namespace closelab::kernel
