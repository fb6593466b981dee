#pragma once

#include <QStringList>

namespace closelab::core {
struct Recording;
}

namespace closelab::models {

// What changed between two runs of one scenario (before and after a tried option), in the
// user's language, one line each, most telling first: the sockets left in TIME_WAIT, segments
// sent and lost, resets, SYNs dropped, old data accepted, the run's length, then the kinds of
// note that appear or disappear (as sentences of the new or the old run). Empty when the runs
// tell the same story.
QStringList runDifferences(const core::Recording& before, const core::Recording& after);

}  // namespace closelab::models
