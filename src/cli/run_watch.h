#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <stop_token>

#include "core/load/load_control.h"

namespace closelab::cli {

// Progress and Ctrl-C for a long run. While one exists, SIGINT asks the run to stop (the
// core then throws LoadCancelled; the command exits 130) and a second SIGINT kills as usual.
// Progress goes to stderr, and only when stderr is a terminal, so it never mixes into the
// JSON or CSV on stdout nor into a redirected log.
class RunWatch {
public:
    explicit RunWatch(const char* what);  // "simulated" line prefix: "load", "sweep"
    ~RunWatch();
    RunWatch(const RunWatch&) = delete;
    RunWatch& operator=(const RunWatch&) = delete;

    const core::LoadControl& control() const { return m_control; }
    // A SIGINT arrived (the run may have finished just before it).
    static bool interrupted();

private:
    void onProgress(std::int64_t doneUs, std::int64_t totalUs);

    const char* m_what;
    bool m_tty = false;
    std::stop_source m_stop;
    core::LoadControl m_control;
    std::chrono::steady_clock::time_point m_start;
    std::atomic<std::int64_t> m_nextPrintNs{0};
    std::mutex m_printMutex;
    bool m_printed = false;
};

// Exit code of a run stopped by SIGINT (128 + SIGINT, what shells report).
inline constexpr int kExitInterrupted = 130;

}  // namespace closelab::cli
