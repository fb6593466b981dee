import QtQuick

// The ladder (sequence) diagram of one run: a lifeline per host, coloured state bands, segments
// flying between lifelines at the Player's time, timers with countdowns, and break markers where
// idle time is compressed. The host sets `scene` to a closelab::models::LadderScene; everything
// else is read from it (scene.player is the time cursor shared with the other views).
Rectangle {
    id: root

    property QtObject scene: null
    // Bigger fonts for projection: the host may scale this (e.g. from a zoom action).
    property real fontScale: 1.0
    property bool followPlayhead: true
    // Line widths scale with this (zoom, presentation mode); text and bands with fontScale.
    property real lineScale: 1.0
    // Colour theme (models::LadderPalette::themes()): "standard", "projector" (high contrast
    // on white) or "dark".
    property string theme: "standard"
    // The current note's sentence under the diagram; presentation mode writes its own caption.
    property bool showNoteBanner: true

    readonly property QtObject player: scene ? scene.player : null
    readonly property double cursor: player ? player.displayPos : 0
    readonly property double timeUs: player ? player.timeUs : 0
    readonly property int laneCount: scene ? scene.laneCount : 0
    readonly property int selectedSegment: scene ? scene.selectedSegment : -1
    readonly property real fontPx: 16 * fontScale
    readonly property real unitPx: 40 * fontScale
    readonly property real bandWidth: 14 * fontScale
    readonly property real headerHeight: fontPx * 3.2
    readonly property real topMargin: fontPx * 1.5
    // The first canvas row under the header (state names stick to it when scrolled past).
    readonly property real viewTop: flick.contentY
    // A lane is a column of the sockets alive side by side (scene.slotCount, at most
    // LadderScene's kMaxSlots): its half width, and the space between it and the text written
    // beside it. Slots alternate right and left of the lifeline, so the widest side has
    // ceil((slotCount - 1) / 2) of them; at least one, so every scenario reads alike.
    readonly property int slotCount: scene ? scene.slotCount : 1
    readonly property real slotStep: bandWidth * 1.15
    readonly property real columnHalf: Math.max(1, Math.ceil((slotCount - 1) / 2)) * slotStep
                                       + bandWidth / 2
    readonly property real labelGap: fontPx * 0.4
    readonly property double playheadY: flick.playheadY

    // Colours come from the scene (models::LadderPalette), shared with the SVG export.
    function paletteColor(name) {
        return scene ? scene.themedPaletteColor(name, theme) : "transparent";
    }
    readonly property color backgroundColor: paletteColor("background")
    readonly property color highlightColor: paletteColor("highlight")
    readonly property color arrowColor: paletteColor("arrow")
    readonly property color lostColor: paletteColor("lost")
    readonly property color delayedColor: paletteColor("delayed")
    readonly property color timerColor: paletteColor("timer")
    readonly property color breakColor: paletteColor("break")
    readonly property color breakLineColor: paletteColor("breakLine")
    readonly property color lifelineColor: paletteColor("lifeline")

    color: backgroundColor
    clip: true

    function laneX(lane) {
        const spacing = width / Math.max(1, laneCount);
        return spacing * (lane + 0.5);
    }
    // Sockets of one host alive at the same time sit side by side: 0 on the lifeline, then
    // alternately right and left of it.
    function slotOffset(slot) {
        return slot === 0 ? 0 : (slot % 2 === 1 ? 1 : -1) * Math.ceil(slot / 2) * slotStep;
    }
    // Text about a lane (state names, timers) goes on its outer side; the inner side is the
    // arrows'.
    function labelsLeftOf(lane) {
        return lane < laneCount / 2;
    }
    // Where text about a lane may start (x of its left edge) on the given side.
    function besideLane(lane, left, textWidth) {
        return left ? laneX(lane) - columnHalf - labelGap - textWidth
                    : laneX(lane) + columnHalf + labelGap;
    }
    // The free stretches between the lanes' columns, the one nearest the middle first.
    function gaps() {
        const list = [];
        let from = 0;
        for (let lane = 0; lane < laneCount; ++lane) {
            list.push({ from: from, to: laneX(lane) - columnHalf });
            from = laneX(lane) + columnHalf;
        }
        list.push({ from: from, to: width });
        const middle = width / 2;
        list.sort((a, b) => Math.abs((a.from + a.to) / 2 - middle)
                            - Math.abs((b.from + b.to) / 2 - middle));
        return list;
    }
    // The gaps as of the running label pass (computed once per pass).
    property var passGaps: null
    function currentGaps() {
        return passGaps ? passGaps : gaps();
    }
    // The gap that contains x (between two lanes' columns), or null on a column.
    function gapAt(x) {
        for (const g of currentGaps()) {
            if (x >= g.from && x <= g.to)
                return g;
        }
        return null;
    }

    // Label placement. Every piece of text in the diagram (state names, timer countdowns,
    // segment labels, break and playhead labels) is registered here and offers candidate
    // rectangles, measured from its real font; one pass places them in priority order, each at
    // its first candidate that neither crosses a lane's column nor touches text already placed,
    // and hides the ones that find no room. (Overlap-free text is asserted by
    // tests/widgets/text_layout_test.cpp for every built-in scenario and both languages.)
    property var labelItems: []
    function registerLabel(item) {
        labelItems.push(item);
        requestLayout();
    }
    function unregisterLabel(item) {
        const i = labelItems.indexOf(item);
        if (i >= 0)
            labelItems.splice(i, 1);
        requestLayout();
    }
    function requestLayout() {
        Qt.callLater(layoutLabels);
    }
    // Whether the segment (x1,y1)-(x2,y2) passes through rectangle r (Liang-Barsky clipping).
    function crosses(r, seg) {
        // Most segments are nowhere near: reject on the bounding boxes first.
        if (r.x > Math.max(seg.x1, seg.x2) || r.x + r.w < Math.min(seg.x1, seg.x2)
                || r.y > Math.max(seg.y1, seg.y2) || r.y + r.h < Math.min(seg.y1, seg.y2))
            return false;
        let t0 = 0;
        let t1 = 1;
        const dx = seg.x2 - seg.x1;
        const dy = seg.y2 - seg.y1;
        const edges = [[-dx, seg.x1 - r.x], [dx, r.x + r.w - seg.x1],
                       [-dy, seg.y1 - r.y], [dy, r.y + r.h - seg.y1]];
        for (const [p, q] of edges) {
            if (p === 0) {
                if (q < 0)
                    return false;
            } else {
                const t = q / p;
                if (p < 0)
                    t0 = Math.max(t0, t);
                else
                    t1 = Math.min(t1, t);
                if (t0 > t1)
                    return false;
            }
        }
        return true;
    }
    // The drawn part of every visible segment arrow, as of the running pass: state names and
    // countdowns (which have no backing) keep off them.
    property var passLines: []
    function fits(r, placed, avoidLines, owner) {
        if (r.x < 0 || r.x + r.w > width)
            return false;
        if (avoidLines) {
            for (const seg of passLines) {
                if (seg.owner !== owner && crosses(r, seg))
                    return false;
            }
        }
        for (let lane = 0; lane < laneCount; ++lane) {
            const cx = laneX(lane);
            if (r.x < cx + columnHalf && r.x + r.w > cx - columnHalf)
                return false;
        }
        // Texts side by side keep a space between them, or they read as one.
        const m = labelGap;
        for (const p of placed) {
            if (r.x < p.x + p.w + m && r.x + r.w + m > p.x && r.y < p.y + p.h && r.y + r.h > p.y)
                return false;
        }
        return true;
    }
    function layoutLabels() {
        passGaps = gaps();
        const wanting = [];
        for (const item of labelItems) {
            if (item.wantsLabel)
                wanting.push(item);
            else
                item.placeLabel(null);
        }
        wanting.sort((a, b) => a.labelPriority - b.labelPriority || a.labelOrder - b.labelOrder);
        // Marks that text must not cover either (the crosses of lost and refused segments).
        const placed = [];
        const lines = [];
        for (const item of labelItems) {
            if (item.labelObstacles)
                placed.push(...item.labelObstacles());
            if (item.labelLine) {
                const seg = item.labelLine();
                if (seg) {
                    seg.owner = item;
                    lines.push(seg);
                }
            }
        }
        passLines = lines;
        for (const item of wanting) {
            const candidates = item.labelCandidates();
            let chosen = null;
            for (const c of candidates) {
                if (fits(c, placed, item.avoidsLines === true, item)) {
                    chosen = c;
                    break;
                }
            }
            item.placeLabel(chosen);
            if (chosen)
                placed.push(chosen);
        }
        passGaps = null;
        passLines = [];
    }
    onCursorChanged: requestLayout()
    onViewTopChanged: requestLayout()
    onWidthChanged: requestLayout()
    onHeightChanged: requestLayout()
    onFontScaleChanged: requestLayout()
    function posY(pos) {
        return topMargin + pos * unitPx;
    }
    function formatDuration(us) {
        return scene ? scene.formatDuration(us) : "";
    }
    function stateColor(key) {
        return scene ? scene.themedStateColor(key, theme) : "transparent";
    }
    // A state's name is written in its band's colour, dark enough to read on the ground.
    function stateTextColor(key) {
        const c = stateColor(key);
        return theme === "dark" ? Qt.lighter(c, 1.35)
                                : Qt.darker(c, theme === "projector" ? 2.6 : 2.2);
    }

    // Lane titles stay on top while the diagram scrolls.
    Rectangle {
        id: header
        z: 2
        width: root.width
        height: root.headerHeight
        color: root.backgroundColor
        Repeater {
            model: root.scene ? root.scene.lanes : null
            delegate: Column {
                required property int lane
                required property string label
                required property string detail
                x: root.laneX(lane) - width / 2
                y: root.fontPx * 0.3
                Text {
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: parent.label
                    font.pixelSize: root.fontPx * 1.15
                    font.bold: true
                    color: root.arrowColor
                }
                Text {
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: parent.detail
                    font.pixelSize: root.fontPx * 0.8
                    color: root.breakLineColor
                }
            }
        }
        Rectangle {
            anchors.bottom: parent.bottom
            width: parent.width
            height: 1
            color: root.breakColor
        }
    }

    Flickable {
        id: flick
        objectName: "ladderFlickable"
        anchors.top: header.bottom
        anchors.bottom: noteBanner.top
        width: root.width
        contentWidth: width
        contentHeight: root.posY(root.scene ? root.scene.displayLength : 0) + root.unitPx * 2
        boundsBehavior: Flickable.StopAtBounds
        clip: true

        // Only what is on screen gets delegates (LadderScene::setVisibleRange snaps the range).
        function updateVisibleRange() {
            if (root.scene)
                root.scene.setVisibleRange((contentY - root.topMargin) / root.unitPx,
                                           (contentY + height) / root.unitPx);
        }
        onContentYChanged: updateVisibleRange()
        // A resized view (dock moved, window maximised) puts the playhead back where it belongs.
        onHeightChanged: {
            updateVisibleRange();
            follow(true);
        }
        Connections {
            target: root
            function onSceneChanged() { flick.updateVisibleRange(); }
            function onUnitPxChanged() { flick.updateVisibleRange(); }
        }
        Connections {
            target: root.scene
            function onSceneChanged() { flick.updateVisibleRange(); }
        }
        Component.onCompleted: updateVisibleRange()

        // Keep the playhead in view, about two thirds down, so the recent past stays visible;
        // and with it the current segment's arrow and label (and the segment it retransmits:
        // the loss and its repair are seen together) when they fit (LadderScene::focusStart).
        readonly property double playheadY: root.posY(root.cursor)
        function follow(force) {
            if (!root.followPlayhead || flick.moving)
                return;
            let target = contentY;
            if (force || playheadY < contentY + root.unitPx || playheadY > contentY + height * 0.85)
                target = playheadY - height * 0.65;
            // The whole focus when it fits, else the current segment alone, else the playhead.
            const ranges = root.scene ? [[root.scene.focusStart, root.scene.focusEnd],
                                         [root.scene.segmentStart, root.scene.segmentEnd]] : [];
            for (const range of ranges) {
                if (range[0] < 0)
                    continue;
                // Room for a label above the first arrow's start and below the last one's end.
                const top = root.posY(range[0]) - root.fontPx * 3;
                const bottom = Math.max(playheadY, root.posY(range[1])) + root.fontPx * 2;
                if (bottom - top > height)
                    continue;
                if (top < target)
                    target = top;
                if (bottom > target + height)
                    target = bottom - height;
                break;
            }
            target = Math.max(0, Math.min(contentHeight - height, target));
            if (Math.abs(target - contentY) >= 0.5)
                contentY = target;
        }
        onPlayheadYChanged: follow(false)
        Connections {
            target: root.scene
            function onFocusChanged() { flick.follow(false); }
        }

        Item {
            id: canvas
            width: flick.width
            height: flick.contentHeight

            Repeater {
                model: root.scene ? root.scene.breaks : null
                delegate: LadderBreak { ladder: root }
            }
            // Lifelines.
            Repeater {
                model: root.scene ? root.scene.lanes : null
                delegate: Rectangle {
                    required property int lane
                    x: root.laneX(lane) - 1
                    y: root.topMargin
                    width: 2 * root.lineScale
                    height: canvas.height - root.topMargin
                    color: root.lifelineColor
                }
            }
            Repeater {
                model: root.scene ? root.scene.visibleBands : null
                delegate: LadderBand { ladder: root }
            }
            Repeater {
                model: root.scene ? root.scene.visibleTimers : null
                delegate: LadderTimer { ladder: root }
            }
            Repeater {
                model: root.scene ? root.scene.visibleArrows : null
                delegate: LadderArrow { ladder: root }
            }
            // Note marks: a dot where each note happened; the current note's dot is highlighted.
            Repeater {
                model: root.scene ? root.scene.visibleMarks : null
                delegate: Rectangle {
                    required property int lane
                    required property double startPos
                    required property int sourceIndex
                    readonly property bool current: root.scene
                                                    && sourceIndex === root.scene.currentNote
                    visible: root.cursor >= startPos
                    x: root.laneX(lane) - width / 2
                    y: root.posY(startPos) - height / 2
                    width: current ? root.fontPx : root.fontPx * 0.5
                    height: width
                    radius: width / 2
                    color: current ? root.highlightColor : root.paletteColor("mark")
                }
            }
            // The playhead.
            Rectangle {
                objectName: "playhead"
                y: flick.playheadY
                width: canvas.width
                height: 2 * root.lineScale
                color: root.highlightColor
                opacity: 0.7
            }
            // Its time, under the line in the gap nearest the middle (placed first).
            Text {
                id: playheadText
                readonly property bool wantsLabel: text.length > 0
                readonly property int labelPriority: 0
                readonly property double labelOrder: 0
                function labelCandidates() {
                    const list = [];
                    for (const g of root.currentGaps()) {
                        if (g.to - g.from >= implicitWidth)
                            list.push({ x: (g.from + g.to - implicitWidth) / 2, y: flick.playheadY + 3,
                                        w: implicitWidth, h: implicitHeight });
                    }
                    return list;
                }
                function placeLabel(r) {
                    visible = r !== null;
                    if (r) {
                        x = r.x;
                        y = r.y;
                    }
                }
                text: root.scene ? qsTr("t = %1").arg(root.scene.formatTime(root.timeUs)) : ""
                font.pixelSize: root.fontPx * 0.85
                color: root.highlightColor
                onImplicitWidthChanged: root.requestLayout()
                Component.onCompleted: root.registerLabel(playheadText)
                Component.onDestruction: root.unregisterLabel(playheadText)
            }
        }
    }

    // The current note's sentence, highlighted under the diagram.
    Rectangle {
        id: noteBanner
        objectName: "noteBanner"
        anchors.bottom: parent.bottom
        width: root.width
        visible: root.showNoteBanner
        height: root.showNoteBanner && noteText.text.length > 0
                ? noteText.implicitHeight + root.fontPx : 0
        color: root.paletteColor("banner")
        Text {
            id: noteText
            objectName: "noteText"
            x: root.fontPx / 2
            width: parent.width - root.fontPx
            anchors.verticalCenter: parent.verticalCenter
            text: root.scene ? root.scene.noteText : ""
            wrapMode: Text.WordWrap
            font.pixelSize: root.fontPx * 1.05
            color: root.highlightColor
        }
    }

    Text {
        anchors.centerIn: parent
        visible: root.laneCount === 0
        text: qsTr("No run loaded")
        font.pixelSize: root.fontPx * 1.2
        color: root.breakLineColor
    }
}
