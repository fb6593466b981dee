#pragma once

#include <string_view>

#include "kernel/import_result.h"

namespace closelab::kernel {

// Parses text pasted from a server: `ss -tan` (with or without -p, with or without the Netid
// column), `ss -s`, `netstat -an` / `-ant` (with or without -p), or the seeds' summary
// `netstat -n | awk '/^tcp/ {++S[$NF]} END {for(a in S) print a, S[a]}'` (also accepted in
// `uniq -c` order, count first). The format is detected from the whole text; lines that do not
// fit it are skipped with a reason. Throws ImportError when the text is empty or no line fits.
ImportResult importSocketText(std::string_view text);

}  // namespace closelab::kernel
