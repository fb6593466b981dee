#pragma once

#include <string_view>

namespace closelab::core {

// The project version, from CMake's project(VERSION).
std::string_view version();

}  // namespace closelab::core
