#pragma once

#include <QString>

namespace closelab::models {

// Application name and one-line description, translated.
QString applicationTitle();
QString applicationSummary();

}  // namespace closelab::models
