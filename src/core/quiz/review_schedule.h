#pragma once

#include <cstdint>

namespace closelab::core {

// Spaced review after SuperMemo's SM-2 (P. Wozniak, 1990): a question's next review follows from
// its previous interval, the number of correct repetitions in a row and its easiness factor (EF).
//   I(1) = 1 day, I(2) = 6 days, I(n) = I(n-1) * EF for n > 2 (a fraction rounds up);
//   EF' = EF + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02)), never below 1.3;
//   a grade below 3 starts the repetitions again from I(1) and leaves EF as it was.
// The EF of an answer is updated first and the new interval uses the updated EF.
struct ReviewState {
    int repetitions = 0;    // n of the interval I(n) last given; a failed answer sets it to 1
    int intervalDays = 0;   // days until the next review; 0 before the first answer
    double easiness = 2.5;  // SM-2's E-Factor, 2.5 for a new item
};

inline constexpr double kMinEasiness = 1.3;

// Grade q: 0..5 (SM-2's quality of response). Values outside are clamped.
ReviewState nextReview(const ReviewState& previous, int grade);

enum class Confidence { Low, Medium, High };

// What one attempt says about how well the learner knows the answer.
struct AttemptGrade {
    int grade = 0;                // SM-2 quality 0..5
    bool confidentWrong = false;  // sure of an answer that was wrong: the misconception to fix
};

// correct + high confidence: 5 (4 when it took longer than slowSeconds); correct + medium: 4;
// correct + low: 3 (a lucky guess still counts, barely); wrong + low: 2; wrong + medium: 1;
// wrong + high: 0 and marked confident-but-wrong.
AttemptGrade gradeAttempt(bool correct, Confidence confidence, double seconds,
                          double slowSeconds = 90.0);

std::int64_t reviewIntervalSeconds(const ReviewState& state);

}  // namespace closelab::core
