#pragma once

#include <cstdint>
#include <vector>

#include <QString>

#include "core/note.h"

namespace closelab::core {
struct Recording;
}

namespace closelab::models {

// How much a note tells a learner, for choosing one of several notes written at the same
// instant: what the kernel decided (a TIME_WAIT taken over, a segment dropped, a reset) outranks
// the routine step that led to it (SYN sent, port chosen, the application's call).
int notePriority(core::NoteId id);

// The note the explanation shows at playback time `us`: of the notes at the latest instant not
// after `us`, the one of highest notePriority (the later one on a tie); -1 before the first note.
// `notes` are in time order, as a Recording keeps them.
int currentNoteIndex(const std::vector<core::Note>& notes, std::int64_t us);

// What the segments do at exactly `us` ("Server sends SYN, ACK to Client."), one sentence per
// segment sent or arriving then, in the user's language; empty when none. For a step that has
// no note of its own, so the explanation says what this step shows instead of the step before.
QString stepSummary(const core::Recording& recording, std::int64_t us);

}  // namespace closelab::models
