#pragma once

#include <cstdint>

namespace closelab::core {

// xoshiro256** seeded with splitmix64: small, fast, and identical on every platform, so a seed
// fully determines a run (std:: distributions are implementation-defined; we avoid them).
class Rng {
public:
    explicit Rng(std::uint64_t seed = 1) {
        std::uint64_t x = seed;
        for (auto& s : m_s) {
            x += 0x9E3779B97F4A7C15ULL;
            std::uint64_t z = x;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
            s = z ^ (z >> 31);
        }
    }

    std::uint64_t next() {
        const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        const std::uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }
    std::uint32_t next32() { return static_cast<std::uint32_t>(next() >> 32); }
    // Uniform in [0, bound) (Lemire's multiply-shift; bound > 0).
    std::uint32_t below(std::uint32_t bound) {
        return static_cast<std::uint32_t>((std::uint64_t{next32()} * bound) >> 32);
    }
    // Uniform in [0, 1).
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t m_s[4];
};

}  // namespace closelab::core
