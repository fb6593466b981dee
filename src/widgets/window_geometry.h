#pragma once

#include <QRect>

namespace closelab::widgets {

// Where the main window opens when no geometry was saved: 85 % of the screen's available area,
// at least 1024x700 where the screen has room for it (the smallest classroom projector is
// 1024x768), never larger than the available area, centred on it.
QRect firstStartGeometry(const QRect& available);

}  // namespace closelab::widgets
