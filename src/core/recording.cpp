#include "core/recording.h"

#include <algorithm>
#include <map>

namespace closelab::core {

namespace {

struct FlagName {
    std::uint8_t bit;
    const char* name;
    char shortName;
};

// tcpdump order.
constexpr std::array<FlagName, 5> kFlags = {{
    {kSyn, "SYN", 'S'},
    {kFin, "FIN", 'F'},
    {kRst, "RST", 'R'},
    {kPsh, "PSH", 'P'},
    {kAck, "ACK", '.'},
}};

}  // namespace

std::vector<std::string> flagNames(std::uint8_t flags) {
    std::vector<std::string> out;
    for (const auto& f : kFlags) {
        if (flags & f.bit)
            out.emplace_back(f.name);
    }
    return out;
}

std::uint8_t parseFlagNames(const std::vector<std::string>& names) {
    std::uint8_t flags = 0;
    for (const auto& n : names) {
        for (const auto& f : kFlags) {
            if (n == f.name)
                flags |= f.bit;
        }
    }
    return flags;
}

std::string flagsShort(std::uint8_t flags) {
    std::string out;
    for (const auto& f : kFlags) {
        if (flags & f.bit)
            out += f.shortName;
    }
    return out.empty() ? std::string("none") : out;
}

std::string_view fateName(Fate fate) {
    switch (fate) {
        case Fate::Delivered:
            return "delivered";
        case Fate::Lost:
            return "lost";
        case Fate::Dropped:
            return "dropped";
        case Fate::Delayed:
            return "delayed";
    }
    return "delivered";
}

std::string_view timerKindName(TimerKind kind) {
    switch (kind) {
        case TimerKind::TimeWait:
            return "TIME_WAIT";
        case TimerKind::FinWait2:
            return "FIN_WAIT_2";
        case TimerKind::Retransmit:
            return "RTO";
        case TimerKind::LossProbe:
            return "TLP";
        case TimerKind::Linger:
            return "LINGER";
        case TimerKind::Keepalive:
            return "KEEPALIVE";
        case TimerKind::Syn:
            return "SYN";
    }
    return "RTO";
}

int Recording::hostIndex(std::string_view name) const {
    for (std::size_t i = 0; i < hosts.size(); ++i) {
        if (hosts[i].name == name)
            return static_cast<int>(i);
    }
    return -1;
}

std::vector<SocketRow> socketsAt(const Recording& rec, SimTime t) {
    // Last transition at or before t of each (host, socket), in order of first appearance.
    std::map<std::pair<std::string, int>, std::size_t> last;
    std::vector<std::pair<std::string, int>> order;
    for (std::size_t i = 0; i < rec.transitions.size(); ++i) {
        const RecTransition& tr = rec.transitions[i];
        if (tr.tUs > t)
            continue;
        const auto key = std::make_pair(tr.host, tr.socket);
        if (last.find(key) == last.end())
            order.push_back(key);
        last[key] = i;
    }
    std::vector<SocketRow> rows;
    // Hosts in recording order, then sockets in order of appearance.
    for (const RecHost& h : rec.hosts) {
        for (const auto& key : order) {
            if (key.first != h.name)
                continue;
            const RecTransition& tr = rec.transitions[last[key]];
            if (tr.to == TcpState::Closed)
                continue;
            SocketRow r;
            r.host = tr.host;
            r.socket = tr.socket;
            r.state = tr.to;
            r.local = tr.local;
            r.remote = tr.remote;
            r.connection = tr.connection;
            for (const RecTimer& tm : rec.timers) {
                if (tm.socket == tr.socket && tm.host == tr.host && tm.startUs <= t &&
                    tm.endUs > t &&
                    (tm.kind == TimerKind::TimeWait || tm.kind == TimerKind::FinWait2)) {
                    const SimTime left = tm.endUs - t;
                    r.timer = "timewait," + std::to_string(left / 1000) + "ms";
                }
            }
            rows.push_back(std::move(r));
        }
    }
    return rows;
}

Counters countersAt(const Recording& rec, int host, SimTime t) {
    Counters c;
    for (const RecCounterDelta& d : rec.counterDeltas) {
        if (d.host == host && d.tUs <= t && d.mib != Mib::Count)
            c.add(d.mib, static_cast<std::uint64_t>(d.delta));
    }
    return c;
}

std::array<int, kStateCount> stateCountsAt(const Recording& rec, int host, SimTime t) {
    std::array<int, kStateCount> counts{};
    if (host < 0 || static_cast<std::size_t>(host) >= rec.hosts.size())
        return counts;
    for (const SocketRow& r : socketsAt(rec, t)) {
        if (r.host == rec.hosts[static_cast<std::size_t>(host)].name)
            ++counts[stateIndex(r.state)];
    }
    return counts;
}

}  // namespace closelab::core
