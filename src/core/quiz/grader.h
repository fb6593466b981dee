#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/quiz/quiz_run.h"
#include "core/quiz/variant.h"

namespace closelab::core::quiz {

// Feedback on one choice or one guard of a graded answer.
struct FeedbackItem {
    std::string id;        // choice id, or "guard N" / "goal" for fix_config
    bool chosen = false;   // the learner picked this choice (choice kinds)
    bool correct = false;  // choice: it is a right answer; guard: it held
    LocalizedText text;
};

struct GradeResult {
    bool correct = false;
    std::string
        expected;  // the right answer as the learner would type it ("b", "FIN,ACK", "60000")
    std::vector<FeedbackItem> feedback;  // chosen and missed choices; failed goal and guards
    LocalizedText explanation;
    // fix_config: the goal held with the learner's settings, and the side effects that fired
    // (the feedback of every guard that did not hold).
    bool goalMet = false;
    std::vector<LocalizedText> sideEffects;

    // The feedback lines in one language, one per line.
    std::string feedbackText(bool chinese) const;
};

// Grades an answer. The key is computed on the variant's run(s) through `runs` (played once per
// cache). Throws InputError(AnswerMalformed / AnswerOutsideKnobs / AnswerValueNotAllowed) for an
// answer that cannot be read, naming what is expected; InputError(QuestionBadSelector) when the
// key selects nothing on the run (a broken question, which quiz check reports).
GradeResult grade(const Variant& variant, std::string_view answer, RunCache& runs);

// The right answer as the learner would type it (what grade() reports as `expected`).
std::string expectedAnswer(const Variant& variant, RunCache& runs);

// The choices whose claims hold on their runs, in file order.
std::vector<std::string> correctChoices(const Variant& variant, RunCache& runs);

// predict_next: where the ladder pauses (the pause record's t_us); none if it selects nothing.
std::optional<std::int64_t> revealAtUs(const Variant& variant, RunCache& runs);

// fix_config: the knob settings tried by quiz check and by expectedAnswer(), fewest changes
// first: each knob unset or at one of its values (an integer range contributes at most 12
// evenly spaced values), at most kMaxKnobCombinations in all.
inline constexpr std::size_t kMaxKnobCombinations = 512;
std::vector<std::vector<std::string>> knobCombinations(const Question& question);

// fix_config: the result of one set of settings (NAME=VALUE strings) without reading an answer.
struct FixOutcome {
    bool goalMet = false;
    std::vector<std::size_t> failedGuards;  // indices into question.guards
    bool passes() const { return goalMet && failedGuards.empty(); }
};
FixOutcome tryFix(const Variant& variant, const std::vector<std::string>& sets, RunCache& runs);

// order: the item ids sorted by send time (always a linear extension of happens-before), and
// whether a given order is one. Throws InputError(QuestionBadSelector) when an item selects no
// segment.
std::vector<std::string> orderBySendTime(const Variant& variant, RunCache& runs);
bool orderRespectsHappensBefore(const Variant& variant, const std::vector<std::string>& order,
                                RunCache& runs);

}  // namespace closelab::core::quiz
