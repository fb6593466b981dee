#pragma once

namespace closelab::kernel {

// True when this process may create network namespaces (CAP_NET_ADMIN + CAP_SYS_ADMIN).
bool haveNetAdmin();

}  // namespace closelab::kernel
