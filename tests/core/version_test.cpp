#include <gtest/gtest.h>

#include "core/version.h"

TEST(Version, MatchesProjectVersion) {
    EXPECT_EQ(closelab::core::version(), CLOSELAB_VERSION);
}
