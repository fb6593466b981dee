#pragma once

#include <string>
#include <vector>

namespace closelab::cli {

using Args = std::vector<std::string>;

// Each returns the process exit code: 0 ok, 1 a disagreement or failed check,
// 2 bad input (one line on stderr), 3 missing privileges.
int cmdList(const Args& args);
int cmdRun(const Args& args);
int cmdLoad(const Args& args);
int cmdSweep(const Args& args);
int cmdKernelRun(const Args& args);
int cmdKernelLoad(const Args& args);
int cmdCompare(const Args& args);
int cmdLive(const Args& args);
int cmdImport(const Args& args);
int cmdQuiz(const Args& args);
int cmdCapture(const Args& args);

}  // namespace closelab::cli
