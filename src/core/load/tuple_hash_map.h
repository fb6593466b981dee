#pragma once

#include <cstdint>
#include <vector>

namespace closelab::core {

// Open-addressing map from a packed 4-tuple (never 0) to a 32-bit handle: the load model's
// established hash (inet_ehash). Linear probing with backward-shift deletion, no tombstones,
// so lookups stay O(1) however many TIME_WAIT sockets there are.
class TupleHashMap {
public:
    static constexpr std::uint32_t kNone = 0xffffffffU;

    TupleHashMap() { rehash(16); }

    std::uint32_t find(std::uint64_t key) const {
        std::size_t i = slot(key);
        while (m_keys[i] != 0) {
            if (m_keys[i] == key) {
                return m_values[i];
            }
            i = (i + 1) & m_mask;
        }
        return kNone;
    }
    // The key must not be present.
    void insert(std::uint64_t key, std::uint32_t value) {
        if ((m_count + 1) * 2 > m_keys.size()) {
            rehash(m_keys.size() * 2);
        }
        place(key, value);
        ++m_count;
    }
    void assign(std::uint64_t key, std::uint32_t value) {
        std::size_t i = slot(key);
        while (m_keys[i] != key) {
            i = (i + 1) & m_mask;
        }
        m_values[i] = value;
    }
    bool erase(std::uint64_t key) {
        std::size_t i = slot(key);
        while (m_keys[i] != key) {
            if (m_keys[i] == 0) {
                return false;
            }
            i = (i + 1) & m_mask;
        }
        // Backward-shift: move later members of the probe run into the hole.
        std::size_t hole = i;
        std::size_t j = (i + 1) & m_mask;
        while (m_keys[j] != 0) {
            const std::size_t home = slot(m_keys[j]);
            const bool movable = ((j - home) & m_mask) >= ((j - hole) & m_mask);
            if (movable) {
                m_keys[hole] = m_keys[j];
                m_values[hole] = m_values[j];
                hole = j;
            }
            j = (j + 1) & m_mask;
        }
        m_keys[hole] = 0;
        --m_count;
        return true;
    }
    std::size_t size() const { return m_count; }
    std::size_t bytes() const { return m_keys.capacity() * 8 + m_values.capacity() * 4; }

private:
    static std::uint64_t mix(std::uint64_t x) {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdULL;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53ULL;
        x ^= x >> 33;
        return x;
    }
    std::size_t slot(std::uint64_t key) const {
        return static_cast<std::size_t>(mix(key)) & m_mask;
    }
    void place(std::uint64_t key, std::uint32_t value) {
        std::size_t i = slot(key);
        while (m_keys[i] != 0) {
            i = (i + 1) & m_mask;
        }
        m_keys[i] = key;
        m_values[i] = value;
    }
    void rehash(std::size_t capacity) {
        std::vector<std::uint64_t> keys(capacity, 0);
        std::vector<std::uint32_t> values(capacity, 0);
        keys.swap(m_keys);
        values.swap(m_values);
        m_mask = capacity - 1;
        for (std::size_t i = 0; i < keys.size(); ++i) {
            if (keys[i] != 0) {
                place(keys[i], values[i]);
            }
        }
    }

    std::vector<std::uint64_t> m_keys;
    std::vector<std::uint32_t> m_values;
    std::size_t m_mask = 0;
    std::size_t m_count = 0;
};

}  // namespace closelab::core
