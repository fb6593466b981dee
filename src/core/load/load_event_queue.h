#pragma once

#include <algorithm>
#include <cstdint>
#include <queue>
#include <vector>

#include "core/load/ring_queue.h"

namespace closelab::core {

// One pending timer of the load model. Cancelling is lazy: the owner keeps the deadline it
// expects, and a popped event whose deadline no longer matches is ignored.
struct LoadTimer {
    std::int64_t t = 0;
    std::uint64_t seq = 0;  // insertion order breaks ties, so a seed fixes the whole run
    std::uint32_t obj = 0;
    std::uint32_t gen = 0;
    std::uint8_t kind = 0;
    std::uint8_t side = 0;
    std::uint16_t host = 0;
};

// Timers as a handful of FIFO channels plus a heap. Timers started with one fixed delay (60 s
// TIME_WAIT, tcp_fin_timeout, the RTO, the delayed ACK) expire in the order they were started,
// so each delay gets a FIFO channel: O(1) per timer however many are pending (the kernel uses a
// timer wheel for the same reason). A timer that would break a channel's order goes to the heap.
class LoadEventQueue {
public:
    static constexpr int kMaxChannels = 24;

    // The channel for timers keyed `key` (a delay in microseconds, or any monotone rule id).
    int channel(std::int64_t key) {
        if (m_lastChannel >= 0 && m_keys[static_cast<std::size_t>(m_lastChannel)] == key) {
            return m_lastChannel;
        }
        for (std::size_t i = 0; i < m_keys.size(); ++i) {
            if (m_keys[i] == key) {
                m_lastChannel = static_cast<int>(i);
                return m_lastChannel;
            }
        }
        if (m_keys.size() >= kMaxChannels) {
            return -1;
        }
        m_keys.push_back(key);
        m_channels.emplace_back();
        return static_cast<int>(m_keys.size() - 1);
    }

    // Adds a timer due at `t` and returns it so the caller fills in the rest in place.
    LoadTimer& emplace(int ch, std::int64_t t) {
        ++m_size;
        if (ch >= 0) {
            auto& fifo = m_channels[static_cast<std::size_t>(ch)];
            if (fifo.empty() || fifo.back().t <= t) {
                const bool wasEmpty = fifo.empty();
                LoadTimer& slot = fifo.emplace();
                slot.t = t;
                slot.seq = m_nextSeq++;
                if (m_topValid && wasEmpty && before(slot, cachedTop())) {
                    m_topValid = false;
                }
                return slot;
            }
        }
        // The heap reorders on push: hand back a staging slot, pushed by the next call.
        flushStaged();
        m_staged.t = t;
        m_staged.seq = m_nextSeq++;
        m_hasStaged = true;
        m_topValid = false;
        return m_staged;
    }

    void push(int ch, LoadTimer timer) {
        flushStaged();
        timer.seq = m_nextSeq++;
        ++m_size;
        if (ch >= 0) {
            auto& fifo = m_channels[static_cast<std::size_t>(ch)];
            if (fifo.empty() || fifo.back().t <= timer.t) {
                fifo.push(timer);
                if (m_topValid && fifo.size() == 1 && before(timer, cachedTop())) {
                    m_topValid = false;  // a new head may be the earliest
                }
                return;
            }
        }
        m_heap.push(timer);
        m_topValid = false;
    }

    bool empty() const { return m_size == 0; }
    std::size_t size() const { return m_size; }
    std::uint64_t takeSeq() { return m_nextSeq++; }

    // The earliest timer (by time, then insertion order); the queue must not be empty.
    const LoadTimer& top() {
        flushStaged();
        if (m_topValid) {
            return cachedTop();
        }
        m_best = -1;
        const LoadTimer* best = m_heap.empty() ? nullptr : &m_heap.top();
        for (std::size_t i = 0; i < m_channels.size(); ++i) {
            if (m_channels[i].empty()) {
                continue;
            }
            const LoadTimer& head = m_channels[i].front();
            if (best == nullptr || before(head, *best)) {
                best = &head;
                m_best = static_cast<int>(i);
            }
        }
        m_topValid = true;
        return *best;
    }
    // Removes the timer last returned by top().
    void pop() {
        top();
        m_topValid = false;
        if (m_best >= 0) {
            m_channels[static_cast<std::size_t>(m_best)].pop();
        } else {
            m_heap.pop();
        }
        --m_size;
    }

    std::size_t bytes() const {
        std::size_t total = m_heap.size() * sizeof(LoadTimer);
        for (const auto& c : m_channels) {
            total += c.bytes();
        }
        return total;
    }

    static bool before(const LoadTimer& a, const LoadTimer& b) {
        return a.t != b.t ? a.t < b.t : a.seq < b.seq;
    }

private:
    void flushStaged() {
        if (m_hasStaged) {
            m_heap.push(m_staged);
            m_hasStaged = false;
        }
    }
    const LoadTimer& cachedTop() const {
        return m_best >= 0 ? m_channels[static_cast<std::size_t>(m_best)].front() : m_heap.top();
    }
    struct Later {
        bool operator()(const LoadTimer& a, const LoadTimer& b) const { return before(b, a); }
    };
    std::vector<std::int64_t> m_keys;
    std::vector<RingQueue<LoadTimer>> m_channels;
    std::priority_queue<LoadTimer, std::vector<LoadTimer>, Later> m_heap;
    std::uint64_t m_nextSeq = 0;
    std::size_t m_size = 0;
    int m_best = -1;
    int m_lastChannel = -1;
    bool m_topValid = false;
    LoadTimer m_staged;        // a heap-bound timer being filled in by the caller
    bool m_hasStaged = false;  // m_best names the earliest timer (-1: the heap's top)
};

}  // namespace closelab::core
