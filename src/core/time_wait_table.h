#pragma once

#include <cstdint>
#include <vector>

#include "core/four_tuple.h"
#include "core/sim_time.h"
#include "core/tcp_state.h"

namespace closelab::core {

// One timewait-type socket (struct tcp_timewait_sock): a TIME_WAIT, or an orphaned FIN_WAIT_2
// kept as a mini-socket (tw_substate = TCP_FIN_WAIT2, net/ipv4/tcp_minisocks.c:tcp_time_wait()).
// 72 bytes; with the hash index and the expiry FIFO a TIME_WAIT costs under 128 bytes.
struct TimeWaitEntry {
    FourTuple tuple;
    std::uint32_t sndNxt = 0;      // tw_snd_nxt
    std::uint32_t rcvNxt = 0;      // tw_rcv_nxt
    std::uint32_t tsRecent = 0;    // tw_ts_recent
    std::uint32_t socketId = 0;    // the full socket it replaced (for recordings; 0 in loads)
    SimTime tsRecentStamp = 0;     // when tsRecent was recorded; -1 = no timestamps seen
    SimTime entryStamp = 0;        // tw_entry_stamp: start of the tcp_tw_reuse_delay
    SimTime expires = 0;           // current timer expiry
    std::uint32_t generation = 0;  // bumped on every reschedule: stale FIFO records are skipped
    TcpState substate = TcpState::TimeWait;  // TimeWait or FinWait2
    bool reuseAddr = false;                  // tw_reuse (inherited SO_REUSEADDR)
    bool reusePort = false;                  // tw_reuseport
    bool shortLived = false;                 // tw_kill: timer <= 4 s, expiry counted as TWKilled
    SimTime lastOowAck = -1;                 // tcp_timewait_check_oow_rate_limit()
    bool hasTimestamps() const { return tsRecentStamp >= 0; }
};

// TIME_WAIT / FIN_WAIT_2 mini-sockets of one host: an open-addressing hash keyed by 4-tuple
// (the kernel's ehash) plus one FIFO of expiries per distinct timer length. Every TIME_WAIT uses
// the same 60 s, so a FIFO is already sorted: insert, lookup, reschedule and expiry are O(1) and
// cost does not grow with the population (a million TIME_WAITs cost what a thousand do).
class TimeWaitTable {
public:
    static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

    TimeWaitTable() { rehash(64); }

    std::size_t size() const { return m_count; }
    bool empty() const { return m_count == 0; }

    // Handle of the entry for `tuple` or kNone.
    std::uint32_t find(const FourTuple& tuple) const {
        std::size_t i = hashFourTuple(tuple) & m_mask;
        for (;;) {
            const std::uint32_t h = m_index[i];
            if (h == kNone)
                return kNone;
            if (m_pool[h].tuple == tuple)
                return h;
            i = (i + 1) & m_mask;
        }
    }
    TimeWaitEntry& at(std::uint32_t handle) { return m_pool[handle]; }
    const TimeWaitEntry& at(std::uint32_t handle) const { return m_pool[handle]; }

    // Inserts a new entry whose timer runs `duration` from `now`. The tuple must not be present.
    std::uint32_t insert(const TimeWaitEntry& entry, SimTime now, SimTime duration) {
        if ((m_count + 1) * 2 > m_index.size())
            rehash(m_index.size() * 2);
        std::uint32_t h;
        if (!m_free.empty()) {
            h = m_free.back();
            m_free.pop_back();
            m_pool[h] = entry;
        } else {
            h = static_cast<std::uint32_t>(m_pool.size());
            m_pool.push_back(entry);
        }
        m_live.resize(m_pool.size(), false);
        m_live[h] = true;
        placeIndex(h);
        ++m_count;
        schedule(h, now, duration);
        return h;
    }

    // Restarts the entry's timer (inet_twsk_reschedule()).
    void reschedule(std::uint32_t handle, SimTime now, SimTime duration) {
        ++m_pool[handle].generation;
        schedule(handle, now, duration);
    }

    // Removes the entry now (RST kill, reuse by connect(), SYN takeover).
    void erase(std::uint32_t handle) {
        removeIndex(handle);
        m_live[handle] = false;
        ++m_pool[handle].generation;
        m_free.push_back(handle);
        --m_count;
    }

    // Earliest pending expiry, or -1 when nothing is pending. Drops stale FIFO heads.
    SimTime nextExpiry() {
        SimTime best = -1;
        for (auto& q : m_queues) {
            dropStale(q);
            if (q.head != q.tail) {
                const SimTime t = q.ring[q.head & q.ringMask].expires;
                if (best < 0 || t < best)
                    best = t;
            }
        }
        return best;
    }

