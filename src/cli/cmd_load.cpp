#include "cli/cli_args.h"
#include "cli/commands.h"

namespace closelab::cli {

int cmdLoad(const Args&) {
    throw UsageError("'load' is not built yet");
}

}  // namespace closelab::cli
