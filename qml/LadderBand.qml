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

    readonly property double cursor: band.ladder.cursor
    readonly property bool started: cursor >= startPos
    readonly property bool current: started && cursor < endPos
    // State names on the outer side of the lifeline; segment labels use the inner side.
    readonly property bool outerLeft: lane < band.ladder.laneCount / 2
    readonly property real labelWidth: nameText.implicitWidth + band.ladder.bandWidth * 2 + 10
    // ...unless the name would leave the diagram there; then it goes inside.
    readonly property bool textOnLeft: outerLeft
        ? band.ladder.laneX(lane) - labelWidth >= 0
        : band.ladder.laneX(lane) + labelWidth > band.ladder.width

    visible: started
    x: band.ladder.laneX(lane) + band.ladder.slotOffset(slot) - band.ladder.bandWidth / 2
    y: band.ladder.posY(startPos)
    width: band.ladder.bandWidth
    height: Math.max(2, band.ladder.posY(Math.min(endPos, cursor)) - y)

    Rectangle {
        anchors.fill: parent
        color: band.ladder.stateColor(band.key)
        border.color: band.current ? band.ladder.highlightColor : Qt.darker(color, 1.3)
        border.width: band.current ? 2 : 1
        radius: 3
    }
    Text {
        id: nameText
        // A state passed through in zero time keeps its sliver but not its name (no overlap).
        visible: band.endPos > band.startPos
        // A running state's name sticks below the header while the band's top is scrolled out
        // of view; concurrent sockets (slots) stack their names there instead of overlapping.
        y: band.current ? Math.max(0, Math.min(band.height - implicitHeight,
                                               band.ladder.viewTop + 2 + band.slot * implicitHeight - band.y))
                        : 0
        x: band.textOnLeft ? -implicitWidth - band.ladder.bandWidth - 10 : band.ladder.bandWidth * 2 + 10
        text: band.label
        font.pixelSize: band.ladder.fontPx
        font.bold: band.current
        color: Qt.darker(band.ladder.stateColor(band.key), 2.2)
    }
}
