#include "models/time_axis.h"

#include <algorithm>
#include <cmath>

namespace closelab::models {

TimeAxis::TimeAxis(std::vector<std::int64_t> anchors, Config config) : m_config(config) {
    for (auto& a : anchors)
        a = std::max<std::int64_t>(a, 0);
    anchors.push_back(0);
    std::sort(anchors.begin(), anchors.end());
    anchors.erase(std::unique(anchors.begin(), anchors.end()), anchors.end());
    m_anchors = std::move(anchors);
    m_display.reserve(m_anchors.size());
    double pos = 0.0;
    m_display.push_back(pos);
    for (std::size_t i = 1; i < m_anchors.size(); ++i) {
        const std::int64_t gap = m_anchors[i] - m_anchors[i - 1];
        const double len = gapLength(gap);
        if (gap > m_config.breakThresholdUs)
            m_breaks.push_back({m_anchors[i - 1], m_anchors[i], pos, pos + len});
        pos += len;
        m_display.push_back(pos);
    }
}

double TimeAxis::gapLength(std::int64_t gapUs) const {
    if (gapUs <= 0)
        return 0.0;
    if (gapUs > m_config.breakThresholdUs)
        return m_config.breakGap;
    return m_config.minGap + m_config.logScale * std::log10(1.0 + double(gapUs) / 100.0);
}

double TimeAxis::toDisplay(std::int64_t us) const {
    if (m_anchors.size() < 2 || us <= 0)
        return 0.0;
    if (us >= m_anchors.back())
        return m_display.back();
    const auto it = std::upper_bound(m_anchors.begin(), m_anchors.end(), us);
    const auto i = std::size_t(it - m_anchors.begin());  // m_anchors[i-1] <= us < m_anchors[i]
    const double frac = double(us - m_anchors[i - 1]) / double(m_anchors[i] - m_anchors[i - 1]);
    return m_display[i - 1] + frac * (m_display[i] - m_display[i - 1]);
}

std::int64_t TimeAxis::toSim(double display) const {
    if (m_anchors.size() < 2 || !(display > 0.0))
        return 0;
    if (display >= m_display.back())
        return m_anchors.back();
    const auto it = std::upper_bound(m_display.begin(), m_display.end(), display);
    const auto i = std::size_t(it - m_display.begin());
    const double span = m_display[i] - m_display[i - 1];
    const double frac = span > 0.0 ? (display - m_display[i - 1]) / span : 0.0;
    const auto gap = double(m_anchors[i] - m_anchors[i - 1]);
    return m_anchors[i - 1] + std::int64_t(std::llround(frac * gap));
}

}  // namespace closelab::models
