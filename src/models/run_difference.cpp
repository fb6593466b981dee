#include "models/run_difference.h"

#include <QCoreApplication>

#include <set>

#include "core/recording.h"
#include "models/note_context.h"
#include "models/note_text.h"
#include "models/time_format.h"

namespace closelab::models {

namespace {

QString translated(const char* text) {
    return QCoreApplication::translate("closelab::RunDifference", text);
}

int count(const core::Recording& rec, bool (*match)(const core::RecSegment&)) {
    int n = 0;
    for (const auto& s : rec.segments)
        n += match(s) ? 1 : 0;
    return n;
}

int timeWaits(const core::Recording& rec) {
    int n = 0;
    for (const auto& t : rec.transitions)
        n += t.to == core::TcpState::TimeWait ? 1 : 0;
    return n;
}

std::set<core::NoteId> noteKinds(const core::Recording& rec) {
    std::set<core::NoteId> ids;
    for (const auto& n : rec.notes) {
        if (n.id != core::NoteId::OptionEffective)
            ids.insert(n.id);
    }
    return ids;
}

// The first note of a kind, as a sentence of its own run.
QString firstSentence(const core::Recording& rec, core::NoteId id) {
    const NoteContext context(rec);
    for (const auto& n : rec.notes) {
        if (n.id == id)
            return noteSentence(n, context);
    }
    return {};
}

}  // namespace

QStringList runDifferences(const core::Recording& before, const core::Recording& after) {
    QStringList lines;
    const auto compare = [&lines](const char* what, qint64 a, qint64 b) {
        if (a != b)
            lines << translated(what).arg(a).arg(b);
    };
    compare(QT_TRANSLATE_NOOP("closelab::RunDifference", "Sockets entering TIME_WAIT: %1 → %2"),
            timeWaits(before), timeWaits(after));
    compare(QT_TRANSLATE_NOOP("closelab::RunDifference", "Segments sent: %1 → %2"),
            qint64(before.segments.size()), qint64(after.segments.size()));
    const auto lost = [](const core::RecSegment& s) { return s.fate != core::Fate::Delivered; };
    compare(QT_TRANSLATE_NOOP("closelab::RunDifference", "Segments lost or dropped: %1 → %2"),
            count(before, lost), count(after, lost));
    compare(QT_TRANSLATE_NOOP("closelab::RunDifference", "Resets sent: %1 → %2"),
            before.outcome.resets, after.outcome.resets);
    compare(QT_TRANSLATE_NOOP("closelab::RunDifference", "SYNs dropped: %1 → %2"),
            before.outcome.synDropped, after.outcome.synDropped);
    compare(
        QT_TRANSLATE_NOOP("closelab::RunDifference", "Old segments accepted as new data: %1 → %2"),
        before.outcome.strayAccepted, after.outcome.strayAccepted);
    if (before.endUs != after.endUs)
        lines << QCoreApplication::translate("closelab::RunDifference",
                                             "The run lasts %1 instead of %2")
                     .arg(formatDuration(after.endUs), formatDuration(before.endUs));
    const auto was = noteKinds(before);
    const auto now = noteKinds(after);
    for (const core::NoteId id : now) {
        if (!was.count(id))
            lines << QCoreApplication::translate("closelab::RunDifference", "Now: %1")
                         .arg(firstSentence(after, id));
    }
    for (const core::NoteId id : was) {
        if (!now.count(id))
            lines << QCoreApplication::translate("closelab::RunDifference", "No longer: %1")
                         .arg(firstSentence(before, id));
    }
    return lines;
}

}  // namespace closelab::models
