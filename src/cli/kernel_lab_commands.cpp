// kernel-run, kernel-load and compare: the kernel lab in a private network namespace.
#include "cli/cli_args.h"
#include "cli/commands.h"

namespace closelab::cli {

int cmdKernelRun(const Args&) {
    throw UsageError("'kernel-run' is not built yet");
}
int cmdKernelLoad(const Args&) {
    throw UsageError("'kernel-load' is not built yet");
}
int cmdCompare(const Args&) {
    throw UsageError("'compare' is not built yet");
}

}  // namespace closelab::cli
