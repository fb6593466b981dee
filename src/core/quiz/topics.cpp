// The topics of the question bank (docs/questions.md lists the ids).
#include "core/quiz/topics.h"

#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace closelab::core::quiz {

const std::vector<Topic>& topics() {
    static const std::vector<Topic> list = {
        {"close_states", QT_TRANSLATE_NOOP("closelab::Quiz", "The close and its states")},
        {"time_wait_purpose", QT_TRANSLATE_NOOP("closelab::Quiz", "Why TIME_WAIT exists")},
        {"time_wait_duration",
         QT_TRANSLATE_NOOP("closelab::Quiz", "How long TIME_WAIT lasts on Linux")},
        {"lost_segments", QT_TRANSLATE_NOOP("closelab::Quiz", "Lost FIN and lost final ACK")},
        {"old_duplicates", QT_TRANSLATE_NOOP("closelab::Quiz", "Old duplicates and PAWS")},
        {"fin_timeout", QT_TRANSLATE_NOOP("closelab::Quiz", "tcp_fin_timeout versus TIME_WAIT")},
        {"close_wait", QT_TRANSLATE_NOOP("closelab::Quiz", "CLOSE_WAIT leaks and finding them")},
        {"tw_reuse", QT_TRANSLATE_NOOP("closelab::Quiz", "tcp_tw_reuse and what it needs")},
        {"tw_recycle", QT_TRANSLATE_NOOP("closelab::Quiz", "tcp_tw_recycle behind NAT")},
        {"tw_buckets", QT_TRANSLATE_NOOP("closelab::Quiz", "tcp_max_tw_buckets")},
        {"linger", QT_TRANSLATE_NOOP("closelab::Quiz", "SO_LINGER {1,0} and {1,N}")},
        {"reuseaddr",
         QT_TRANSLATE_NOOP("closelab::Quiz", "SO_REUSEADDR and SO_REUSEPORT on restart")},
        {"ephemeral_ports",
         QT_TRANSLATE_NOOP("closelab::Quiz", "Ephemeral ports and client capacity")},
        {"server_close", QT_TRANSLATE_NOOP("closelab::Quiz", "The server closes first")},
        {"half_close", QT_TRANSLATE_NOOP("closelab::Quiz", "Half-close")},
        {"simultaneous_close", QT_TRANSLATE_NOOP("closelab::Quiz", "Simultaneous close")},
        {"rst", QT_TRANSLATE_NOOP("closelab::Quiz", "Resets (RST)")},
    };
    return list;
}

const Topic* findTopic(std::string_view id) {
    for (const auto& t : topics())
        if (t.id == id)
            return &t;
    return nullptr;
}

}  // namespace closelab::core::quiz
