#pragma once

#include <array>
#include <cstdint>
#include <optional>

#include "core/four_tuple.h"
#include "core/rng.h"
#include "core/sysctls.h"

namespace closelab::core {

// What the caller's check says about one candidate local port for (saddr, daddr, dport).
enum class PortCheck : std::uint8_t {
    Free,   // no socket has this 4-tuple: take it
    Reuse,  // a TIME_WAIT has it and tcp_twsk_unique() allows taking it over
    Busy,   // an established socket or a non-reusable TIME_WAIT has it, or bind() owns the port
};

struct PortChoice {
    std::uint16_t port = 0;
    bool reusedTimeWait = false;
    std::uint32_t probes = 0;  // candidates looked at (for the load model's cost figures)
};

// The ephemeral port choice of connect(), as net/ipv4/inet_hashtables.c:__inet_hash_connect()
// does it (6.x): a start offset from a keyed hash of (saddr, daddr, dport) plus a perturbation
// table, scanned with step 2 so the first pass tries ports of the parity of `low` (even with the
// default 32768) and only then the other parity; a port is usable if its 4-tuple is unique
// (per destination). After success the perturbation slot advances by max(i, rand(8)*2) + 2, which
// is why successive connects get ports "in random order" but evens first. EADDRNOTAVAIL = nullopt.
class PortAllocator {
public:
    static constexpr std::size_t kPerturbSize = 1u << 8;  // INET_TABLE_PERTURB_SIZE

    explicit PortAllocator(std::uint64_t seed = 1) : m_rng(seed) {
        m_secret = m_rng.next();
        for (auto& p : m_perturb)
            p = m_rng.next32();
    }

    // check(std::uint16_t port) -> PortCheck. Reserved ports (ip_local_reserved_ports) are
    // skipped before check() is called.
    template <class Check>
    std::optional<PortChoice> connectPort(const Sysctls& sysctls, Ipv4 saddr, Ipv4 daddr,
                                          std::uint16_t dport, Check&& check) {
        return connectPort(sysctls, saddr, daddr, dport, check,
                           [](std::uint16_t) { return std::uint32_t{0}; });
    }

    // The same search for callers that know more: skipBusy(port) returns how many candidates
    // in scan order (port, port+2, ... wrapping inside the range) are certainly Busy, so they
    // are passed over without calling check(). The choice is identical; only the cost changes
    // (the load model uses per-destination bitmaps, so a nearly full range costs O(1)).
    template <class Check, class SkipBusy>
    std::optional<PortChoice> connectPort(const Sysctls& sysctls, Ipv4 saddr, Ipv4 daddr,
                                          std::uint16_t dport, Check&& check, SkipBusy&& skipBusy) {
        const std::uint32_t low = sysctls.localPortLow;
        const std::uint32_t high = std::uint32_t{sysctls.localPortHigh} + 1;  // [low, high[
        std::uint32_t remaining = high - low;
        if (remaining > 1)
            remaining &= ~1u;
        const std::uint64_t portOffset = keyedHash(saddr, daddr, dport);
        const std::size_t index = portOffset & (kPerturbSize - 1);
        std::uint32_t offset =
            static_cast<std::uint32_t>((m_perturb[index] + (portOffset >> 32)) % remaining);
        offset &= ~1u;  // first pass: ports of low's parity (inet_csk_get_port() does the other)
        constexpr std::uint32_t kStep = 2;
        std::uint32_t probes = 0;
        for (;;) {
            std::uint32_t port = low + offset;
            for (std::uint32_t i = 0; i < remaining; i += kStep, port += kStep) {
                if (port >= high)
                    port -= remaining;
                if (const std::uint32_t busy = skipBusy(static_cast<std::uint16_t>(port));
                    busy > 0) {
                    // Land on the last busy candidate; the loop's increment steps past it.
                    i += (busy - 1) * kStep;
                    port += (busy - 1) * kStep;
                    if (port >= high)
                        port -= remaining;
                    continue;
                }
                const auto p = static_cast<std::uint16_t>(port);
                if (!sysctls.reservedPorts.empty() && sysctls.isReservedPort(p))
                    continue;
                ++probes;
                const PortCheck c = check(p);
                if (c == PortCheck::Busy)
                    continue;
                // A little randomness for the next search (max() with a random so that on low
                // contention it is maximal and on high contention it vanishes).
                const std::uint32_t r = m_rng.below(8) * kStep;
                m_perturb[index] += (i > r ? i : r) + kStep;
                return PortChoice{p, c == PortCheck::Reuse, probes};
            }
            ++offset;
            if (!((offset & 1) && remaining > 1))
                return std::nullopt;
        }
    }

private:
    // secure_ipv4_port_ephemeral(): siphash of the addresses and port with a boot-time secret.
    std::uint64_t keyedHash(Ipv4 saddr, Ipv4 daddr, std::uint16_t dport) const {
        FourTuple t{saddr, daddr, 0, dport};
        return hashFourTuple(t) ^ (m_secret * 0xD6E8FEB86659FD93ULL);
    }

    Rng m_rng;
    std::uint64_t m_secret = 0;
    std::array<std::uint32_t, kPerturbSize> m_perturb{};
};

}  // namespace closelab::core
