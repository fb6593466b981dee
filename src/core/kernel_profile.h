#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace closelab::core {

// Which kernel's rules and defaults a run follows.
//  linux-6   today's kernels (6.18 measured): tcp_tw_reuse=2, tcp_tw_reuse_delay, no tw_recycle.
//  linux-4.9 the tcp_tw_recycle era (removed in 4.12 by commit 4396e46187ca).
//  rfc793    teaching profile: TIME_WAIT = 2*MSL with a settable MSL (closelab.msl_ms), none of
//            Linux's additions (no timestamps/PAWS, no tail loss probe, no tw_reuse, no
//            FIN_WAIT_2 timer) and none of its sysctls beyond those with an RFC meaning.
enum class KernelProfile : std::uint8_t { Linux6, Linux49, Rfc793 };

inline constexpr std::array<KernelProfile, 3> kAllProfiles = {
    KernelProfile::Linux6, KernelProfile::Linux49, KernelProfile::Rfc793};

std::string_view profileName(KernelProfile profile);  // "linux-6", "linux-4.9", "rfc793"
std::optional<KernelProfile> parseProfile(std::string_view name);

}  // namespace closelab::core
