#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/scenario.h"  // LocalizedText

namespace closelab::core::quiz {

// The seven kinds of docs/questions.md.
enum class QuestionKind : std::uint8_t {
    Choice,
    MultiChoice,
    PredictNext,
    PredictValue,
    FixConfig,
    Order,
    Diagnose,
};

std::string_view kindName(QuestionKind kind);  // "choice", "multi_choice", ...
std::optional<QuestionKind> parseKind(std::string_view name);

// A `params` entry: an integer drawn from [from, to], or one of a list of values.
struct ParamSpec {
    std::string name;
    std::int64_t from = 0;
    std::int64_t to = 0;
    std::vector<nlohmann::json> oneOf;  // non-empty: draw from these instead of [from, to]
};

struct Choice {
    std::string id;
    LocalizedText text;
    LocalizedText feedback;
    nlohmann::json claim;  // a CLAIM (see selector.h)
    nlohmann::json run;    // null: the question's run; else this choice's own run
};

// fix_config: a name the learner may set and the values it may take.
struct Knob {
    std::string name;                  // as in --set: "client.net.ipv4.tcp_tw_reuse"
    std::vector<std::string> values;   // "values": [...] (as text)
    std::optional<std::int64_t> from;  // or an integer range "from".."to"
    std::optional<std::int64_t> to;
};

struct Guard {
    nlohmann::json claim;
    LocalizedText feedback;  // shown when the claim does not hold (the side effect that fired)
};

struct OrderItem {
    std::string id;
    LocalizedText label;
    nlohmann::json key;  // a selector picking one segment
};

// Numeric tolerance of predict_value, in the answer's unit (abs) or relative to the key (rel).
struct Tolerance {
    double abs = 0.0;
    double rel = 0.0;
};

// One question as the file says it, before a variant seed fills its params. Selectors, claims
// and runs stay JSON (validated when loaded) because params are substituted into them.
struct Question {
    std::string id;
    std::string topic;
    QuestionKind kind = QuestionKind::Choice;
    int level = 1;
    LocalizedText title;
    LocalizedText text;
    LocalizedText explanation;
    std::vector<ParamSpec> params;
    nlohmann::json run;  // null for a diagnose question that has only a listing
    nlohmann::json key;  // null when the kind does not use one
    std::optional<Tolerance> tolerance;
    std::string unit;     // predict_value / diagnose: "us", "ms", "s", "count", "errno", ...
    std::string keyUnit;  // the unit the key is in ("us" default for time units)
    std::vector<Choice> choices;
    std::vector<std::string> followUps;
    std::vector<std::string> tags;
    // predict_next
    nlohmann::json pause;  // selector; its record's t_us is where the ladder stops
    std::string ask;       // "flags", "state", "timer"
    // fix_config
    nlohmann::json goal;  // a CLAIM
    std::optional<LocalizedText> goalFeedback;
    std::vector<Knob> knobs;
    std::vector<Guard> guards;
    // order
    std::vector<OrderItem> items;
    // diagnose
    std::optional<LocalizedText> listing;

    // Where it came from, for messages.
    std::string source;
    int line = 0;
    int column = 0;
};

}  // namespace closelab::core::quiz