    // Pops every entry whose timer is due at `now` (in expiry order within each timer length) and
    // calls onExpire(const TimeWaitEntry&) before erasing it.
    template <class F>
    std::size_t expire(SimTime now, F&& onExpire) {
        std::size_t n = 0;
        for (;;) {
            Queue* bestQ = nullptr;
            for (auto& q : m_queues) {
                dropStale(q);
                if (q.head == q.tail)
                    continue;
                const SimTime t = q.ring[q.head & q.ringMask].expires;
                if (t <= now &&
                    (bestQ == nullptr || t < bestQ->ring[bestQ->head & bestQ->ringMask].expires))
                    bestQ = &q;
            }
            if (bestQ == nullptr)
                return n;
            const Record r = bestQ->ring[bestQ->head & bestQ->ringMask];
            ++bestQ->head;
            onExpire(static_cast<const TimeWaitEntry&>(m_pool[r.handle]));
            erase(r.handle);
            ++n;
        }
    }

    // Calls f(const TimeWaitEntry&) for every live entry (for sampling and final socket tables;
    // never on the per-connection path).
    template <class F>
    void forEach(F&& f) const {
        for (std::size_t h = 0; h < m_pool.size(); ++h) {
            if (m_live[h])
                f(m_pool[h]);
        }
    }

    // Bytes this table uses now (pool, index, FIFOs): for the memory figures of the load model.
    std::size_t memoryBytes() const {
        std::size_t bytes = m_pool.capacity() * sizeof(TimeWaitEntry) +
                            m_index.capacity() * sizeof(std::uint32_t) +
                            m_free.capacity() * sizeof(std::uint32_t) + m_live.capacity() / 8;
        for (const auto& q : m_queues)
            bytes += q.ring.capacity() * sizeof(Record);
        return bytes;
    }

private:
    struct Record {
        SimTime expires;
        std::uint32_t handle;
        std::uint32_t generation;
    };
    struct Queue {
        SimTime duration = 0;
        std::vector<Record> ring;
        std::size_t ringMask = 0;
        std::size_t head = 0;
        std::size_t tail = 0;
    };

    void schedule(std::uint32_t h, SimTime now, SimTime duration) {
        TimeWaitEntry& e = m_pool[h];
        e.expires = now + duration;
        Queue* q = nullptr;
        for (auto& cand : m_queues) {
            if (cand.duration == duration) {
                q = &cand;
                break;
            }
        }
        if (q == nullptr) {
            m_queues.push_back(Queue{duration, std::vector<Record>(16), 15, 0, 0});
            q = &m_queues.back();
        }
        if (q->tail - q->head == q->ring.size())
            growRing(*q);
        q->ring[q->tail & q->ringMask] = Record{e.expires, h, e.generation};
        ++q->tail;
    }
    void growRing(Queue& q) {
        std::vector<Record> bigger(q.ring.size() * 2);
        std::size_t n = 0;
        for (std::size_t i = q.head; i != q.tail; ++i)
            bigger[n++] = q.ring[i & q.ringMask];
        q.ring.swap(bigger);
        q.ringMask = q.ring.size() - 1;
        q.head = 0;
        q.tail = n;
    }
    void dropStale(Queue& q) {
        while (q.head != q.tail) {
            const Record& r = q.ring[q.head & q.ringMask];
            if (m_live[r.handle] && m_pool[r.handle].generation == r.generation)
                return;
            ++q.head;
        }
    }
    void placeIndex(std::uint32_t h) {
        std::size_t i = hashFourTuple(m_pool[h].tuple) & m_mask;
        while (m_index[i] != kNone)
            i = (i + 1) & m_mask;
        m_index[i] = h;
    }
    // Linear-probing deletion with backward shift (no tombstones, so lookups stay short).
    void removeIndex(std::uint32_t h) {
        std::size_t i = hashFourTuple(m_pool[h].tuple) & m_mask;
        while (m_index[i] != h)
            i = (i + 1) & m_mask;
        std::size_t j = i;
        for (;;) {
            j = (j + 1) & m_mask;
            if (m_index[j] == kNone)
                break;
            const std::size_t k = hashFourTuple(m_pool[m_index[j]].tuple) & m_mask;
            const bool between = i <= j ? (i < k && k <= j) : (i < k || k <= j);
            if (between)
                continue;
            m_index[i] = m_index[j];
            i = j;
        }
        m_index[i] = kNone;
    }
    void rehash(std::size_t capacity) {
        m_index.assign(capacity, kNone);
        m_mask = capacity - 1;
        for (std::size_t h = 0; h < m_pool.size(); ++h) {
            if (h < m_live.size() && m_live[h])
                placeIndex(static_cast<std::uint32_t>(h));
        }
    }

    std::vector<TimeWaitEntry> m_pool;
    std::vector<bool> m_live;
    std::vector<std::uint32_t> m_free;
    std::vector<std::uint32_t> m_index;
    std::size_t m_mask = 0;
    std::size_t m_count = 0;
    std::vector<Queue> m_queues;
};

}  // namespace closelab::core
