#pragma once

#include <QString>

#include <cstdint>

namespace closelab::models {

// Simulated times for people: "37 µs", "12.500 ms", "60.000 s", translated units.
QString formatTime(std::int64_t us);
// Durations the same way but shorter ("58.2 s"), for countdowns and break markers.
QString formatDuration(std::int64_t us);

}  // namespace closelab::models
