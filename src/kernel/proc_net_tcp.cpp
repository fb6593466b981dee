#include "kernel/proc_net_tcp.h"

#include "kernel/text_fields.h"

#include <netinet/in.h>
#include <sys/socket.h>

#include <charconv>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace closelab::kernel {

namespace {

template <typename T>
bool parseHex(std::string_view text, T& value) {
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value, 16);
    return ec == std::errc{} && ptr == text.data() + text.size();
}

// "0100007F:1389": the address is printed as 32-bit words in host byte order.
bool parseEndpoint(std::string_view text, int family, std::array<std::uint8_t, 16>& addr,
                   std::uint16_t& port) {
    const auto colon = text.find(':');
    const std::size_t hexLen = family == AF_INET ? 8 : 32;
    if (colon != hexLen || !parseHex(text.substr(colon + 1), port)) {
        return false;
    }
    for (std::size_t word = 0; word < hexLen / 8; ++word) {
        std::uint32_t value = 0;
        if (!parseHex(text.substr(word * 8, 8), value)) {
            return false;
        }
        std::memcpy(addr.data() + word * 4, &value, 4);
    }
    return true;
}

}  // namespace

std::vector<SocketEntry> ProcNetTcp::parse(std::string_view text, int family) {
    std::vector<SocketEntry> entries;
    std::size_t start = 0;
    bool header = true;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        const auto line = text.substr(start, end - start);
        start = end + 1;
        if (header) {
            header = false;
            continue;
        }
        const auto w = splitWords(line);
        if (w.size() < 10) {
            continue;
        }
        SocketEntry e;
        e.family = family;
        const auto queues = w[4].find(':');
        const auto timer = w[5].find(':');
        if (!parseEndpoint(w[1], family, e.localAddr, e.localPort) ||
            !parseEndpoint(w[2], family, e.remoteAddr, e.remotePort) || !parseHex(w[3], e.state) ||
            queues == std::string_view::npos || !parseHex(w[4].substr(0, queues), e.wqueue) ||
            !parseHex(w[4].substr(queues + 1), e.rqueue) || timer == std::string_view::npos ||
            !parseHex(w[5].substr(0, timer), e.timer)) {
            continue;
        }
        std::uint32_t ticks = 0;
        if (parseHex(w[5].substr(timer + 1), ticks)) {
            e.expiresMs = ticks * 10;  // USER_HZ = 100 ticks per second
        }
        std::from_chars(w[7].data(), w[7].data() + w[7].size(), e.uid);
        std::from_chars(w[9].data(), w[9].data() + w[9].size(), e.inode);
        entries.push_back(e);
    }
    return entries;
}

std::vector<SocketEntry> ProcNetTcp::read() {
    const std::string v4 = readWholeFile("/proc/net/tcp");
    if (v4.empty()) {
        throw std::runtime_error("cannot read /proc/net/tcp");
    }
    auto entries = parse(v4, AF_INET);
    auto v6 = parse(readWholeFile("/proc/net/tcp6"), AF_INET6);
    entries.insert(entries.end(), v6.begin(), v6.end());
    return entries;
}

}  // namespace closelab::kernel
