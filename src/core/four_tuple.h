#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace closelab::core {

using Ipv4 = std::uint32_t;  // host byte order

std::string formatIpv4(Ipv4 ip);
std::optional<Ipv4> parseIpv4(std::string_view text);
inline bool isLoopback(Ipv4 ip) {
    return (ip >> 24) == 127;
}

// A connection as seen by one host: local then remote. 12 bytes, hashable.
struct FourTuple {
    Ipv4 localIp = 0;
    Ipv4 remoteIp = 0;
    std::uint16_t localPort = 0;
    std::uint16_t remotePort = 0;

    friend bool operator==(const FourTuple&, const FourTuple&) = default;
    FourTuple reversed() const { return {remoteIp, localIp, remotePort, localPort}; }
    // "10.0.0.1:40000 10.0.0.2:80"
    std::string toString() const;
};

// 64-bit mix of the tuple (splitmix64 finaliser); cheap and good enough for open addressing.
inline std::uint64_t hashFourTuple(const FourTuple& t) {
    std::uint64_t x = (std::uint64_t{t.localIp} << 32) ^ t.remoteIp;
    x ^= (std::uint64_t{t.localPort} << 16 | t.remotePort) * 0x9E3779B97F4A7C15ULL;
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ULL;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBULL;
    x ^= x >> 31;
    return x;
}

struct FourTupleHash {
    std::size_t operator()(const FourTuple& t) const { return hashFourTuple(t); }
};

std::string formatEndpoint(Ipv4 ip, std::uint16_t port);  // "10.0.0.1:40000"

}  // namespace closelab::core
