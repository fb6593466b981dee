// Progress on a terminal's stderr and a clean stop on SIGINT for load and sweep.
#include "cli/run_watch.h"

#include <signal.h>
#include <unistd.h>

#include <cstdio>

namespace closelab::cli {

namespace {

std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void onSigint(int) {
    g_interrupted.store(true, std::memory_order_relaxed);
}

struct sigaction g_previous {};

constexpr std::int64_t kPrintEveryNs = 200'000'000;

}  // namespace

RunWatch::RunWatch(const char* what)
    : m_what(what), m_tty(::isatty(STDERR_FILENO) == 1), m_start(std::chrono::steady_clock::now()) {
    g_interrupted.store(false);
    struct sigaction sa {};
    sa.sa_handler = onSigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND;  // a second Ctrl-C ends the process the usual way
    sigaction(SIGINT, &sa, &g_previous);
    m_control.stop = m_stop.get_token();
    // The core calls this every few thousand events on the running thread(s): it turns the
    // signal's flag into a stop request (not done in the handler: request_stop() is not
    // async-signal-safe) and prints.
    m_control.progress = [this](std::int64_t doneUs, std::int64_t totalUs) {
        if (g_interrupted.load(std::memory_order_relaxed)) {
            m_stop.request_stop();
            return;
        }
        if (m_tty) {
            onProgress(doneUs, totalUs);
        }
    };
}

RunWatch::~RunWatch() {
    sigaction(SIGINT, &g_previous, nullptr);
    if (m_printed) {
        std::fputs("\r\033[K", stderr);
        std::fflush(stderr);
    }
}

bool RunWatch::interrupted() {
    return g_interrupted.load();
}

void RunWatch::onProgress(std::int64_t doneUs, std::int64_t totalUs) {
    const std::int64_t nowNs = std::chrono::duration_cast<std::chrono::nanoseconds>(
                                   std::chrono::steady_clock::now() - m_start)
                                   .count();
    std::int64_t next = m_nextPrintNs.load(std::memory_order_relaxed);
    if (nowNs < next || nowNs < 500'000'000 ||  // short runs print nothing
        !m_nextPrintNs.compare_exchange_strong(next, nowNs + kPrintEveryNs)) {
        return;
    }
    const std::lock_guard lock(m_printMutex);
    const double frac =
        totalUs > 0 ? static_cast<double>(doneUs) / static_cast<double>(totalUs) : 0;
    const double elapsedS = static_cast<double>(nowNs) / 1e9;
    char left[32] = "";
    if (frac > 0.01) {
        std::snprintf(left, sizeof left, ", about %.0f s left", elapsedS * (1 - frac) / frac);
    }
    std::fprintf(stderr, "\r\033[K%s: %.1f of %.1f s simulated (%.0f %%)%s", m_what,
                 static_cast<double>(doneUs) / 1e6, static_cast<double>(totalUs) / 1e6,
                 frac * 100.0, left);
    std::fflush(stderr);
    m_printed = true;
}

}  // namespace closelab::cli
