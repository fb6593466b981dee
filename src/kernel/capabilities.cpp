#include "kernel/capabilities.h"

#include <fstream>
#include <sstream>
#include <string>

namespace closelab::kernel {

namespace {

constexpr int kCapNetAdmin = 12;  // include/uapi/linux/capability.h
constexpr int kCapSysAdmin = 21;

}  // namespace

bool haveNetAdmin() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("CapEff:", 0) == 0) {
            unsigned long long caps = 0;
            std::istringstream(line.substr(7)) >> std::hex >> caps;
            return ((caps >> kCapNetAdmin) & 1u) != 0 && ((caps >> kCapSysAdmin) & 1u) != 0;
        }
    }
    return false;
}

std::string netAdminHint() {
    return "the kernel lab needs CAP_SYS_ADMIN and CAP_NET_ADMIN to create a private network "
           "namespace: run it as root, e.g. `sudo closelab-cli kernel-run ...` (it never touches "
           "the host's sysctls)";
}

}  // namespace closelab::kernel
