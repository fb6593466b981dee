import QtQuick

// One state band on a lifeline: coloured from its start to its end (or to the playhead while the
// state is still running), with the state name written beside it when it begins.
Item {
    id: band
    required property Item ladder
    required property int lane
    required property int slot
    required property double startPos
    required property double endPos
    required property string label
    required property string key

    readonly property double cursor: ladder.cursor
    readonly property bool started: cursor >= startPos
    readonly property bool current: started && cursor < endPos
    // State names on the outer side of the lifeline; segment labels use the inner side.
    readonly property bool outerLeft: lane < ladder.laneCount / 2
    readonly property real labelWidth: nameText.implicitWidth + ladder.bandWidth * 2 + 10
    // ...unless the name would leave the diagram there; then it goes inside.
    readonly property bool textOnLeft: outerLeft
        ? ladder.laneX(lane) - labelWidth >= 0
        : ladder.laneX(lane) + labelWidth > ladder.width

    visible: started
    x: ladder.laneX(lane) + ladder.slotOffset(slot) - ladder.bandWidth / 2
    y: ladder.posY(startPos)
    width: ladder.bandWidth
    height: Math.max(2, ladder.posY(Math.min(endPos, cursor)) - y)

    Rectangle {
        anchors.fill: parent
        color: ladder.stateColor(band.key)
        border.color: band.current ? ladder.highlightColor : Qt.darker(color, 1.3)
        border.width: band.current ? 2 : 1
        radius: 3
    }
    Text {
        id: nameText
        // A state passed through in zero time keeps its sliver but not its name (no overlap).
        visible: band.endPos > band.startPos
        y: 0
        x: band.textOnLeft ? -implicitWidth - ladder.bandWidth - 10 : ladder.bandWidth * 2 + 10
        text: band.label
        font.pixelSize: ladder.fontPx
        font.bold: band.current
        color: Qt.darker(ladder.stateColor(band.key), 2.2)
    }
}
