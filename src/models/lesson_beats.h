#pragma once

#include <QString>
#include <QtGlobal>

#include <utility>
#include <vector>

namespace closelab::core {
struct Recording;
}

namespace closelab::models {

// A lesson beat as the presentation, the presenter view and the handout read it: a key moment of
// the run (simulated time) with its caption and speaker notes in both languages.
struct LessonBeat {
    qint64 timeUs = 0;
    QString captionEn;
    QString captionZh;
    QString notesEn;
    QString notesZh;
    // The segments the beat is about (send time, arrival or loss time): what a view keeps in
    // sight at this beat.
    std::vector<std::pair<qint64, qint64>> focusUs;
    std::vector<int> focusSegments;  // the same segments: indices into Recording::segments
    QString caption(bool chinese) const {
        return chinese && !captionZh.isEmpty() ? captionZh : captionEn;
    }
    QString notes(bool chinese) const { return chinese && !notesZh.isEmpty() ? notesZh : notesEn; }
};

// The recording's beats in time order (empty for a scenario without beats).
std::vector<LessonBeat> lessonBeats(const core::Recording& recording);

}  // namespace closelab::models
