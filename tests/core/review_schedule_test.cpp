#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/quiz/review_schedule.h"

using namespace closelab::core;

namespace {

std::vector<int> intervalsFor(const std::vector<int>& grades, ReviewState state = {}) {
    std::vector<int> out;
    for (int q : grades) {
        state = nextReview(state, q);
        out.push_back(state.intervalDays);
    }
    return out;
}

}  // namespace

TEST(ReviewSchedule, PublishedIntervalsOneDaySixDaysThenTimesEasiness) {
    // Grade 4 leaves EF at 2.5: SM-2's 1, 6, then I(n-1) * 2.5 rounded up.
    EXPECT_EQ(intervalsFor({4, 4, 4, 4, 4, 4}), (std::vector<int>{1, 6, 15, 38, 95, 238}));
}

TEST(ReviewSchedule, EasinessFormulaPerGrade) {
    const ReviewState fresh;
    EXPECT_NEAR(nextReview(fresh, 5).easiness, 2.6, 1e-12);   // +0.10
    EXPECT_NEAR(nextReview(fresh, 4).easiness, 2.5, 1e-12);   // +0.00
    EXPECT_NEAR(nextReview(fresh, 3).easiness, 2.36, 1e-12);  // -0.14
}

TEST(ReviewSchedule, PerfectAnswersUseTheUpdatedEasiness) {
    // EF 2.6, 2.7, 2.8, 2.9: 6 * 2.8 = 16.8 -> 17, 17 * 2.9 = 49.3 -> 50.
    EXPECT_EQ(intervalsFor({5, 5, 5, 5}), (std::vector<int>{1, 6, 17, 50}));
}

TEST(ReviewSchedule, EasinessNeverFallsBelowOnePointThree) {
    ReviewState s;
    for (int i = 0; i < 20; ++i)
        s = nextReview(s, 3);
    EXPECT_DOUBLE_EQ(s.easiness, kMinEasiness);
    const ReviewState again = nextReview(s, 3);
    EXPECT_DOUBLE_EQ(again.easiness, kMinEasiness);
    EXPECT_EQ(again.intervalDays, int(std::ceil(s.intervalDays * 1.3 - 1e-9)));
}

TEST(ReviewSchedule, AFailedAnswerStartsAgainAndKeepsTheEasiness) {
    ReviewState s = nextReview(nextReview(nextReview({}, 5), 5), 5);  // 17 days, EF 2.8
    ASSERT_EQ(s.intervalDays, 17);
    for (int q : {0, 1, 2}) {
        const ReviewState failed = nextReview(s, q);
        EXPECT_EQ(failed.intervalDays, 1) << "grade " << q;
        EXPECT_NEAR(failed.easiness, 2.8, 1e-12) << "grade " << q;
        // Relearnt as if new: the next good answer waits I(2) = 6 days.
        EXPECT_EQ(nextReview(failed, 4).intervalDays, 6) << "grade " << q;
    }
}

TEST(ReviewSchedule, GradesOutsideZeroToFiveAreClamped) {
    EXPECT_EQ(nextReview({}, 9).easiness, nextReview({}, 5).easiness);
    EXPECT_EQ(nextReview({}, -3).intervalDays, 1);
}

TEST(ReviewSchedule, AttemptGradeFromCorrectnessAndConfidence) {
    EXPECT_EQ(gradeAttempt(true, Confidence::High, 10).grade, 5);
    EXPECT_EQ(gradeAttempt(true, Confidence::High, 200).grade, 4);  // right, but slowly
    EXPECT_EQ(gradeAttempt(true, Confidence::Medium, 10).grade, 4);
    EXPECT_EQ(gradeAttempt(true, Confidence::Low, 10).grade, 3);
    EXPECT_EQ(gradeAttempt(false, Confidence::Low, 10).grade, 2);
    EXPECT_EQ(gradeAttempt(false, Confidence::Medium, 10).grade, 1);
    const AttemptGrade sureButWrong = gradeAttempt(false, Confidence::High, 10);
    EXPECT_EQ(sureButWrong.grade, 0);
    EXPECT_TRUE(sureButWrong.confidentWrong);
    EXPECT_FALSE(gradeAttempt(true, Confidence::High, 10).confidentWrong);
    EXPECT_FALSE(gradeAttempt(false, Confidence::Medium, 10).confidentWrong);
}
