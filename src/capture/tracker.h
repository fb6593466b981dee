#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <unordered_map>
#include <vector>

#include "capture/capture.h"
#include "capture/packet_decode.h"
#include "core/note.h"
#include "core/tcp_state.h"

namespace closelab::capture {

// Rebuilds TCP connections from segments in capture order: one per 4-tuple and incarnation,
// each end's state as Linux would have it given what the capture point saw. O(1) per packet (a
// hash map on the 4-tuple); a connection's state is dropped 60 s (capture time) after both ends
// are CLOSED or in TIME_WAIT, leaving its summary.
class Tracker {
public:
    explicit Tracker(const CaptureOptions& options);
    ~Tracker();
    Tracker(const Tracker&) = delete;
    Tracker& operator=(const Tracker&) = delete;

    void add(const TcpPacket& p);
    // Summarizes every connection still tracked; call once, at the end.
    std::vector<ConnectionSummary> finish();
    std::size_t peakLive() const { return m_peakLive; }

    struct Key {
        std::uint64_t w[5];  // the two ends, ordered, with the family
        bool operator==(const Key& o) const;
    };
    struct KeyHash {
        std::size_t operator()(const Key& k) const;
    };
    struct Conn;

    // Open addressing, linear probing, backward-shift deletion, 8 bytes an entry (the hash's low
    // 32 bits and the connection's slot): the table stays in cache where std::unordered_map
    // chases a node pointer per lookup. Keys are compared in the connection itself.
    class FlatMap {
    public:
        FlatMap();
        // The slot of `key`, or kNone.
        template <class KeyOf>
        std::uint32_t find(const Key& key, std::uint64_t hash, const KeyOf& keyOf) const {
            const auto tag = static_cast<std::uint32_t>(hash);
            for (std::size_t i = tag & m_mask;; i = (i + 1) & m_mask) {
                const Entry& e = m_entries[i];
                if (e.value == kNone)
                    return kNone;
                if (e.tag == tag && keyOf(e.value) == key)
                    return e.value;
            }
        }
        void insert(std::uint64_t hash, std::uint32_t value);  // the key must not be present
        void eraseValue(std::uint64_t hash, std::uint32_t value);
        static constexpr std::uint32_t kNone = 0xffffffffu;

    private:
        struct Entry {
            std::uint32_t tag;
            std::uint32_t value;
        };
        void grow();
        std::vector<Entry> m_entries;
        std::size_t m_mask;
        std::size_t m_size = 0;
    };

private:
    std::uint32_t newConn(const Key& key, const TcpPacket& p, bool fromSyn);
    void finalize(std::uint32_t slot);
    void publishTs(Conn& c);
    void expire(std::int64_t now);
    void process(Conn& c, const TcpPacket& p);

    CaptureOptions m_options;
    FlatMap m_map;
    std::vector<std::unique_ptr<Conn>> m_slots;
    std::vector<std::uint32_t> m_free;
    struct Expiry {
        std::int64_t atUs;
        std::uint32_t slot;
        std::uint32_t generation;
    };
    std::deque<Expiry> m_expiries;
    std::vector<ConnectionSummary> m_summaries;
    // Highest timestamp seen from each client address (what tcp_tw_recycle remembered).
    struct AddrHash {
        std::size_t operator()(const std::array<std::uint8_t, 17>& a) const;
    };
    std::unordered_map<std::array<std::uint8_t, 17>, std::uint32_t, AddrHash> m_peerTs;
    std::size_t m_detailSegments = 0;
    std::size_t m_live = 0;
    std::size_t m_peakLive = 0;
};

}  // namespace closelab::capture
