#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "core/load/load_control.h"
#include "core/load/load_host_params.h"
#include "core/load/load_result.h"
#include "core/load/load_spec.h"

namespace closelab::core {

// Memory the simulator's own structures hold, for the "bytes per TIME_WAIT" budget.
struct LoadEngineFootprint {
    std::size_t miniSockets = 0;      // TIME_WAIT + FIN_WAIT_2 mini-sockets alive at the end
    std::size_t miniSocketBytes = 0;  // their table, hash slots and timer entries
};

// The lean event loop of the load model: every host's socket table, ephemeral ports,
// TIME_WAIT mini-sockets and timers, and every segment of every connection, driven by FIFO
// timer channels so the cost per connection does not grow with the TIME_WAIT population.
class LoadSimulator {
public:
    LoadSimulator(const LoadSpec& spec, std::vector<LoadHostParams> params);
    ~LoadSimulator();
    LoadSimulator(const LoadSimulator&) = delete;
    LoadSimulator& operator=(const LoadSimulator&) = delete;

    // Runs the whole load once; with a control, reports progress and throws LoadCancelled
    // when a stop is requested.
    LoadResult run(const LoadControl* control = nullptr);
    LoadEngineFootprint footprint() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace closelab::core
