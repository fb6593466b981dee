#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace closelab::kernel {

// The whitespace-separated fields of one line of /proc, `ss` or `netstat` text (spaces, tabs
// and a trailing CR from pasted Windows text all separate fields).
std::vector<std::string_view> splitWords(std::string_view line);

// The whole content of a file such as /proc/net/tcp; empty when it cannot be read.
std::string readWholeFile(const char* path);

}  // namespace closelab::kernel
