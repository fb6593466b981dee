// The kernel-side sub-commands: import, live (here) and kernel-run, kernel-load, compare
// (kernel_lab_commands.cpp).
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/cli_args.h"
#include "cli/commands.h"
#include "kernel/import_error.h"
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
                         "`-ant`, or the\n`netstat -n | awk '/^tcp/ {++S[$NF]} END {...}'` summary"
                         " and prints JSON:\n{format, counts, by_local_port, skipped:[{line, "
                         "reason}]}.\n";
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

int cmdLive(const Args&) {
    throw UsageError("'live' is not built yet");
}

}  // namespace closelab::cli
