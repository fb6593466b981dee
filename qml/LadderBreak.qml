import QtQuick

// A compressed idle stretch: the axis skips time here. Drawn as a hatched band across the whole
// diagram with the length of time that was skipped.
Item {
    id: brk
    required property Item ladder
    required property double startPos
    required property double endPos
    required property string label

    x: 0
    y: brk.ladder.posY(startPos)
    width: brk.ladder.width
    height: brk.ladder.posY(endPos) - y

    Rectangle {
        anchors.fill: parent
        color: brk.ladder.breakColor
        opacity: 0.5
    }
    Repeater {
        model: 2
        Rectangle {
            required property int index
            y: index === 0 ? brk.height * 0.3 : brk.height * 0.7
            width: brk.width
            height: 2
            color: brk.ladder.breakLineColor
        }
    }
    Text {
        anchors.centerIn: parent
        text: brk.label
        font.pixelSize: brk.ladder.fontPx * 0.9
        font.italic: true
        color: brk.ladder.breakLineColor
        style: Text.Outline
        styleColor: brk.ladder.backgroundColor
    }
}
