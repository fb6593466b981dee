#include "kernel/mib_counters.h"

#include <charconv>
#include <fstream>
#include <sstream>
#include <vector>

namespace closelab::kernel {

namespace {

std::vector<std::string_view> split(std::string_view line) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && line[i] == ' ') {
            ++i;
        }
        const auto start = i;
        while (i < line.size() && line[i] != ' ') {
            ++i;
        }
        if (i > start) {
            out.push_back(line.substr(start, i - start));
        }
    }
    return out;
}

std::string slurp(const char* path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

MibCounters::Values MibCounters::parse(std::string_view text, std::string_view prefix) {
    Values values;
    std::vector<std::string_view> names;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        const auto line = text.substr(start, end - start);
        start = end + 1;
        const auto w = split(line);
        if (w.empty() || w[0].size() != prefix.size() + 1 ||
            w[0].substr(0, prefix.size()) != prefix || w[0].back() != ':') {
            continue;
        }
        if (names.empty()) {
            names = w;
            continue;
        }
        for (std::size_t i = 1; i < w.size() && i < names.size(); ++i) {
            long long value = 0;
            std::from_chars(w[i].data(), w[i].data() + w[i].size(), value);
            values[std::string(names[i])] = value;
        }
        names.clear();
    }
    return values;
}

MibCounters::Values MibCounters::read() {
    Values values = parse(slurp("/proc/net/netstat"), "TcpExt");
    for (auto& [name, value] : parse(slurp("/proc/net/snmp"), "Tcp")) {
        values.emplace(name, value);
    }
    return values;
}

MibCounters::Values MibCounters::delta(const Values& before, const Values& after) {
    Values out;
    for (const auto& [name, value] : after) {
        const auto it = before.find(name);
        out[name] = value - (it == before.end() ? 0 : it->second);
    }
    return out;
}

}  // namespace closelab::kernel
