#include "core/four_tuple.h"

#include <charconv>

namespace closelab::core {

std::string formatIpv4(Ipv4 ip) {
    return std::to_string(ip >> 24) + '.' + std::to_string((ip >> 16) & 0xFF) + '.' +
           std::to_string((ip >> 8) & 0xFF) + '.' + std::to_string(ip & 0xFF);
}

std::optional<Ipv4> parseIpv4(std::string_view text) {
    Ipv4 ip = 0;
    const char* p = text.data();
    const char* end = text.data() + text.size();
    for (int part = 0; part < 4; ++part) {
        unsigned value = 0;
        auto [next, ec] = std::from_chars(p, end, value);
        if (ec != std::errc{} || next == p || next - p > 3 || value > 255)
            return std::nullopt;
        ip = (ip << 8) | value;
        p = next;
        if (part < 3) {
            if (p == end || *p != '.')
                return std::nullopt;
            ++p;
        }
    }
    if (p != end)
        return std::nullopt;
    return ip;
}

std::string formatEndpoint(Ipv4 ip, std::uint16_t port) {
    return formatIpv4(ip) + ':' + std::to_string(port);
}

std::string FourTuple::toString() const {
    return formatEndpoint(localIp, localPort) + ' ' + formatEndpoint(remoteIp, remotePort);
}

}  // namespace closelab::core
