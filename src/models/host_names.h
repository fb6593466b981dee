#pragma once

#include <QString>

#include <string_view>

namespace closelab::models {

// A host's role name ("client", "server", "client2", "nat", "lb", "web", "db", "client7") in the
// user's language, for lane titles and table cells. The role name itself stays the identifier
// used by --set and the scenario files.
QString hostDisplayName(std::string_view role);
// Segment fate and drop reason ("lost", "dropped", "delayed"; "loss", "fault", "hold", ...) in the
// user's language; unknown reason codes are shown as they are.
QString fateDisplayName(std::string_view fate);
QString reasonDisplayName(std::string_view reason);

}  // namespace closelab::models
