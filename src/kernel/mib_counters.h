#pragma once

#include <map>
#include <string>
#include <string_view>

namespace closelab::kernel {

// TCP MIB counters of the caller's network namespace, named as the kernel names them (and as
// the engine's Recording does): TcpExt from /proc/net/netstat (TCPTimeWaitOverflow, TWRecycled,
// TWKilled, TCPAbortOnData, ...) and Tcp from /proc/net/snmp (OutRsts, InSegs, ...).
class MibCounters {
public:
    using Values = std::map<std::string, long long>;

    static Values read();
    // Parses the "Prefix: name name ...\nPrefix: value value ..." pairs of the given prefixes.
    static Values parse(std::string_view text, std::string_view prefix);
    // after - before for every name in after (a counter absent before counts from 0).
    static Values delta(const Values& before, const Values& after);
};

}  // namespace closelab::kernel
