#pragma once

// Runs the built closelab-cli and captures what a user sees: the exit code, stdout and stderr.
// Shared by the test suites that check the CLI's contract (tests/cli, tests/core/load_cli_test).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <string>

namespace closelab::testing {

struct CliRun {
    int code = -1;
    std::string out;
    std::string err;
};

// `commandLine` is passed to the shell as is (the binary and its arguments); `tag` names the
// temporary stderr file, which is unique per process and call because CTest runs tests in
// parallel processes.
inline CliRun runCli(const std::string& commandLine, const std::string& tag) {
    static int calls = 0;
    const std::string errFile = ::testing::TempDir() + tag + "_err." + std::to_string(::getpid()) +
                                "." + std::to_string(++calls) + ".txt";
    const std::string cmd = commandLine + " 2>" + errFile;
    CliRun r;
    FILE* p = popen(cmd.c_str(), "r");
    if (p == nullptr) {
        return r;
    }
    std::array<char, 65536> buf{};
    std::size_t n = 0;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) {
        r.out.append(buf.data(), n);
    }
    const int status = pclose(p);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (FILE* e = fopen(errFile.c_str(), "r")) {
        while ((n = fread(buf.data(), 1, buf.size(), e)) > 0) {
            r.err.append(buf.data(), n);
        }
        fclose(e);
    }
    std::remove(errFile.c_str());
    return r;
}

}  // namespace closelab::testing
