#include "kernel/capabilities.h"

#include <unistd.h>

namespace closelab::kernel {

bool haveNetAdmin() {
    return ::geteuid() == 0;
}

}  // namespace closelab::kernel
