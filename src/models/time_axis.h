#pragma once

#include <cstdint>
#include <vector>

namespace closelab::models {

// Tuning of the TimeAxis (display units are abstract; the ladder multiplies by pixels per unit).
struct TimeAxisConfig {
    std::int64_t breakThresholdUs = 2'000'000;  // idle stretches longer than this are broken
    double minGap = 1.0;                        // display length of the shortest non-zero gap
    double logScale = 0.75;                     // extra length per decade of gap (above 100 µs)
    double breakGap = 3.0;                      // display length of a compressed stretch
};

// Maps simulated time (integer microseconds) to "display units" for the ladder and the Player.
// A teardown mixes 50 µs loopback RTTs with 60 s TIME_WAIT timers, so a linear axis shows either
// nothing or a blur. Between two consecutive anchor times (the recording's events) the display
// length grows with the logarithm of the gap; gaps longer than the threshold become a fixed-size
// break (drawn with a marker). Inside each stretch the mapping is linear, so it stays monotone and
// invertible: the Player can move in display units and read back exact simulated times.
class TimeAxis {
public:
    using Config = TimeAxisConfig;

    struct Break {
        std::int64_t fromUs = 0;  // the idle stretch [fromUs, toUs] that was compressed
        std::int64_t toUs = 0;
        double fromDisplay = 0.0;
        double toDisplay = 0.0;
    };

    TimeAxis() = default;
    // anchors need not be sorted or unique; negative times are clamped to 0.
    explicit TimeAxis(std::vector<std::int64_t> anchors, Config config = {});

    double toDisplay(std::int64_t us) const;
    // The inverse; within a stretch the result is rounded to the nearest microsecond.
    std::int64_t toSim(double display) const;

    double displayLength() const { return m_display.empty() ? 0.0 : m_display.back(); }
    std::int64_t endUs() const { return m_anchors.empty() ? 0 : m_anchors.back(); }
    const std::vector<std::int64_t>& anchors() const { return m_anchors; }
    const std::vector<Break>& breaks() const { return m_breaks; }
    const Config& config() const { return m_config; }

    // Display length given to one idle gap of gapUs microseconds (0 for 0).
    double gapLength(std::int64_t gapUs) const;

private:
    Config m_config;
    std::vector<std::int64_t> m_anchors;  // sorted, unique, starting at 0
    std::vector<double> m_display;        // display position of each anchor
    std::vector<Break> m_breaks;
};

}  // namespace closelab::models
