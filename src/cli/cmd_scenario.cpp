#include "cli/cli_args.h"
#include "cli/commands.h"

namespace closelab::cli {

int cmdList(const Args&) {
    throw UsageError("'list' is not built yet");
}
int cmdRun(const Args&) {
    throw UsageError("'run' is not built yet");
}

}  // namespace closelab::cli
