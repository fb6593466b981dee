#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>

namespace closelab::core {
struct Recording;
struct RecSegment;
}  // namespace closelab::core

namespace closelab::models {

// Sequence and acknowledgment numbers as a reader wants them: relative to each direction's
// initial sequence number, per connection (seq=1 ack=1 after the handshake), as Wireshark shows
// them by default; absolute (the random 32-bit ISN and on) on request. A connection whose SYN the
// run does not hold (a stray segment of an older incarnation) keeps its absolute numbers.
class SequenceNumbers {
public:
    SequenceNumbers() = default;
    explicit SequenceNumbers(const core::Recording& recording);

    // Whether the segment's connection has both ISNs, so relative numbers exist for it.
    bool hasRelative(const core::RecSegment& s) const;
    std::uint32_t seq(const core::RecSegment& s, bool absolute = false) const;
    std::uint32_t ack(const core::RecSegment& s, bool absolute = false) const;

private:
    // (connection, sending host) -> ISN of that direction.
    std::map<std::pair<int, std::string>, std::uint32_t> m_isn;
};

}  // namespace closelab::models
