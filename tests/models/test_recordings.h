#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/recording.h"
#include "core/scenario.h"
#include "core/simulate.h"

namespace closelab::tests {

// A real run of a built-in scenario (the engine is deterministic for a seed).
inline std::shared_ptr<const core::Recording> runBuiltin(
    const std::string& id, std::vector<core::OptionOverride> overrides = {}) {
    core::RunConfig config;
    config.overrides = std::move(overrides);
    return std::make_shared<const core::Recording>(
        core::simulate(core::builtinScenario(id), config));
}

}  // namespace closelab::tests
