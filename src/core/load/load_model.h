#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/load/load_control.h"
#include "core/load/load_result.h"
#include "core/load/load_spec.h"

namespace closelab::core {

// Simulates the load: pure and deterministic (same spec and seed, same result).
// Throws LoadSpecError (one line) for bad parameters or options.
LoadResult runLoad(const LoadSpec& spec);
// The same run, watched: progress in simulated time, and LoadCancelled once control.stop is
// requested (checked before the run and every kLoadPollEvents events during it).
LoadResult runLoad(const LoadSpec& spec, const LoadControl& control);

// The `closelab-cli load --format json` document: spec, series, summary [, connections].
nlohmann::json loadResultToJson(const LoadResult& result);
nlohmann::json loadSpecToJson(const LoadSpec& spec);
// Its "summary" object (also one per point of a sweep).
nlohmann::json loadSummaryToJson(const LoadSummary& summary);

// One row per sample, one column per host x state, then per-host connect/port/memory columns.
std::string loadResultToCsv(const LoadResult& result);

}  // namespace closelab::core
