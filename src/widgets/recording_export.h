#pragma once

#include <QString>

namespace closelab::core {
struct Recording;
}

namespace closelab::widgets {

// The trace as CSV: one row per segment with stable, untranslated column names (t_us, from, to,
// src, dst, flags, seq, ack, len, tsval, tsecr, fate, arrive_us, reason), as in
// `closelab-cli run --format json` so scripts can read either.
QString traceCsv(const core::Recording& recording);
bool writeTraceCsv(const core::Recording& recording, const QString& file);
// The whole recording as `closelab-cli run` writes it (core::toJson), pretty-printed.
bool writeRecordingJson(const core::Recording& recording, const QString& file);

}  // namespace closelab::widgets
