#include "core/counters.h"

namespace closelab::core {

namespace {

constexpr const auto& kMibs = tcp::kMibTable;

}  // namespace

std::string_view mibName(Mib mib) {
    const auto i = static_cast<std::size_t>(mib);
    return i < kMibs.size() ? kMibs[i].name : std::string_view("?");
}

std::string_view mibGroup(Mib mib) {
    const auto i = static_cast<std::size_t>(mib);
    return i < kMibs.size() ? kMibs[i].group : std::string_view("?");
}

std::optional<Mib> parseMib(std::string_view name) {
    for (std::size_t i = 0; i < kMibs.size(); ++i) {
        if (kMibs[i].name == name)
            return static_cast<Mib>(i);
    }
    return std::nullopt;
}

}  // namespace closelab::core
