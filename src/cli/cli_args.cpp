#include "cli/cli_args.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace closelab::cli {

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
                         std::to_string(hi) + ", got " + text);
    }
    return value;
}

double parseNumber(const std::string& option, const std::string& text, double lo, double hi) {
    char* endp = nullptr;
    const double value = std::strtod(text.c_str(), &endp);
    if (text.empty() || endp != text.c_str() + text.size() || !std::isfinite(value)) {
        throw UsageError(option + " expects a number, got '" + text + "'");
    }
    if (value < lo || value > hi) {
        throw UsageError(option + " must be between " + std::to_string(lo) + " and " +
                         std::to_string(hi) + ", got " + text);
    }
    return value;
}

}  // namespace closelab::cli
