#include "widgets/window_geometry.h"

#include <algorithm>

namespace closelab::widgets {

namespace {

constexpr int kMinimumWidth = 1024;
constexpr int kMinimumHeight = 700;

int fit(int available, int minimum) {
    const int wanted = std::max(available * 85 / 100, minimum);
    return std::min(wanted, available);
}

}  // namespace

QRect firstStartGeometry(const QRect& available) {
    QRect r(0, 0, fit(available.width(), kMinimumWidth), fit(available.height(), kMinimumHeight));
    r.moveCenter(available.center());
    return r;
}

}  // namespace closelab::widgets
