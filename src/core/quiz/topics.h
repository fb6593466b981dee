#pragma once

#include <string_view>
#include <vector>

namespace closelab::core::quiz {

// A topic of the question bank. `nameEn` is marked QT_TRANSLATE_NOOP("closelab::Quiz", ...), so
// the models translate it with QCoreApplication::translate("closelab::Quiz", nameEn).
struct Topic {
    std::string_view id;  // "close_states", "time_wait_purpose", ...
    const char* nameEn;
};

// Every topic, in teaching order.
const std::vector<Topic>& topics();
// nullptr when unknown.
const Topic* findTopic(std::string_view id);

}  // namespace closelab::core::quiz
