// Flags shared by `closelab-cli load` and `kernel-load`: the parser is the core's
// (core/load/load_args.h, which a question's load run uses too); its errors are usage errors here.
#include "cli/load_flags.h"

#include "cli/cli_args.h"

namespace closelab::cli {

const std::string& needValue(const Args& args, std::size_t& i) {
    try {
        return core::needArgValue(args, i);
    } catch (const core::LoadArgsError& e) {
        throw UsageError(e.what());
    }
}

bool parseSharedLoadFlag(const Args& args, std::size_t& i, const LoadFlagLimits& limits,
                         core::LoadSpec& spec, std::string& format, bool& help) {
    try {
        return core::parseSharedLoadFlag(args, i, limits, spec, format, help);
    } catch (const core::LoadArgsError& e) {
        throw UsageError(e.what());
    }
}

core::LoadSpec parseLoadArgs(const Args& args, std::string& format, bool& help,
                             const char* command) {
    try {
        return core::loadSpecFromArgs(args, format, help, command);
    } catch (const core::LoadArgsError& e) {
        throw UsageError(e.what());
    }
}

}  // namespace closelab::cli
