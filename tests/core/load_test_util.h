#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/load/load_model.h"

namespace closelab::core::loadtest {

inline const LoadHostSeries& host(const LoadResult& r, const std::string& name) {
    for (const auto& h : r.hosts) {
        if (h.host == name) {
            return h;
        }
    }
    throw std::runtime_error("no host " + name);
}

inline std::size_t stateIdx(const std::string& name) {
    for (std::size_t i = 0; i < kLoadStateCount; ++i) {
        if (kLoadStateNames[i] == name) {
            return i;
        }
    }
    throw std::runtime_error("no state " + name);
}

// Sample index at time `ms` (the sample must exist).
inline std::size_t at(const LoadResult& r, std::int64_t ms) {
    const auto it = std::find(r.tMs.begin(), r.tMs.end(), ms);
    if (it == r.tMs.end()) {
        throw std::runtime_error("no sample at " + std::to_string(ms));
    }
    return static_cast<std::size_t>(it - r.tMs.begin());
}

inline std::uint32_t count(const LoadResult& r, const std::string& h, const std::string& state,
                           std::int64_t ms) {
    return host(r, h).states[stateIdx(state)][at(r, ms)];
}

inline std::uint32_t last(const LoadResult& r, const std::string& h, const std::string& state) {
    return host(r, h).states[stateIdx(state)].back();
}

inline std::uint32_t total(const LoadResult& r, const std::string& h, std::size_t k) {
    std::uint32_t n = 0;
    for (std::size_t s = 0; s < kLoadStateCount; ++s) {
        n += host(r, h).states[s][k];
    }
    return n;
}

inline std::int64_t counter(const LoadResult& r, const std::string& h, const std::string& name) {
    const auto hit = r.summary.counters.find(h);
    if (hit == r.summary.counters.end()) {
        return 0;
    }
    const auto it = hit->second.find(name);
    return it == hit->second.end() ? 0 : it->second;
}

inline std::uint64_t failed(const LoadResult& r, const std::string& err) {
    const auto it = r.summary.failed.find(err);
    return it == r.summary.failed.end() ? 0 : it->second;
}

// A tight loop of `count` attempts on one host, like the Python experiments.
inline LoadSpec tightLoop(std::uint64_t count, double durationS = 1.0) {
    LoadSpec s;
    s.count = count;
    s.durationS = durationS;
    s.connections = true;
    s.sampleMs = 10;
    s.rttMs = 0.05;  // the measurements ran on loopback
    return s;
}

inline LoadSpec& set(LoadSpec& s, const std::string& name, const std::string& value) {
    s.settings.emplace_back(name, value);
    return s;
}

}  // namespace closelab::core::loadtest
