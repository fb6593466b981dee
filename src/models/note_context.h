#pragma once

#include <QString>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/note.h"
#include "core/recording.h"

namespace closelab::models {

// What a note's arguments refer to in one recording, so that sentences name things the way the
// rest of the window does: a host by its display name ("Server", "服务器") instead of its role id,
// a socket by its addresses ("10.0.0.2:80 → 10.0.0.1:36022") instead of the scenario's label
// ("s"), which the user never sees anywhere else. Labels are resolved through the application
// events (host, label, socket id) and then the socket's transitions, which carry its 4-tuple;
// a label can be reused by a later socket (load scenarios), so the one live at the note's time
// wins.
class NoteContext {
public:
    NoteContext() = default;
    explicit NoteContext(const core::Recording& recording);

    // The note's arguments with host names and socket labels replaced by display text.
    std::vector<std::pair<std::string, std::string>> displayArgs(const core::Note& note) const;
    // "local → remote" of the socket `label` of `host` at time t, or "" when unknown.
    QString socketText(const std::string& host, const std::string& label, core::SimTime t) const;

private:
    struct Use {
        core::SimTime t = 0;
        int socket = 0;
    };
    struct Tuple {
        core::SimTime t = 0;
        std::string local;
        std::string remote;
    };
    std::vector<std::string> m_hosts;
    std::map<std::pair<std::string, std::string>, std::vector<Use>> m_labels;
    std::map<std::pair<std::string, int>, std::vector<Tuple>> m_tuples;
};

}  // namespace closelab::models
