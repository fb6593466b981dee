#include "models/current_note.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

#include "core/recording.h"
#include "models/host_names.h"

namespace closelab::models {

int notePriority(core::NoteId id) {
    using core::NoteId;
    switch (id) {
        // The routine steps of a connection's life.
        case NoteId::AppCall:
        case NoteId::Listening:
        case NoteId::PortChosen:
        case NoteId::ConnectStarted:
        case NoteId::ConnectionEstablished:
        case NoteId::Accepted:
        case NoteId::DataReceived:
        case NoteId::NatTranslated:
        case NoteId::OptionEffective:
            return 0;
        // What the kernel decided, and why something went wrong.
        case NoteId::TimeWaitReused:
        case NoteId::TimeWaitReusedByBind:
        case NoteId::TimeWaitReuseTooYoung:
        case NoteId::TimeWaitReuseNoTs:
        case NoteId::TimeWaitReuseOff:
        case NoteId::TimeWaitSynAccepted:
        case NoteId::TimeWaitRstKill:
        case NoteId::TimeWaitOverflow:
        case NoteId::PortsExhausted:
        case NoteId::BindInUse:
        case NoteId::PawsRejected:
        case NoteId::RecycleSynDropped:
        case NoteId::StrayAccepted:
        case NoteId::StrayDropped:
        case NoteId::RstUnreadData:
        case NoteId::LingerZeroRst:
        case NoteId::RetransmitGiveUp:
        case NoteId::ConnectRefused:
        case NoteId::ConnectTimedOut:
        case NoteId::SegmentLost:
        case NoteId::SegmentDroppedByFault:
            return 2;
        default:
            return 1;
    }
}

int currentNoteIndex(const std::vector<core::Note>& notes, std::int64_t us) {
    const auto end = std::upper_bound(notes.begin(), notes.end(), us,
                                      [](std::int64_t t, const core::Note& n) { return t < n.t; });
    if (end == notes.begin())
        return -1;
    const std::int64_t instant = std::prev(end)->t;
    auto best = std::prev(end);
    for (auto it = best; it->t == instant; --it) {
        if (notePriority(it->id) > notePriority(best->id))
            best = it;
        if (it == notes.begin())
            break;
    }
    return int(best - notes.begin());
}

QString stepSummary(const core::Recording& recording, std::int64_t us) {
    QStringList sentences;
    for (const auto& s : recording.segments) {
        if (s.tUs != us && s.arriveUs != us)
            continue;
        QStringList flags;
        for (const auto& f : core::flagNames(s.flags))
            flags << QString::fromStdString(f);
        const QString from = hostDisplayName(s.from);
        const QString to = hostDisplayName(s.to);
        if (s.tUs == us)
            sentences << QCoreApplication::translate("closelab::Step", "%1 sends %2 to %3.")
                             .arg(from, flags.join(u", "), to);
        if (s.arriveUs == us)
            sentences << QCoreApplication::translate("closelab::Step", "%1 receives %2 from %3.")
                             .arg(to, flags.join(u", "), from);
    }
    return sentences.join(u' ');
}

}  // namespace closelab::models
