#include "core/kernel_profile.h"

namespace closelab::core {

std::string_view profileName(KernelProfile profile) {
    switch (profile) {
        case KernelProfile::Linux6:
            return "linux-6";
        case KernelProfile::Linux49:
            return "linux-4.9";
        case KernelProfile::Rfc793:
            return "rfc793";
    }
    return "linux-6";
}

std::optional<KernelProfile> parseProfile(std::string_view name) {
    for (KernelProfile p : kAllProfiles) {
        if (profileName(p) == name)
            return p;
    }
    return std::nullopt;
}

}  // namespace closelab::core
