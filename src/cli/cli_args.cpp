#include "cli/cli_args.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "core/error.h"

namespace closelab::cli {

std::string formatNumber(double value) {
    // Shortest fixed-notation text that reads back as the same double: 1e-06 prints as
    // "0.000001", 1e7 as "10000000", 0.99 as "0.99" (never "%f"'s "10000000.000000").
    std::array<char, 400> buf{};
    const auto [end, ec] =
        std::to_chars(buf.data(), buf.data() + buf.size(), value, std::chars_format::fixed);
    if (ec != std::errc{}) {
        return std::to_string(value);
    }
    return std::string(buf.data(), end);
}

long long parseInteger(const std::string& option, const std::string& text, long long lo,
                       long long hi) {
    long long value = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc{} || ptr != end || text.empty()) {
        throw UsageError(option + " expects a whole number, got '" + text + "'");
    }
    if (value < lo || value > hi) {
        throw UsageError(option + " must be between " + std::to_string(lo) + " and " +
                         std::to_string(hi) + ", got '" + text + "'");
    }
    return value;
}

double parseNumber(const std::string& option, const std::string& text, double lo, double hi) {
    const double value = parseAnyNumber(option, text);
    if (value < lo || value > hi) {
        throw UsageError(option + " must be between " + formatNumber(lo) + " and " +
                         formatNumber(hi) + ", got '" + text + "'");
    }
    return value;
}

std::uint64_t parseSeed(const std::string& text) {
    std::uint64_t seed = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, seed);
    if (text.empty() || ec != std::errc{} || ptr != end) {
        throw UsageError(core::InputError(core::ErrorId::BadSeed, {{"value", text}}).what());
    }
    return seed;
}

double parseAnyNumber(const std::string& option, const std::string& text) {
    char* endp = nullptr;
    const double value = std::strtod(text.c_str(), &endp);
    if (text.empty() || endp != text.c_str() + text.size() || !std::isfinite(value)) {
        throw UsageError(option + " expects a number, got '" + text + "'");
    }
    return value;
}

}  // namespace closelab::cli
