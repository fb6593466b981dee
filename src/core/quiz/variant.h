#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/quiz/question.h"
#include "core/quiz/quiz_run.h"

namespace closelab::core::quiz {

// One variant of a question: its params drawn from the variant seed and substituted everywhere
// ({NAME} in texts, run arguments, selectors and claim values).
//
// The draw (documented in docs/questions.md): an Rng (core/rng.h, xoshiro256** seeded by
// splitmix64) seeded with `seed XOR fnv1a64(question id)`; params in file order; a range
// {"from": A, "to": B} takes A + below(B - A + 1), a list {"one_of": [...]} takes element
// below(size). The same question and seed always give the same variant, on every platform.
struct Variant {
    Question question;  // a copy with every placeholder filled
    std::uint64_t seed = 1;
    std::vector<std::pair<std::string, nlohmann::json>> params;  // drawn values, file order
    std::optional<QuizRun> run;                      // the question's run (null for none)
    std::vector<std::optional<QuizRun>> choiceRuns;  // per choice: its own run, if it has one

    // The run a choice's claim is evaluated on (its own, else the question's).
    const QuizRun* runOf(std::size_t choice) const;
};

// Throws InputError when a substituted run cannot be read (a param made an argument invalid).
Variant instantiate(const Question& question, std::uint64_t seed);

// The text with {NAME} replaced by the params' values (exposed for tests and the UI).
std::string substitute(const std::string& text,
                       const std::vector<std::pair<std::string, nlohmann::json>>& params);

}  // namespace closelab::core::quiz
