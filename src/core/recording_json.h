#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/recording.h"

namespace closelab::core {

// The JSON of `closelab-cli run` (issue 3's contract). Byte-identical output for equal recordings
// (ordered keys, no floating point).
nlohmann::ordered_json toJson(const Recording& rec);

// Reads what toJson() (or the kernel lab, "source":"kernel") wrote. Throws InputError(JsonSyntax,
// ScenarioMissingField, ...) for malformed input.
Recording recordingFromJson(const nlohmann::json& json);

// `--format text`: a readable trace (segments like tcpdump, transitions, notes in English).
std::string toText(const Recording& rec);

}  // namespace closelab::core
