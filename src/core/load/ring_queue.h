#pragma once

#include <cstddef>
#include <vector>

namespace closelab::core {

// A growable FIFO ring buffer (power-of-two capacity): no allocation per element.
template <class T>
class RingQueue {
public:
    RingQueue() : m_buf(16), m_mask(15) {}

    bool empty() const { return m_count == 0; }
    std::size_t size() const { return m_count; }
    const T& front() const { return m_buf[m_head]; }
    const T& back() const { return m_buf[(m_head + m_count - 1) & m_mask]; }
    void pop() {
        m_head = (m_head + 1) & m_mask;
        --m_count;
    }
    // Appends a default element and returns it, to be filled in place.
    T& emplace() {
        if (m_count > m_mask) {  // full (m_mask + 1 is the capacity)
            grow();
        }
        T& slot = m_buf[(m_head + m_count) & m_mask];
        slot = T{};
        ++m_count;
        return slot;
    }
    void push(const T& value) {
        if (m_count > m_mask) {  // full (m_mask + 1 is the capacity)
            grow();
        }
        m_buf[(m_head + m_count) & m_mask] = value;
        ++m_count;
    }
    std::size_t bytes() const { return m_buf.capacity() * sizeof(T); }

private:
    void grow() {
        std::vector<T> bigger(m_buf.size() * 2);
        for (std::size_t i = 0; i < m_count; ++i) {
            bigger[i] = m_buf[(m_head + i) & m_mask];
        }
        m_buf.swap(bigger);
        m_head = 0;
        m_mask = m_buf.size() - 1;
    }

    std::vector<T> m_buf;
    std::size_t m_mask;
    std::size_t m_head = 0;
    std::size_t m_count = 0;
};

}  // namespace closelab::core
