// The kernel-side sub-commands: import, live (here) and kernel-run, kernel-load, compare
// (kernel_lab_commands.cpp).
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "cli/cli_args.h"
#include "cli/commands.h"
#include "kernel/import_error.h"
#include "kernel/live_monitor.h"
#include "kernel/socket_text_import.h"

namespace closelab::cli {

namespace {

// Pasted text larger than this is not a paste; refuse it instead of eating memory.
constexpr std::size_t kMaxImportBytes = 256u * 1024u * 1024u;

std::string readAll(std::istream& in, const std::string& name) {
    std::string text;
    char buffer[65536];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        text.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (text.size() > kMaxImportBytes) {
            throw UsageError(name + " is larger than 256 MiB");
        }
    }
    if (in.bad()) {
        throw UsageError("cannot read " + name);
    }
    return text;
}

}  // namespace

int cmdImport(const Args& args) {
    std::string source;
    for (const auto& arg : args) {
        if (arg == "-h" || arg == "--help") {
            std::cout << "usage: closelab-cli import FILE|-\n"
                         "Parses pasted `ss -tan` (with or without -p), `ss -s`, `netstat -an`/"
                         "`-ant` (net-tools in\nany language Debian translates it to), Windows "
                         "`netstat -an`/`-ano`, or the\n`netstat -n | awk '/^tcp/ {++S[$NF]} END "
                         "{...}'` summary and prints JSON:\n{format, counts, by_local_port, "
                         "skipped:[{line, reason}]}. `netstat -s`, conntrack tables,\nPrometheus "
                         "metrics and lsof output are refused: they are not socket listings.\n";
            return 0;
        }
        if (!source.empty()) {
            throw UsageError("import takes one FILE (or - for standard input), got '" + arg +
                             "' too");
        }
        source = arg;
    }
    if (source.empty()) {
        throw UsageError("import needs a FILE (or - for standard input)");
    }
    std::string text;
    if (source == "-") {
        text = readAll(std::cin, "standard input");
    } else {
        std::ifstream in(source, std::ios::binary);
        if (!in) {
            throw UsageError("cannot open '" + source + "'");
        }
        text = readAll(in, "'" + source + "'");
    }
    try {
        const auto result = kernel::importSocketText(text);
        std::cout << kernel::toJson(result).dump(2) << '\n';
    } catch (const kernel::ImportError& e) {
        throw UsageError(source + ": " + e.what());
    }
    return 0;
}

namespace {

volatile std::sig_atomic_t g_stopLive = 0;

void stopLive(int) {
    g_stopLive = 1;
}

void printCsvHeader(const kernel::LiveSample& s) {
    std::cout << "t_ms";
    for (const auto& [state, count] : s.counts) {
        std::cout << ',' << state;
    }
    std::cout << ",fin_wait_2_orphaned,fin_wait_2_half_closed";
    for (const auto name : kernel::LiveMonitor::kKeyCounters) {
        std::cout << ',' << name;
    }
    std::cout << '\n';
}

void printCsvRow(const kernel::LiveSample& s) {
    std::cout << s.tMs;
    for (const auto& [state, count] : s.counts) {
        std::cout << ',' << count;
    }
    std::cout << ',' << s.orphanedFinWait2 << ',' << s.halfClosedFinWait2;
    for (const auto name : kernel::LiveMonitor::kKeyCounters) {
        std::cout << ',' << s.counters.at(std::string(name));
    }
    std::cout << '\n' << std::flush;
}

}  // namespace

int cmdLive(const Args& args) {
    long long intervalMs = 1000;
    long long samples = 1;
    long long topN = 5;
    bool csv = false;
    bool forceProc = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        const auto value = [&]() -> const std::string& {
            if (i + 1 >= args.size()) {
                throw UsageError(arg + " needs a value");
            }
            return args[++i];
        };
        if (arg == "-h" || arg == "--help") {
            std::cout << "usage: closelab-cli live [--interval-ms M] [--samples K] [--top N] "
                         "[--format json|csv] [--proc]\n"
                         "Samples this machine's (or this network namespace's) TCP socket states"
                         " K times, M ms apart,\nvia NETLINK_SOCK_DIAG (--proc: /proc/net/tcp"
                         "), with TcpExt/Tcp counter deltas, the top\nlocal ports by TIME_WAIT "
                         "and CLOSE_WAIT, and a plain-words diagnosis. Ctrl-C stops early.\n";
            return 0;
        } else if (arg == "--interval-ms") {
            intervalMs = parseInteger(arg, value(), 10, 3'600'000);
        } else if (arg == "--samples") {
            samples = parseInteger(arg, value(), 1, 10'000'000);
        } else if (arg == "--top") {
            topN = parseInteger(arg, value(), 1, 1000);
        } else if (arg == "--format") {
            const auto& f = value();
            if (f != "json" && f != "csv") {
                throw UsageError("--format must be json or csv, got '" + f + "'");
            }
            csv = f == "csv";
        } else if (arg == "--proc") {
            forceProc = true;
        } else {
            throw UsageError("live: unknown option '" + arg + "' (try live --help)");
        }
    }
    std::signal(SIGINT, stopLive);
    std::signal(SIGTERM, stopLive);
    kernel::LiveMonitor monitor(static_cast<std::size_t>(topN), forceProc);
    auto all = nlohmann::json::array();
    kernel::LiveSample last;
    const auto start = std::chrono::steady_clock::now();
    for (long long k = 0; k < samples && !g_stopLive; ++k) {
        // Sample on a fixed grid so slow samples do not make the series drift.
        std::this_thread::sleep_until(start + std::chrono::milliseconds(k * intervalMs));
        if (g_stopLive) {
            break;
        }
        last = monitor.sample();
        if (csv) {
            if (k == 0) {
                printCsvHeader(last);
            }
            printCsvRow(last);
        } else {
            all.push_back(kernel::toJson(last));
        }
    }
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    const auto range = kernel::LiveMonitor::localPortRange();
    auto diagnosis = nlohmann::json::array();
    for (const auto& d : kernel::LiveMonitor::diagnose(last, range)) {
        if (csv) {
            std::cerr << "diagnosis: " << d.text << '\n';
        }
        diagnosis.push_back({{"id", d.id}, {"text", d.text}});
    }
    if (!csv) {
        const nlohmann::json out = {{"source", "kernel"},
                                    {"ip_local_port_range", {range.first, range.second}},
                                    {"samples", std::move(all)},
                                    {"diagnosis", std::move(diagnosis)}};
        std::cout << out.dump(2) << '\n';
    }
    return 0;
}

}  // namespace closelab::cli
