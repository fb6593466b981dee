#pragma once

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
double parseNumber(const std::string& option, const std::string& text, double lo, double hi);

}  // namespace closelab::cli
