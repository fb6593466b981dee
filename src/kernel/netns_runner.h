#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace closelab::kernel {

// Runs a function in a forked child inside a fresh, private network namespace
// (unshare(CLONE_NEWNET)) with `lo` up and the given net.* sysctls written inside it. The
// namespace is anonymous: it disappears with the child, so nothing is left behind when the run
// ends, fails, times out, or the parent is interrupted (the parent's SIGINT/SIGTERM handler kills
// the child; PR_SET_PDEATHSIG kills it if the parent dies). The host's sysctls are never written:
// the child checks that its namespace differs from the parent's before writing any.
class NetnsRunner {
public:
    struct Options {
        std::vector<std::pair<std::string, std::string>> sysctls;  // {"net.ipv4.tcp_tw_reuse","0"}
        std::chrono::milliseconds timeout{60'000};
    };

    // Returns what body returned. Throws PrivilegeError when namespaces cannot be created,
    // std::runtime_error when the body throws (its message), times out or the child dies.
    static std::string run(const Options& options, const std::function<std::string()>& body);

    // Installs SIGINT/SIGTERM handlers that kill the running child (and so its namespace) and
    // then exit with 128+signal. For the CLI; tests do not need it.
    static void installSignalCleanup();

    // Inside a body: writes one sysctl of the current namespace (name like
    // "net.ipv4.tcp_fin_timeout"). Throws for names outside net.* or when the write fails.
    static void writeSysctl(const std::string& name, const std::string& value);
    static std::string readSysctl(const std::string& name);
};

}  // namespace closelab::kernel
