#pragma once

#include <cstddef>
#include <string>

#include "cli/commands.h"
#include "core/load/load_args.h"
#include "core/load/load_spec.h"

namespace closelab::cli {

// The value after option args[i] (advancing i), or UsageError when it is missing.
const std::string& needValue(const Args& args, std::size_t& i);

using core::LoadFlagLimits;

// core::parseSharedLoadFlag() with its errors as UsageError.
bool parseSharedLoadFlag(const Args& args, std::size_t& i, const LoadFlagLimits& limits,
                         core::LoadSpec& spec, std::string& format, bool& help);

// The whole `load` argument list (core::loadSpecFromArgs) with its errors as UsageError;
// `command` names the command in the error for an unknown option.
core::LoadSpec parseLoadArgs(const Args& args, std::string& format, bool& help,
                             const char* command = "load");

}  // namespace closelab::cli
