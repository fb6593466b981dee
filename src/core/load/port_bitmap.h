#pragma once

#include <bit>
#include <cstdint>
#include <vector>

namespace closelab::core {

// A bit set with a one-word-per-64-words summary, so "first set bit at or after k, wrapping"
// costs a few word operations instead of a scan. The load model keeps one per destination and
// port parity to answer __inet_hash_connect()'s "first usable port in scan order" in O(1).
class PortBitmap {
public:
    static constexpr std::uint32_t kNone = 0xffffffffU;

    explicit PortBitmap(std::uint32_t size = 0)
        : m_words((size + 63) / 64, 0), m_summary((m_words.size() + 63) / 64, 0), m_size(size) {}

    std::uint32_t size() const { return m_size; }
    bool test(std::uint32_t k) const { return (m_words[k >> 6] >> (k & 63)) & 1U; }
    void set(std::uint32_t k) {
        m_words[k >> 6] |= std::uint64_t{1} << (k & 63);
        m_summary[k >> 12] |= std::uint64_t{1} << ((k >> 6) & 63);
    }
    void reset(std::uint32_t k) {
        std::uint64_t& word = m_words[k >> 6];
        word &= ~(std::uint64_t{1} << (k & 63));
        if (word == 0) {
            m_summary[k >> 12] &= ~(std::uint64_t{1} << ((k >> 6) & 63));
        }
    }
    bool any() const {
        for (const auto word : m_summary) {
            if (word != 0) {
                return true;
            }
        }
        return false;
    }
    void setAll() {
        const std::uint32_t full = m_size / 64;
        for (std::uint32_t w = 0; w < full; ++w) {
            m_words[w] = ~std::uint64_t{0};
        }
        if ((m_size & 63) != 0) {
            m_words[full] = (std::uint64_t{1} << (m_size & 63)) - 1;
        }
        for (std::uint32_t w = 0; w < m_words.size(); ++w) {
            m_summary[w >> 6] |= std::uint64_t{1} << (w & 63);
        }
    }
    // First set bit at or after `from`, wrapping around to `wrapTo` (the cycle is [wrapTo,
    // size())); kNone when no bit of the cycle is set.
    std::uint32_t findCyclic(std::uint32_t from, std::uint32_t wrapTo = 0) const {
        if (m_size == 0) {
            return kNone;
        }
        const std::uint32_t hit = findFrom(from);
        if (hit != kNone) {
            return hit;
        }
        const std::uint32_t wrapped = findFrom(wrapTo);
        return wrapped < from ? wrapped : kNone;
    }
    std::size_t bytes() const { return (m_words.capacity() + m_summary.capacity()) * 8; }

private:
    std::uint32_t findFrom(std::uint32_t from) const {
        if (from >= m_size) {
            return kNone;
        }
        std::uint32_t w = from >> 6;
        const std::uint64_t bits = m_words[w] & (~std::uint64_t{0} << (from & 63));
        if (bits != 0) {
            return w * 64 + static_cast<std::uint32_t>(std::countr_zero(bits));
        }
        ++w;
        const auto words = static_cast<std::uint32_t>(m_words.size());
        while (w < words) {
            std::uint32_t s = w >> 6;
            std::uint64_t sbits = m_summary[s] & (~std::uint64_t{0} << (w & 63));
            if (sbits != 0) {
                const std::uint32_t word =
                    s * 64 + static_cast<std::uint32_t>(std::countr_zero(sbits));
                return word * 64 + static_cast<std::uint32_t>(std::countr_zero(m_words[word]));
            }
            w = (s + 1) * 64;
        }
        return kNone;
    }

    std::vector<std::uint64_t> m_words;
    std::vector<std::uint64_t> m_summary;
    std::uint32_t m_size = 0;
};

}  // namespace closelab::core
