#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/quiz/question_bank.h"
#include "core/quiz/quiz_run.h"
#include "core/quiz/variant.h"

namespace closelab::core::quiz {

// What `closelab-cli quiz check` verifies for every question and variant seed, because keys are
// computed and a change in the engine (or a typo in a selector) can silently break a question:
// every run plays and every selector in keys, claims, goals and guards selects a value; choice
// has exactly one right choice, multi_choice at least one, and the others are wrong on their
// own runs; predict_next's pause resolves and comes no later than the revealed record;
// fix_config fails with the defaults and some combination of its knobs passes; order items pick
// distinct segments; and the expected answer, typed back, grades correct.
struct CheckProblem {
    std::string questionId;
    std::uint64_t seed = 0;
    std::string message;  // English, one line
};

struct CheckReport {
    std::vector<CheckProblem> problems;
    std::size_t questions = 0;
    std::size_t variants = 0;
    bool ok() const { return problems.empty(); }
};

// The problems of one variant (empty when it is sound).
std::vector<std::string> checkVariant(const Variant& variant, RunCache& runs);

// Every question of `bank` for each seed; `knownIds` are the ids follow_ups may name (the bank's
// own ids are always known).
CheckReport checkQuestions(const std::vector<Question>& questions,
                           const std::vector<std::uint64_t>& seeds, RunCache& runs,
                           const std::vector<std::string>& knownIds = {});

}  // namespace closelab::core::quiz
