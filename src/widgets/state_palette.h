#pragma once

#include <QColor>
#include <QString>

namespace closelab::widgets {

// One colour per TCP state name (as ss prints it), shared by plots, charts and tables so a
// learner sees TIME_WAIT in the same colour everywhere. Unknown names get a stable grey-ish hue.
QColor stateColor(const QString& stateName);

}  // namespace closelab::widgets
