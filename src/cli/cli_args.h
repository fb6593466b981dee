#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace closelab::cli {

// Thrown for bad command-line input; main() prints "closelab-cli: <what>" and exits 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Parses a whole decimal integer in [lo, hi] or throws UsageError naming the option.
long long parseInteger(const std::string& option, const std::string& text, long long lo,
                       long long hi);
// Parses a finite decimal number in [lo, hi] or throws UsageError naming the option.
double parseNumber(const std::string& option, const std::string& text, double lo, double hi);
// Parses a finite decimal number, leaving its range to the caller (the core's own check).
double parseAnyNumber(const std::string& option, const std::string& text);
// A --seed value for every command (run, load, kernel-load): a whole number 0..2^64-1, the
// range of the engines' std::uint64_t seed; other text throws UsageError with the core's
// seed.bad line.
std::uint64_t parseSeed(const std::string& text);
// A double as a person writes it: "0.000001", "10000000", "0.99".
std::string formatNumber(double value);

}  // namespace closelab::cli
