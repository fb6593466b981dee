#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/recording.h"
#include "core/scenario.h"
#include "core/simulate.h"

namespace closelab::test {

// Runs a built-in scenario with --set style overrides.
inline core::Recording runBuiltin(std::string_view id, const std::vector<std::string>& sets = {},
                                  std::uint64_t seed = 1) {
    core::RunConfig cfg;
    cfg.seed = seed;
    for (const auto& s : sets)
        cfg.overrides.push_back(core::parseOverride(s));
    return core::simulate(core::builtinScenario(id), cfg);
}

inline std::vector<core::RecTransition> transitionsOf(const core::Recording& rec,
                                                      std::string_view host) {
    std::vector<core::RecTransition> out;
    for (const auto& t : rec.transitions) {
        if (t.host == host)
            out.push_back(t);
    }
    return out;
}

// Times (µs) at which `host` entered state `to`.
inline std::vector<core::SimTime> entered(const core::Recording& rec, std::string_view host,
                                          core::TcpState to) {
    std::vector<core::SimTime> out;
    for (const auto& t : rec.transitions) {
        if (t.host == host && t.to == to)
            out.push_back(t.tUs);
    }
    return out;
}

inline std::vector<core::RecAppEvent> appEventsOf(const core::Recording& rec, std::string_view host,
                                                  std::string_view call) {
    std::vector<core::RecAppEvent> out;
    for (const auto& a : rec.appEvents) {
        if (a.host == host && a.call == call)
            out.push_back(a);
    }
    return out;
}

inline std::uint64_t counter(const core::Recording& rec, std::string_view host, core::Mib mib) {
    const int i = rec.hostIndex(host);
    return i < 0 ? 0 : rec.counters[static_cast<std::size_t>(i)].get(mib);
}

inline int finalCount(const core::Recording& rec, std::string_view host, core::TcpState state) {
    const int i = rec.hostIndex(host);
    int n = 0;
    for (const auto& r : rec.finalSockets[static_cast<std::size_t>(i)]) {
        if (r.state == state)
            ++n;
    }
    return n;
}

inline bool hasNote(const core::Recording& rec, core::NoteId id) {
    for (const auto& n : rec.notes) {
        if (n.id == id)
            return true;
    }
    return false;
}

}  // namespace closelab::test
