#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/json_node.h"
#include "core/quiz/quiz_run.h"

namespace closelab::core::quiz {

// The key language of docs/questions.md ("Selectors"):
//   {"from": SOURCE, "where": {FIELD: VALUE, ...}, "nth": N, "value": FIELD|"count"|"duration_us"}
// `where` keeps the records whose fields equal the values (flags compare as sets; {"in": [...]},
// {"contains": X}, {"not": V} and the keys after_us / before_us on t_us are the extras);
// `nth` picks the N-th kept record, 1-based, negative from the end (default 1); `value` reads a
// field (dotted path for nested objects), "count" (kept records, nth ignored) or "duration_us"
// (transitions: until the next transition of the same socket on the same host, or the run's end).
struct Selection {
    std::size_t kept = 0;                    // records left after `where`
    std::optional<std::size_t> index;        // the picked record's index in its source
    const nlohmann::json* record = nullptr;  // the picked record
    std::optional<nlohmann::json> value;     // none: out of range, or the field is missing / null
};

// Evaluates a selector (already validated, params substituted) over a run's records. A source
// this run does not have selects nothing.
Selection select(const nlohmann::json& selector, const RunRecords& records);

// A CLAIM: {"key": SELECTOR, "op": "=="|"!="|"<"|"<="|">"|">=", "value": V}, {"all": [...]},
// {"any": [...]}, {"not": CLAIM}. A claim on a selector without a value is false, whatever the
// op ("!=" included), so a broken key never makes a distractor look right.
bool claimHolds(const nlohmann::json& claim, const RunRecords& records);

// Loose equality of a record's field and a wanted value: numbers by value, a number and its
// decimal text alike, flag lists as sets; strings case-sensitive.
bool valuesEqual(const nlohmann::json& have, const nlohmann::json& want);

// Validation at load time (on the file's nodes, so errors carry line and column). `field` names
// where the selector sits ("key", "choices[1].claim", ...). Throws InputError(QuestionBadSelector
// / ScenarioUnknownField / ...).
void validateSelector(const JsonNode& node, const std::string& field, std::string_view source);
void validateClaim(const JsonNode& node, const std::string& field, std::string_view source);

// The sources a selector may read (all run types together).
const std::vector<std::string_view>& selectorSources();

// The selector as one line of JSON, in the file's key order (quiz show prints it).
std::string selectorText(const nlohmann::json& selector);

}  // namespace closelab::core::quiz
