#include "cli/cli_args.h"

#include "core/load/load_args.h"

namespace closelab::cli {

// The number readers are the core's (a question's load run reads its arguments the same way);
// here their errors become usage errors.
namespace {

template <class F>
auto asUsage(F&& f) {
    try {
        return f();
    } catch (const core::LoadArgsError& e) {
        throw UsageError(e.what());
    }
}

}  // namespace

std::string formatNumber(double value) {
    return core::formatNumberArg(value);
}

long long parseInteger(const std::string& option, const std::string& text, long long lo,
                       long long hi) {
    return asUsage([&] { return core::parseIntegerArg(option, text, lo, hi); });
}

double parseNumber(const std::string& option, const std::string& text, double lo, double hi) {
    return asUsage([&] { return core::parseNumberArg(option, text, lo, hi); });
}

std::uint64_t parseSeed(const std::string& text) {
    return asUsage([&] { return core::parseSeedArg(text); });
}

double parseAnyNumber(const std::string& option, const std::string& text) {
    return asUsage([&] { return core::parseAnyNumberArg(option, text); });
}

}  // namespace closelab::cli
