#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <vector>

namespace closelab::core {

// The part of a timed object that links it into a TimerLists (like the kernel's struct
// timer_list, embedded in the socket it times).
// 24 bytes: a TIME_WAIT mini-socket carries one.
struct TimerLink {
    static constexpr std::uint32_t kNoLink = 0xffffffffU;
    static constexpr std::uint64_t kUnlinked = 0xff;
    static constexpr std::uint64_t kSeqMask = (std::uint64_t{1} << 56) - 1;
    std::int64_t t = 0;  // deadline
    // The list (top 8 bits, kUnlinked when not armed) and the insertion order (the rest), which
    // breaks ties so a seed fixes the whole run.
    std::uint64_t listSeq = kUnlinked << 56;
    std::uint32_t prev = kNoLink;
    std::uint32_t next = kNoLink;
    std::uint64_t seq() const { return listSeq & kSeqMask; }
    std::size_t list() const { return static_cast<std::size_t>(listSeq >> 56); }
    bool linked() const { return (listSeq >> 56) != kUnlinked; }
};

// Pending timers embedded in the objects they belong to, as doubly linked lists, one per
// delay. A timer started with a fixed delay expires after every timer started before it with
// the same delay, so appending keeps each list sorted: arming, re-arming and cancelling are
// O(1) whatever the number pending (the kernel's timer wheel does the same with mod_timer() and
// del_timer()). Cancelled timers leave nothing behind, so a socket that is destroyed costs
// nothing at its old deadlines (inet_csk_clear_xmit_timers() deletes the timers too).
//
// `LinkOf` maps an object id to its TimerLink: `TimerLink& operator()(std::uint32_t id)`.
template <class LinkOf>
class TimerLists {
public:
    static constexpr std::uint32_t kNone = TimerLink::kNoLink;
    static constexpr std::size_t kMaxLists = 32;

    explicit TimerLists(LinkOf linkOf) : m_linkOf(linkOf) {}

    // Arms (or re-arms) the timer of `id` (whose link is `link`) to fire at `t`, `delay` after
    // now; `delay` picks the list. `seq` orders it against other events at the same time.
    void arm(std::uint32_t id, TimerLink& link, std::int64_t t, std::int64_t delay,
             std::uint64_t seq) {
        if (link.linked()) {
            cancel(id, link);
        }
        link.t = t;
        const std::size_t li = listFor(delay);
        List& list = m_lists[li];
        link.listSeq = (std::uint64_t{li} << 56) | (seq & TimerLink::kSeqMask);
        link.next = kNone;
        if (list.tail == kNone) {
            link.prev = kNone;
            list.head = list.tail = id;
            consider(id, link);
            return;
        }
        TimerLink& tail = m_linkOf(list.tail);
        if (!later(tail, link)) {  // a list of one fixed delay: always appended
            link.prev = list.tail;
            tail.next = id;
            list.tail = id;
            return;
        }
        // Walk back past later deadlines (only a shared list gets here).
        std::uint32_t after = tail.prev;
        while (after != kNone && later(m_linkOf(after), link)) {
            after = m_linkOf(after).prev;
        }
        link.prev = after;
        if (after == kNone) {
            link.next = list.head;
            m_linkOf(list.head).prev = id;
            list.head = id;
            consider(id, link);
            return;
        }
        TimerLink& before = m_linkOf(after);
        link.next = before.next;
        before.next = id;
        m_linkOf(link.next).prev = id;
    }

    // Cancels the timer of `id` (whose link is `link`), if armed.
    void cancel(std::uint32_t id, TimerLink& link) {
        if (!link.linked()) {
            return;
        }
        List& list = m_lists[link.list()];
        if (link.prev == kNone) {
            list.head = link.next;
        } else {
            m_linkOf(link.prev).next = link.next;
        }
        if (link.next == kNone) {
            list.tail = link.prev;
        } else {
            m_linkOf(link.next).prev = link.prev;
        }
        link.listSeq = TimerLink::kUnlinked << 56;
        if (m_earliest == id) {
            m_earliest = kUnknown;  // only a list's head can be the earliest
        }
    }

    // The id of the earliest timer (by deadline, then seq), or kNone.
    std::uint32_t earliest() {
        if (m_earliest == kUnknown) {
            m_earliest = kNone;
            m_earliestLink = nullptr;
            for (const List& list : m_lists) {
                if (list.head == kNone) {
                    continue;
                }
                const TimerLink& head = m_linkOf(list.head);
                if (m_earliestLink == nullptr || later(*m_earliestLink, head)) {
                    m_earliestLink = &head;
                    m_earliest = list.head;
                }
            }
        }
        return m_earliest;
    }
    // The link of earliest(); valid until the lists change.
    const TimerLink& earliestLink() const { return *m_earliestLink; }

private:
    static constexpr std::uint32_t kUnknown = 0xfffffffeU;
    struct List {
        std::int64_t delay = 0;
        std::uint32_t head = kNone;
        std::uint32_t tail = kNone;
    };

    static bool later(const TimerLink& a, const TimerLink& b) {
        return a.t != b.t ? a.t > b.t : a.seq() > b.seq();
    }
    // The list of `delay`. A socket's timers take turns between a few delays (the SYN's 1 s RTO,
    // the later RTO, the delayed ACK), so a small table remembers the list of recent delays.
    std::size_t listFor(std::int64_t delay) {
        Recent& recent =
            m_recent[(static_cast<std::uint64_t>(delay) * 0x9e3779b97f4a7c15ULL) >> 61];
        if (recent.delay == delay) {
            return recent.list;
        }
        recent.delay = delay;
        for (std::size_t i = 0; i < m_lists.size(); ++i) {
            if (m_lists[i].delay == delay) {
                recent.list = i;
                return i;
            }
        }
        if (m_lists.size() < kMaxLists) {
            m_lists.push_back(List{delay, kNone, kNone});
            recent.list = m_lists.size() - 1;
            return recent.list;
        }
        // Out of lists: share the last one (arm() keeps it sorted by walking back).
        recent.list = kMaxLists - 1;
        return recent.list;
    }
    // A new head of a list: the earliest if it comes before the known earliest.
    void consider(std::uint32_t id, const TimerLink& link) {
        if (m_earliest == kNone || (m_earliest != kUnknown && later(*m_earliestLink, link))) {
            m_earliest = id;
            m_earliestLink = &link;
        }
    }

    struct Recent {
        std::int64_t delay = std::numeric_limits<std::int64_t>::min();
        std::size_t list = 0;
    };

    LinkOf m_linkOf;
    std::vector<List> m_lists;
    std::array<Recent, 8> m_recent{};
    std::uint32_t m_earliest = kUnknown;
    const TimerLink* m_earliestLink = nullptr;  // links never move (the owners' pools are stable)
};

}  // namespace closelab::core
