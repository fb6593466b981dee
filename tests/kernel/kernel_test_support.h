#pragma once

#include <gtest/gtest.h>

#include "kernel/capabilities.h"

// Real-kernel tests need namespaces; without the capabilities they skip, visibly.
#define CLOSELAB_REQUIRE_NETNS()                                                             \
    do {                                                                                     \
        if (!closelab::kernel::haveNetAdmin()) {                                             \
            GTEST_SKIP() << "needs CAP_SYS_ADMIN + CAP_NET_ADMIN (run as root) to create a " \
                            "private network namespace";                                     \
        }                                                                                    \
    } while (false)
