// closelab-cli: dispatches to one sub-command; all behaviour lives in the libraries.
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>
#include <string_view>

#include "cli/cli_args.h"
#include "cli/commands.h"
#include "core/version.h"

namespace {

constexpr std::string_view kUsage = R"(usage: closelab-cli COMMAND [OPTIONS]

Simulate how TCP closes connections, the way Linux does it.

Commands:
  list         list the built-in scenarios
  run          simulate one scenario (built-in id or JSON file) and print its recording
  load         simulate a load and print socket-state counts over time
  sweep        run a load for each value of one or two parameters and print the outcomes
  kernel-run   replay a scenario on real sockets in a private network namespace (root)
  kernel-load  replay a load on real sockets in a private network namespace (root)
  compare      run a scenario on the engine and on the kernel, side by side (root)
  live         sample this machine's TCP socket states over time
  import       parse pasted `ss -tan` / `netstat -an` / `ss -s` output
  quiz         list, show, answer and check questions graded by the engine
  capture      read a pcap/pcapng capture: TCP connections, inferred states, anomalies

Options:
  -h, --help     show this help (COMMAND --help for a command's options)
  -V, --version  show the version

Exit codes: 0 ok, 1 disagreement, 2 bad input, 3 missing privileges.
)";

}  // namespace

int main(int argc, char** argv) {
    using namespace closelab::cli;
    if (argc < 2) {
        std::cerr << kUsage;
        return 2;
    }
    const std::string command = argv[1];
    const Args args(argv + 2, argv + argc);
    try {
        if (command == "-h" || command == "--help" || command == "help") {
            std::cout << kUsage;
            return 0;
        }
        if (command == "-V" || command == "--version") {
            std::cout << "closelab-cli " << closelab::core::version() << '\n';
            return 0;
        }
        if (command == "list")
            return cmdList(args);
        if (command == "run")
            return cmdRun(args);
        if (command == "load")
            return cmdLoad(args);
        if (command == "sweep")
            return cmdSweep(args);
        if (command == "kernel-run")
            return cmdKernelRun(args);
        if (command == "kernel-load")
            return cmdKernelLoad(args);
        if (command == "compare")
            return cmdCompare(args);
        if (command == "live")
            return cmdLive(args);
        if (command == "import")
            return cmdImport(args);
        if (command == "quiz")
            return cmdQuiz(args);
        if (command == "capture")
            return cmdCapture(args);
        throw UsageError("unknown command '" + command + "' (try --help)");
    } catch (const UsageError& e) {
        std::cerr << "closelab-cli: " << e.what() << '\n';
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "closelab-cli: " << e.what() << '\n';
        return 2;
    }
}
