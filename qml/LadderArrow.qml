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
            height: (arrow.selected ? 5 : 2.5) * arrow.ladder.lineScale
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
                width: 14 * arrow.ladder.lineScale
                height: (arrow.selected ? 4 : 2.5) * arrow.ladder.lineScale
                color: arrow.lineColor
                antialiasing: true
                transformOrigin: Item.Right
                rotation: index === 0 ? 28 : -28
                visible: !arrow.lost || arrow.progress < 1
            }
        }
    }
    // For the label pass: the label rides on its arrow, a third of the way from the sender
    // first (so labels of segments that cross stay apart), else further along or below the
    // line, else with its first line only; it never crosses a lane's column. Lines wrap rather
    // than elide, so nothing of a reason is hidden.
    readonly property bool wantsLabel: visible && label.length > 0
    readonly property int labelPriority: 3
    // No other segment's line runs through the label (its own runs beside it).
    readonly property bool avoidsLines: true
    readonly property double labelOrder: y1
    property bool compact: false
    // The label's size with every line, whatever is shown now (read when placing: the
    // Repeater's lines are not bindable).
    function fullSize() {
        let w = firstLine.width;
        let h = firstLine.height;
        for (let i = 0; i < detailLines.count; ++i) {
            const line = detailLines.itemAt(i);
            if (line) {
                w = Math.max(w, line.width);
                h += line.height;
            }
        }
        return { w: w + 2 * labelBox.pad, h: h + 2 };
    }
    function labelCandidates() {
        const full = fullSize();
        const brief = { w: firstLine.width + 2 * labelBox.pad, h: firstLine.height + 2 };
        const y2full = arrow.ladder.posY(arrow.endPos);
        const list = [];
        for (const size of [full, brief]) {
            for (const t of [0.35, 0.5, 0.2, 0.65, 0.8]) {
                const px = arrow.x1 + (arrow.fullX2 - arrow.x1) * t;
                const py = arrow.y1 + (y2full - arrow.y1) * t;
                const gap = arrow.ladder.gapAt(px);
                if (!gap)
                    continue;
                const x = Math.max(gap.from + labelBox.pad,
                                   Math.min(gap.to - labelBox.pad - size.w, px - size.w / 2));
                for (const y of [py - size.h - 3, py + 3]) {
                    // The label stays in what has happened (above the playhead) and in view
                    // (below the sticky host header).
                    if (y + size.h > arrow.ladder.playheadY + 3 || y < arrow.ladder.viewTop)
                        continue;
                    list.push({ x: x, y: y, w: size.w, h: size.h, compact: size === brief });
                }
            }
        }
        return list;
    }
    function placeLabel(r) {
        labelBox.placed = r !== null;
        if (r) {
            arrow.compact = r.compact;
            labelBox.x = r.x;
            labelBox.y = r.y;
        }
    }
    // The drawn part of the line, for the label pass (texts without a backing avoid it).
    function labelLine() {
        if (!arrow.visible || arrow.progress <= 0)
            return null;
        return { x1: arrow.x1, y1: arrow.y1, x2: arrow.x1 + (arrow.x2 - arrow.x1) * arrow.progress,
                 y2: arrow.y1 + (arrow.y2 - arrow.y1) * arrow.progress };
    }
    function labelObstacles() {
        if (!cross.visible)
            return [];
        const size = arrow.ladder.fontPx * 1.1;
        return [{ x: arrow.x2 - size / 2, y: arrow.y2 - size / 2, w: size, h: size }];
    }
    onWantsLabelChanged: arrow.ladder.requestLayout()
    Component.onCompleted: arrow.ladder.registerLabel(arrow)
    Component.onDestruction: arrow.ladder.unregisterLabel(arrow)

    Rectangle {
        id: labelBox
        objectName: "arrowLabel"
        readonly property double pad: 4
        // Each line may be as wide as the space between two lanes' columns.
        readonly property double maxTextWidth: Math.max(
            arrow.ladder.fontPx * 2,
            arrow.ladder.width / Math.max(1, arrow.ladder.laneCount)
                - 2 * arrow.ladder.columnHalf - 4 * pad)
        property bool placed: false
        visible: placed
        // A size that changes after placing (lines created, wrapped) asks for another pass.
        onWidthChanged: arrow.ladder.requestLayout()
        onHeightChanged: arrow.ladder.requestLayout()
        width: labelColumn.width + 2 * pad
        height: labelColumn.implicitHeight + 2
        radius: 3
        // Translucent: an arrow passing behind the label stays visible.
        color: Qt.rgba(arrow.ladder.backgroundColor.r, arrow.ladder.backgroundColor.g,
                       arrow.ladder.backgroundColor.b, 0.78)

        FontMetrics {
            id: firstMetrics
            font.pixelSize: arrow.ladder.fontPx * 0.85
            font.bold: arrow.selected
        }
        FontMetrics {
            id: detailMetrics
            font.pixelSize: arrow.ladder.fontPx * 0.72
        }
        Column {
            id: labelColumn
            x: labelBox.pad
            y: 1
            // Each line takes its natural width up to the gap, then wraps; lines are centred.
            Text {
                id: firstLine
                x: (labelColumn.width - width) / 2
                // The natural width from the font's metrics (a wrapping Text's implicitWidth
                // follows its width, which would loop).
                width: Math.min(Math.ceil(firstMetrics.advanceWidth(text)) + 1, labelBox.maxTextWidth)
                text: arrow.label
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
                font: firstMetrics.font
                color: arrow.lineColor
                onWidthChanged: arrow.ladder.requestLayout()
            }
            Repeater {
                id: detailLines
                // Secondary lines (seq/ack, TSval/TSecr, the reason) are smaller and dimmer.
                model: arrow.detail.length > 0 ? arrow.detail.split("\n") : []
                Text {
                    required property string modelData
                    x: (labelColumn.width - width) / 2
                    // Wraps between words only; a word (a number with its name, joined by
                    // non-breaking spaces) is never split, so the line is at least that wide.
                    width: Math.min(Math.ceil(detailMetrics.advanceWidth(text)) + 1,
                                    Math.max(labelBox.maxTextWidth, longestWord))
                    readonly property double longestWord: {
                        let widest = 0;
                        for (const word of modelData.split(" "))
                            widest = Math.max(widest, Math.ceil(detailMetrics.advanceWidth(word)) + 1);
                        return widest;
                    }
                    visible: !arrow.compact
                    text: modelData
                    wrapMode: Text.WordWrap
                    horizontalAlignment: Text.AlignHCenter
                    font: detailMetrics.font
                    color: arrow.lineColor
                    opacity: 0.85
                    onWidthChanged: arrow.ladder.requestLayout()
                }
            }
        }
    }
    Item {
        // The cross: where a lost segment vanished, or where a dropped one was refused.
        id: cross
        objectName: "cross"
        onVisibleChanged: arrow.ladder.requestLayout()
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
                height: 4 * arrow.ladder.lineScale
                radius: height / 2
                rotation: index === 0 ? 45 : -45
                color: arrow.ladder.lostColor
                antialiasing: true
            }
        }
    }
}
