#pragma once

#include <string>

namespace closelab::kernel {

// True when the effective capability set holds CAP_SYS_ADMIN (unshare(CLONE_NEWNET)) and
// CAP_NET_ADMIN (sysctls and interfaces inside the namespace), read from /proc/self/status.
bool haveNetAdmin();

// The one line printed when haveNetAdmin() is false.
std::string netAdminHint();

}  // namespace closelab::kernel
