#pragma once

#include <stdexcept>

namespace closelab::kernel {

// The process may not create network namespaces (no CAP_SYS_ADMIN / CAP_NET_ADMIN). The CLI
// prints what() and exits 3.
class PrivilegeError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace closelab::kernel
