#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace closelab::kernel {

// What `closelab-cli import` learned from pasted `ss` / `netstat` text.
struct ImportResult {
    struct Skipped {
        std::size_t line = 0;  // 1-based line number in the input
        std::string reason;
    };

    // "ss-tan", "ss-s", "netstat-an" or "netstat-awk" (the seeds' `awk '{++S[$NF]}'` summary).
    std::string format;
    // closelab state name (TIME_WAIT, CLOSE_WAIT, ...) -> sockets.
    std::map<std::string, long long> counts;
    // local port as printed (a number, or a service name when pasted without -n) -> state -> n.
    std::map<std::string, std::map<std::string, long long>> byLocalPort;
    // `ss -s` only: the other figures of its "TCP:" line (total, closed, orphaned).
    std::map<std::string, long long> totals;
    // The first kMaxSkippedListed skipped lines; skippedTotal counts all of them.
    std::vector<Skipped> skipped;
    std::size_t skippedTotal = 0;

    static constexpr std::size_t kMaxSkippedListed = 1000;
};

nlohmann::json toJson(const ImportResult& result);

}  // namespace closelab::kernel
