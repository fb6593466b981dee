#pragma once

#include <QColor>
#include <QString>

namespace closelab::models {

// The ladder's colours, one source for the on-screen ladder (qml/Ladder.qml reads them through
// LadderScene::stateColor() and LadderScene::paletteColor()) and the SVG export, so an exported
// picture looks like the screen. By state family: opening blue, established green, closing
// amber, waiting violet (TIME_WAIT) or red (CLOSE_WAIT, the one people search for), closed grey.
class LadderPalette {
public:
    static QColor state(const QString& stateName);
    // "background", "highlight", "arrow", "lost", "delayed", "timer", "break", "breakLine",
    // "lifeline"; an unknown name gives an invalid colour.
    static QColor named(const QString& name);
};

}  // namespace closelab::models
