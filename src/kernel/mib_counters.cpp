#include "kernel/mib_counters.h"

#include "kernel/text_fields.h"

#include <charconv>
#include <fstream>
#include <sstream>
#include <vector>

namespace closelab::kernel {

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
        const auto w = splitWords(line);
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
    Values values = parse(readWholeFile("/proc/net/netstat"), "TcpExt");
    for (auto& [name, value] : parse(readWholeFile("/proc/net/snmp"), "Tcp")) {
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
