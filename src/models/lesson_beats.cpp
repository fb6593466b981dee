#include "models/lesson_beats.h"

#include "core/recording.h"

namespace closelab::models {

std::vector<LessonBeat> lessonBeats(const core::Recording& recording) {
    std::vector<LessonBeat> beats;
    (void)recording;
    return beats;
}

}  // namespace closelab::models
