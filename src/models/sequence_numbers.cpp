#include "models/sequence_numbers.h"

#include "core/recording.h"

namespace closelab::models {

SequenceNumbers::SequenceNumbers(const core::Recording& recording) {
    for (const auto& s : recording.segments) {
        if ((s.flags & core::kSyn) != 0 && s.connection > 0)
            m_isn.emplace(std::pair{s.connection, s.from}, s.seq);
    }
}

bool SequenceNumbers::hasRelative(const core::RecSegment& s) const {
    return m_isn.count({s.connection, s.from}) > 0 && m_isn.count({s.connection, s.to}) > 0;
}

std::uint32_t SequenceNumbers::seq(const core::RecSegment& s, bool absolute) const {
    if (absolute || !hasRelative(s))
        return s.seq;
    return s.seq - m_isn.at({s.connection, s.from});  // unsigned: wraps like sequence space
}

std::uint32_t SequenceNumbers::ack(const core::RecSegment& s, bool absolute) const {
    if (absolute || !hasRelative(s) || (s.flags & core::kAck) == 0)
        return s.ack;
    return s.ack - m_isn.at({s.connection, s.to});
}

}  // namespace closelab::models
