import QtQuick

// One segment in flight: it leaves the sender's lifeline at its send time and grows towards the
// receiver as playback time passes. Lost segments stop half way with a cross; dropped ones reach
// the receiver and are crossed there with the reason; delayed ones are long and dashed-coloured.
Item {
    id: arrow
    required property Item ladder
    required property int lane
    required property int toLane
    required property double startPos
    required property double endPos
    required property string label
    required property string detail
    required property string fate
    required property int sourceIndex
    required property bool arrives
    required property bool rejected

    readonly property double cursor: arrow.ladder.cursor
    // Lost on the wire (or dropped by a fault before arriving): it never reaches the receiver.
    readonly property bool lost: fate === "lost" || !arrives
    readonly property bool dropped: fate === "dropped"
    readonly property bool delayed: fate === "delayed"
    readonly property bool selected: sourceIndex === arrow.ladder.selectedSegment
    readonly property double x1: arrow.ladder.laneX(lane) + (toLane > lane ? 1 : -1) * arrow.ladder.bandWidth / 2
    readonly property double y1: arrow.ladder.posY(startPos)
    readonly property double fullX2: arrow.ladder.laneX(toLane) - (toLane > lane ? 1 : -1) * arrow.ladder.bandWidth / 2
    // A lost segment never arrives: draw it to 55% of the way.
    readonly property double x2: lost ? x1 + (fullX2 - x1) * 0.55 : fullX2
    readonly property double y2: lost ? y1 + (arrow.ladder.posY(endPos) - y1) * 0.55 : arrow.ladder.posY(endPos)
    readonly property double progress: endPos > startPos
        ? Math.max(0, Math.min(1, (cursor - startPos) / (endPos - startPos)))
        : (cursor >= startPos ? 1 : 0)
    readonly property double length: Math.sqrt((x2 - x1) * (x2 - x1) + (y2 - y1) * (y2 - y1))
    readonly property color lineColor: lost || dropped || rejected ? arrow.ladder.lostColor
                                     : delayed ? arrow.ladder.delayedColor : arrow.ladder.arrowColor

    visible: cursor >= startPos

    Item {
        x: arrow.x1
        y: arrow.y1
        rotation: Math.atan2(arrow.y2 - arrow.y1, arrow.x2 - arrow.x1) * 180 / Math.PI
        transformOrigin: Item.TopLeft

        Rectangle {
            y: -height / 2
            width: arrow.length * arrow.progress
            height: arrow.selected ? 5 : 2.5
            color: arrow.lineColor
            antialiasing: true
        }
        // The arrow head travels with the tip.
        Repeater {
            model: 2
            Rectangle {
                required property int index
                x: arrow.length * arrow.progress - width
                y: -height / 2
                width: 14
                height: arrow.selected ? 4 : 2.5
                color: arrow.lineColor
                antialiasing: true
                transformOrigin: Item.Right
                rotation: index === 0 ? 28 : -28
                visible: !arrow.lost || arrow.progress < 1
            }
        }
    }
    Rectangle {
        // The label lives between the two lifelines, never over them: its width is capped at the
        // gap and each line is elided. It sits a third of the way from the sender so labels of
        // segments that cross each other stay apart, and is clamped into the gap; a light
        // background keeps it readable over other arrows.
        id: labelBox
        objectName: "arrowLabel"
        readonly property double pad: 4
        readonly property double gapLeft: Math.min(arrow.x1, arrow.fullX2) + pad
        readonly property double gapRight: Math.max(arrow.x1, arrow.fullX2) - pad
        readonly property double centerX: arrow.x1 + (arrow.fullX2 - arrow.x1) * 0.35
        readonly property double maxTextWidth: Math.max(0, gapRight - gapLeft - 2 * pad)
        width: labelColumn.width + 2 * pad
        height: labelColumn.implicitHeight + 2
        x: Math.max(gapLeft, Math.min(gapRight - width, centerX - width / 2))
        y: arrow.y1 + (arrow.y2 - arrow.y1) * 0.35 - height - 3
        radius: 3
        // Translucent: an arrow passing behind the label stays visible.
        color: Qt.rgba(arrow.ladder.backgroundColor.r, arrow.ladder.backgroundColor.g,
                       arrow.ladder.backgroundColor.b, 0.78)
        visible: width > arrow.ladder.fontPx * 2

        Column {
            id: labelColumn
            x: labelBox.pad
            y: 1
            // Each line takes its natural width up to the gap, then elides; lines are centred.
            Text {
                x: (labelColumn.width - width) / 2
                width: Math.min(implicitWidth, labelBox.maxTextWidth)
                text: arrow.label
                elide: Text.ElideRight
                font.pixelSize: arrow.ladder.fontPx * 0.85
                font.bold: arrow.selected
                color: arrow.lineColor
            }
            Repeater {
                // Secondary lines (seq/ack, TSval/TSecr) are smaller and dimmer.
                model: arrow.detail.length > 0 ? arrow.detail.split("\n") : []
                Text {
                    required property string modelData
                    x: (labelColumn.width - width) / 2
                    width: Math.min(implicitWidth, labelBox.maxTextWidth)
                    text: modelData
                    elide: Text.ElideRight
                    font.pixelSize: arrow.ladder.fontPx * 0.72
                    color: arrow.lineColor
                    opacity: 0.85
                }
            }
        }
    }
    Item {
        // The cross: where a lost segment vanished, or where a dropped one was refused.
        visible: (arrow.lost || arrow.dropped || arrow.rejected) && arrow.progress >= 1
        x: arrow.x2
        y: arrow.y2
        Repeater {
            model: 2
            Rectangle {
                required property int index
                x: -width / 2
                y: -height / 2
                width: arrow.ladder.fontPx * 1.4
                height: 4
                radius: 2
                rotation: index === 0 ? 45 : -45
                color: arrow.ladder.lostColor
                antialiasing: true
            }
        }
    }
}
