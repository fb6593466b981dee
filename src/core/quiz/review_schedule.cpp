#include "core/quiz/review_schedule.h"

#include <algorithm>
#include <cmath>

namespace closelab::core {

ReviewState nextReview(const ReviewState& previous, int grade) {
    const int q = std::clamp(grade, 0, 5);
    ReviewState next = previous;
    if (q < 3) {
        // SM-2 step 6: start again from I(1), E-Factor unchanged.
        next.repetitions = 1;
        next.intervalDays = 1;
        return next;
    }
    const int d = 5 - q;
    next.easiness = std::max(kMinEasiness, previous.easiness + (0.1 - d * (0.08 + d * 0.02)));
    next.repetitions = previous.repetitions + 1;
    if (next.repetitions == 1)
        next.intervalDays = 1;
    else if (next.repetitions == 2)
        next.intervalDays = 6;
    else
        // The small epsilon keeps 6 * 2.5 at 15 (not 16) despite binary rounding of EF.
        next.intervalDays =
            int(std::ceil(double(std::max(previous.intervalDays, 1)) * next.easiness - 1e-9));
    return next;
}

AttemptGrade gradeAttempt(bool correct, Confidence confidence, double seconds, double slowSeconds) {
    if (correct) {
        switch (confidence) {
            case Confidence::High:
                return {seconds > slowSeconds ? 4 : 5, false};
            case Confidence::Medium:
                return {4, false};
            case Confidence::Low:
                return {3, false};
        }
    }
    switch (confidence) {
        case Confidence::Low:
            return {2, false};
        case Confidence::Medium:
            return {1, false};
        case Confidence::High:
            break;
    }
    return {0, true};
}

std::int64_t reviewIntervalSeconds(const ReviewState& state) {
    return std::int64_t(state.intervalDays) * 24 * 3600;
}

}  // namespace closelab::core
