#pragma once

#include <stdexcept>

namespace closelab::kernel {

// The pasted text as a whole cannot be used (empty, or no line in any known format).
// Single bad lines are never an ImportError: they are listed in ImportResult::skipped.
class ImportError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace closelab::kernel
