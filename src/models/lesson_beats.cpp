#include "models/lesson_beats.h"

#include "core/recording.h"

namespace closelab::models {

std::vector<LessonBeat> lessonBeats(const core::Recording& recording) {
    std::vector<LessonBeat> beats;
    beats.reserve(recording.beats.size());
    for (const core::RecBeat& b : recording.beats) {
        LessonBeat beat;
        beat.timeUs = b.tUs;
        beat.captionEn = QString::fromStdString(b.caption.en);
        beat.captionZh = QString::fromStdString(b.caption.zhCN);
        beat.notesEn = QString::fromStdString(b.notes.en);
        beat.notesZh = QString::fromStdString(b.notes.zhCN);
        for (const int i : b.focusSegments) {
            if (i < 0 || i >= int(recording.segments.size()))
                continue;
            const core::RecSegment& s = recording.segments[std::size_t(i)];
            beat.focusUs.emplace_back(s.tUs, s.arriveUs >= 0 ? s.arriveUs : s.tUs);
            beat.focusSegments.push_back(i);
        }
        beats.push_back(std::move(beat));
    }
    return beats;
}

}  // namespace closelab::models
