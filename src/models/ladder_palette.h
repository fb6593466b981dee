#pragma once

#include <QColor>
#include <QString>
#include <QStringList>

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

    // The same colours in a theme: "standard" (the above), "projector" (high contrast on white:
    // saturated bands and black ink, which a washed-out projector still shows) or "dark" (light
    // ink on a dark ground). An unknown theme is "standard". Besides the names above, a theme
    // knows "banner" (the note banner's ground) and "mark" (a note's dot).
    static QStringList themes();
    static QColor state(const QString& stateName, const QString& theme);
    static QColor named(const QString& name, const QString& theme);
};

}  // namespace closelab::models
