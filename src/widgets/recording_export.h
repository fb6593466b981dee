#pragma once

#include <QString>

namespace closelab::core {
struct Recording;
}

namespace closelab::widgets {

// The trace as CSV: one row per segment with stable, untranslated column names (t_us, from, to,
// src, dst, flags, seq, ack, len, tsval, tsecr, fate, arrive_us, reason), as in
// `closelab-cli run --format json` so scripts can read either; then rel_seq and rel_ack, relative
// to each direction's initial sequence number (what the ladder and the trace show by default).
QString traceCsv(const core::Recording& recording);
bool writeTraceCsv(const core::Recording& recording, const QString& file);
// The whole recording as `closelab-cli run` writes it (core::toJson), pretty-printed, with
// rel_seq and rel_ack added to each segment.
bool writeRecordingJson(const core::Recording& recording, const QString& file);

}  // namespace closelab::widgets
