#include "kernel/netns_runner.h"

#include <fcntl.h>
#include <net/if.h>
#include <poll.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string>

#include "kernel/capabilities.h"
#include "kernel/privilege_error.h"

namespace closelab::kernel {

namespace {

std::atomic<pid_t> g_child{0};

void killChildAndExit(int sig) {
    const pid_t child = g_child.load();
    if (child > 0) {
        ::kill(child, SIGKILL);
        ::waitpid(child, nullptr, 0);
    }
    ::_exit(128 + sig);
}

std::string netnsId() {
    char buffer[64] = {};
    const ssize_t n = ::readlink("/proc/self/ns/net", buffer, sizeof buffer - 1);
    return n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : std::string();
}

void bringLoopbackUp() {
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
    }
    ifreq ifr{};
    std::strncpy(ifr.ifr_name, "lo", IFNAMSIZ - 1);
    const bool ok = ::ioctl(fd, SIOCGIFFLAGS, &ifr) == 0 &&
                    (ifr.ifr_flags = static_cast<short>(ifr.ifr_flags | IFF_UP),
                     ::ioctl(fd, SIOCSIFFLAGS, &ifr) == 0);
    const int err = errno;
    ::close(fd);
    if (!ok) {
        throw std::runtime_error(std::string("cannot bring lo up: ") + std::strerror(err));
    }
}

std::string sysctlPath(const std::string& name) {
    const bool valid =
        name.rfind("net.", 0) == 0 && name.find("..") == std::string::npos &&
        name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_.") == std::string::npos;
    if (!valid) {
        throw std::runtime_error("not a net.* sysctl name: '" + name + "'");
    }
    std::string path = "/proc/sys/" + name;
    for (std::size_t i = 10; i < path.size(); ++i) {
        if (path[i] == '.') {
            path[i] = '/';
        }
    }
    return path;
}

void writeAll(int fd, const std::string& text) {
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return;
        }
        done += static_cast<std::size_t>(n);
    }
}

// Child side: never returns.
[[noreturn]] void childMain(int out, pid_t parent, const std::string& parentNs,
                            const NetnsRunner::Options& options,
                            const std::function<std::string()>& body) {
    char status = 'E';
    std::string text;
    try {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) {
            ::_exit(1);
        }
        if (::unshare(CLONE_NEWNET) != 0) {
            status = errno == EPERM ? 'P' : 'E';
            throw std::runtime_error(std::string("unshare(CLONE_NEWNET): ") + std::strerror(errno));
        }
        if (netnsId().empty() || netnsId() == parentNs) {
            throw std::runtime_error("not in a private network namespace; refusing to go on");
        }
        bringLoopbackUp();
        for (const auto& [name, value] : options.sysctls) {
            NetnsRunner::writeSysctl(name, value);
        }
        text = body();
        status = 'O';
    } catch (const std::exception& e) {
        text = e.what();
    } catch (...) {
        text = "unknown error in the kernel lab";
    }
    writeAll(out, std::string(1, status) + text);
    ::close(out);
    ::_exit(0);
}

}  // namespace

void NetnsRunner::writeSysctl(const std::string& name, const std::string& value) {
    const std::string path = sysctlPath(name);
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
        throw std::runtime_error("cannot open " + path + ": " + std::strerror(errno));
    }
    const ssize_t n = ::write(fd, value.data(), value.size());
    const int err = errno;
    ::close(fd);
    if (n != static_cast<ssize_t>(value.size())) {
        throw std::runtime_error("cannot set " + name + "=" + value + ": " + std::strerror(err));
    }
}

std::string NetnsRunner::readSysctl(const std::string& name) {
    std::ifstream in(sysctlPath(name));
    std::string value;
    std::getline(in, value);
    // ip_local_port_range reads back as "low<TAB>high"; closelab writes "low high".
    std::replace(value.begin(), value.end(), '\t', ' ');
    return value;
}

void NetnsRunner::installSignalCleanup() {
    std::signal(SIGINT, killChildAndExit);
    std::signal(SIGTERM, killChildAndExit);
}

std::string NetnsRunner::run(const Options& options, const std::function<std::string()>& body) {
    if (!haveNetAdmin()) {
        throw PrivilegeError(netAdminHint());
    }
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
    }
    const std::string parentNs = netnsId();
    const pid_t parent = ::getpid();
    const pid_t child = ::fork();
    if (child < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
    }
    if (child == 0) {
        ::close(fds[0]);
        childMain(fds[1], parent, parentNs, options, body);
    }
    g_child.store(child);
    ::close(fds[1]);
    std::string text;
    bool timedOut = false;
    const auto deadline = std::chrono::steady_clock::now() + options.timeout;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                              deadline - std::chrono::steady_clock::now())
                              .count();
        if (left <= 0) {
            timedOut = true;
            break;
        }
        pollfd pfd{fds[0], POLLIN, 0};
        const int ready = ::poll(&pfd, 1, static_cast<int>(std::min<long long>(left, 1000)));
        if (ready < 0 && errno == EINTR) {
            continue;
        }
        if (ready <= 0) {
            continue;
        }
        char buffer[65536];
        const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        text.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fds[0]);
    if (timedOut) {
        ::kill(child, SIGKILL);
    }
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    g_child.store(0);
    if (timedOut) {
        throw std::runtime_error("the kernel lab run exceeded its time limit of " +
                                 std::to_string(options.timeout.count()) + " ms and was stopped");
    }
    if (text.empty()) {
        throw std::runtime_error("the kernel lab child died without a result");
    }
    if (text[0] == 'P') {
        throw PrivilegeError(netAdminHint() + " (" + text.substr(1) + ")");
    }
    if (text[0] != 'O') {
        throw std::runtime_error(text.substr(1));
    }
    return text.substr(1);
}

}  // namespace closelab::kernel
