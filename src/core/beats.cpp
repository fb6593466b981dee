#include <algorithm>

#include "core/simulate.h"

namespace closelab::core {

namespace {

bool segmentMatches(const BeatAnchor& a, const RecSegment& s) {
    const SegmentMatch& m = a.segment;
    if (!m.from.empty() && m.from != s.from)
        return false;
    if (!m.to.empty() && m.to != s.to)
        return false;
    // As for faults: the flag set without PSH, exactly.
    if (!m.flags.empty() && parseFlagNames(m.flags) != (s.flags & (kFin | kSyn | kRst | kAck)))
        return false;
    if (m.hasData && *m.hasData != (s.len > 0))
        return false;
    if (!a.fate.empty() && a.fate != fateName(s.fate))
        return false;
    return s.tUs >= m.afterUs;
}

// Index of the anchor's segment in rec.segments, or -1.
int findSegment(const BeatAnchor& a, const Recording& rec) {
    int n = 0;
    for (std::size_t i = 0; i < rec.segments.size(); ++i) {
        if (segmentMatches(a, rec.segments[i]) && ++n == a.segment.nth)
            return static_cast<int>(i);
    }
    return -1;
}

const RecTransition* findTransition(const BeatAnchor& a, const Recording& rec) {
    int n = 0;
    for (const RecTransition& t : rec.transitions) {
        if (t.host != a.host || t.tUs < a.afterUs)
            continue;
        if (a.to && t.to != *a.to)
            continue;
        if (a.from && t.from != *a.from)
            continue;
        if (++n == a.nth)
            return &t;
    }
    return nullptr;
}

const RecAppEvent* findAppEvent(const BeatAnchor& a, const Recording& rec) {
    int n = 0;
    for (const RecAppEvent& e : rec.appEvents) {
        if (e.host != a.host || e.call != a.call || e.tUs < a.afterUs)
            continue;
        if (!a.result.empty() && e.result != a.result)
            continue;
        if (++n == a.nth)
            return &e;
    }
    return nullptr;
}

}  // namespace

std::vector<RecBeat> resolveBeats(const Scenario& scenario, const Recording& rec) {
    std::vector<RecBeat> out;
    for (const BeatSpec& spec : scenario.beats) {
        RecBeat b;
        b.caption = spec.caption;
        b.notes = spec.notes;
        bool placed = false;
        if (spec.on.kind == BeatAnchor::Kind::Segment) {
            const int i = findSegment(spec.on, rec);
            if (i >= 0) {
                const RecSegment& s = rec.segments[static_cast<std::size_t>(i)];
                b.tUs = spec.on.arrival && s.arriveUs >= 0 ? s.arriveUs : s.tUs;
                b.focusSegments.push_back(i);
                b.anchor = "segment";
                placed = true;
            }
        } else if (spec.on.kind == BeatAnchor::Kind::Transition) {
            if (const RecTransition* t = findTransition(spec.on, rec)) {
                b.tUs = t->tUs;
                b.anchor = "transition";
                placed = true;
            }
        } else if (spec.on.kind == BeatAnchor::Kind::App) {
            if (const RecAppEvent* e = findAppEvent(spec.on, rec)) {
                b.tUs = e->tUs;
                b.anchor = "app";
                placed = true;
            }
        }
        if (!placed) {
            // The event did not happen in this run (e.g. a --set changed it): the fixed time is
            // the fallback; without one the beat does not apply to this run.
            if (!spec.atUs)
                continue;
            b.tUs = std::min(*spec.atUs, rec.endUs);
            b.anchor = "time";
        }
        for (const BeatAnchor& f : spec.focus) {
            const int i = findSegment(f, rec);
            if (i >= 0 && std::find(b.focusSegments.begin(), b.focusSegments.end(), i) ==
                              b.focusSegments.end())
                b.focusSegments.push_back(i);
        }
        out.push_back(std::move(b));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const RecBeat& x, const RecBeat& y) { return x.tUs < y.tUs; });
    return out;
}

}  // namespace closelab::core
