#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace closelab::core {

// Append-only storage in fixed chunks: references stay valid while elements are added (unlike
// std::vector), and indexing is a shift and a mask (cheaper than std::deque).
template <class T, unsigned kChunkBits = 12>
class ChunkedPool {
public:
    static constexpr std::size_t kChunk = std::size_t{1} << kChunkBits;

    std::size_t size() const { return m_size; }
    T& operator[](std::size_t i) { return m_chunks[i >> kChunkBits][i & (kChunk - 1)]; }
    const T& operator[](std::size_t i) const { return m_chunks[i >> kChunkBits][i & (kChunk - 1)]; }
    T& emplace_back() {
        if ((m_size & (kChunk - 1)) == 0) {
            m_chunks.push_back(std::make_unique<T[]>(kChunk));
        }
        return (*this)[m_size++];
    }
    std::size_t capacityBytes() const { return m_chunks.size() * kChunk * sizeof(T); }

private:
    std::vector<std::unique_ptr<T[]>> m_chunks;
    std::size_t m_size = 0;
};

}  // namespace closelab::core
