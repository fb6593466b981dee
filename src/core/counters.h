#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/tcp/mib.h"

namespace closelab::core {

// SNMP/MIB counters with the kernel's names: the rulebook's one table (core/tcp/mib.h).
using tcp::kMibCount;
using tcp::Mib;

// "TCPTimeWaitOverflow", "OutRsts", ... (without the Tcp/TcpExt prefix).
std::string_view mibName(Mib mib);
// "Tcp" or "TcpExt": nstat prints prefix + name, e.g. "TcpExtTCPTimeWaitOverflow".
std::string_view mibGroup(Mib mib);
std::optional<Mib> parseMib(std::string_view name);

// One host's counters. Fixed array: no allocation, no strings on the hot path.
class Counters {
public:
    void add(Mib mib, std::uint64_t n = 1) { m_values[static_cast<std::size_t>(mib)] += n; }
    std::uint64_t get(Mib mib) const { return m_values[static_cast<std::size_t>(mib)]; }
    const std::array<std::uint64_t, kMibCount>& values() const { return m_values; }
    void reset() { m_values.fill(0); }

private:
    std::array<std::uint64_t, kMibCount> m_values{};
};

}  // namespace closelab::core
