#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/kernel_profile.h"

namespace closelab::core {

enum class OptionKind : std::uint8_t {
    Sysctl,    // net.ipv4.* : per host (per network namespace)
    Socket,    // SO_LINGER, SO_REUSEADDR, ...: applied to the sockets a host's application creates
    Closelab,  // closelab.*: teaching knobs that are clearly not kernel settings
};

enum class ValueType : std::uint8_t {
    Bool,       // "0" / "1"
    Integer,    // whole number in [min, max]
    Enum,       // one of enumValues (kept as text, e.g. tcp_tw_reuse "0" "1" "2")
    PortRange,  // "lo hi" (ip_local_port_range), lo <= hi
    Linger,     // "on,secs" (SO_LINGER), e.g. "1,0"
    PortList,   // "" or comma-separated ports and ranges "8080,9000-9010" (reserved ports)
};

// One entry of the option registry. Strings point to static storage.
struct OptionSpec {
    std::string_view name;  // e.g. "net.ipv4.tcp_tw_reuse", "SO_LINGER", "closelab.msl_ms"
    OptionKind kind = OptionKind::Sysctl;
    ValueType type = ValueType::Integer;
    std::int64_t min = 0;  // Integer and PortRange bounds
    std::int64_t max = 0;
    std::vector<std::string_view> enumValues;  // Enum only
    std::string_view unit;                     // "s", "ms", "" ...
    // Default per profile, canonical text. nullopt = the profile does not have this option.
    std::optional<std::string_view> defaultLinux6;
    std::optional<std::string_view> defaultLinux49;
    std::optional<std::string_view> defaultRfc793;
    // Why the option is missing from a profile, English (context "closelab::Errors").
    const char* absentWhy = "";
    // One-line English description (context "closelab::Options").
    const char* description = "";
    // Kernel source of the rule, e.g. "tcp_twsk_unique()". Not translated.
    std::string_view source;
};

// A validated value. `text` is canonical: linger "1,0", port range "40000 40099", bool "0"/"1".
struct OptionValue {
    ValueType type = ValueType::Integer;
    std::string text;
    std::int64_t a = 0;  // Bool/Integer/Enum: the value; PortRange: low; Linger: on
    std::int64_t b = 0;  // PortRange: high; Linger: seconds
    std::vector<std::pair<std::uint16_t, std::uint16_t>> ranges;  // PortList
};

// All options in a fixed, documented order (the option editor shows them in this order).
const std::vector<OptionSpec>& optionRegistry();
// nullptr if unknown.
const OptionSpec* findOption(std::string_view name);
bool optionInProfile(const OptionSpec& spec, KernelProfile profile);
// Canonical default text for the profile; throws InputError(OptionNotInProfile) if absent.
std::string defaultValue(const OptionSpec& spec, KernelProfile profile);

// Validates `text` for option `name` under `profile`; throws InputError (UnknownOption,
// OptionNotInProfile, ValueOutOfRange, PortRangeInverted, ...). Accepts "1 0"/"1:0" for linger
// and "lo-hi"/"lo,hi"/"lo hi" for port ranges, returns canonical text.
OptionValue parseOptionValue(std::string_view name, std::string_view text, KernelProfile profile);

// One --set argument: [host.]NAME=VALUE. host is empty when the option applies to every host.
struct OptionOverride {
    std::string host;
    std::string name;
    std::string value;
};

// Splits "client.net.ipv4.tcp_fin_timeout=7" into {client, net.ipv4.tcp_fin_timeout, 7}. The
// host prefix is recognised when the part before the first '.' is a role name (client server
// client2 nat lb web db). Throws InputError(SetSyntax / UnknownOption). Values are not checked
// here (that needs the profile): simulate() checks them.
OptionOverride parseOverride(std::string_view text);

// Host role names a scenario may use, in display order.
const std::vector<std::string_view>& hostRoleNames();

}  // namespace closelab::core
