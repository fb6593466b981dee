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
    // For the label pass: the skipped time is written in the middle of the break, in the free
    // gap between lanes nearest the diagram's middle (never across a lane's sockets).
    readonly property bool wantsLabel: label.length > 0
    readonly property int labelPriority: 1
    readonly property double labelOrder: y
    function labelCandidates() {
        const w = breakText.width;
        const h = breakText.contentHeight;
        const list = [];
        for (const g of brk.ladder.currentGaps()) {
            if (g.to - g.from >= breakText.contentWidth)
                list.push({ x: (g.from + g.to - w) / 2, y: brk.y + (brk.height - h) / 2, w: w, h: h });
        }
        return list;
    }
    function placeLabel(r) {
        breakText.visible = r !== null;
        if (r) {
            breakText.x = r.x - brk.x;
            breakText.y = r.y - brk.y;
        }
    }
    // The widest free gap between two lanes: longer texts wrap to fit it.
    readonly property double gapWidth: brk.ladder.width / Math.max(1, brk.ladder.laneCount)
                                       - 2 * brk.ladder.columnHalf - brk.ladder.labelGap
    onWantsLabelChanged: brk.ladder.requestLayout()
    Component.onCompleted: brk.ladder.registerLabel(brk)
    Component.onDestruction: brk.ladder.unregisterLabel(brk)

    Text {
        id: breakText
        visible: false
        width: Math.min(Math.ceil(breakMetrics.advanceWidth(text)) + 1, brk.gapWidth)
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignHCenter
        text: brk.label
        font.pixelSize: brk.ladder.fontPx * 0.9
        font.italic: true
        color: brk.ladder.breakLineColor
        style: Text.Outline
        styleColor: brk.ladder.backgroundColor
        onContentHeightChanged: brk.ladder.requestLayout()
        onWidthChanged: brk.ladder.requestLayout()
    }
    FontMetrics {
        id: breakMetrics
        font: breakText.font
    }
}
