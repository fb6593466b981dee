#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "core/sim_time.h"

namespace closelab::core {

// One scheduled event: plain data, no std::function, no allocation per event. `kind` says what to
// do, `target` and `data` whom to do it to (e.g. a socket slot and a timer generation, so a
// cancelled timer is recognised when it pops instead of being searched for).
struct Event {
    SimTime t = 0;
    std::uint64_t seq = 0;  // insertion order: ties are broken by it, so runs are deterministic
    std::uint32_t kind = 0;
    std::uint32_t target = 0;
    std::uint64_t data = 0;
};

// A 4-ary min-heap ordered by (t, seq). Long uniform timers (TIME_WAIT) do not belong here: they
// live in TimeWaitTable's FIFOs, so this heap only holds in-flight segments and short timers and
// its cost does not grow with the TIME_WAIT population.
class EventQueue {
public:
    void reserve(std::size_t n) { m_heap.reserve(n); }
    bool empty() const { return m_heap.empty(); }
    std::size_t size() const { return m_heap.size(); }
    const Event& top() const { return m_heap.front(); }
    SimTime nextTime() const { return m_heap.front().t; }

    void push(SimTime t, std::uint32_t kind, std::uint32_t target, std::uint64_t data) {
        m_heap.push_back(Event{t, m_seq++, kind, target, data});
        siftUp(m_heap.size() - 1);
    }

    Event pop() {
        Event out = m_heap.front();
        m_heap.front() = m_heap.back();
        m_heap.pop_back();
        if (!m_heap.empty())
            siftDown(0);
        return out;
    }

    void clear() {
        m_heap.clear();
        m_seq = 0;
    }

private:
    static bool before(const Event& a, const Event& b) {
        return a.t < b.t || (a.t == b.t && a.seq < b.seq);
    }
    void siftUp(std::size_t i) {
        Event e = m_heap[i];
        while (i > 0) {
            const std::size_t parent = (i - 1) / 4;
            if (!before(e, m_heap[parent]))
                break;
            m_heap[i] = m_heap[parent];
            i = parent;
        }
        m_heap[i] = e;
    }
    void siftDown(std::size_t i) {
        const std::size_t n = m_heap.size();
        Event e = m_heap[i];
        for (;;) {
            const std::size_t first = 4 * i + 1;
            if (first >= n)
                break;
            std::size_t best = first;
            const std::size_t last = first + 4 < n ? first + 4 : n;
            for (std::size_t c = first + 1; c < last; ++c) {
                if (before(m_heap[c], m_heap[best]))
                    best = c;
            }
            if (!before(m_heap[best], e))
                break;
            m_heap[i] = m_heap[best];
            i = best;
        }
        m_heap[i] = e;
    }

    std::vector<Event> m_heap;
    std::uint64_t m_seq = 0;
};

}  // namespace closelab::core
