import QtQuick

// One state band on a lifeline: coloured from its start to its end (or to the playhead while the
// state is still running), with the state name written beside it when it begins. The ladder's
// label pass (Ladder.qml layoutLabels) decides where the name goes, or hides it when the
// neighbourhood is full.
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

    // For the label pass: a state passed through in zero time keeps its sliver but not its name.
    readonly property bool wantsLabel: started && endPos > startPos && label.length > 0
    // The running states' names are placed first, then the others from the top down.
    readonly property int labelPriority: current ? 2 : 4
    readonly property double labelOrder: y
    // Written without a backing: no segment line may run through it.
    readonly property bool avoidsLines: true
    function labelCandidates() {
        const w = nameText.implicitWidth;
        const h = nameText.implicitHeight;
        // A running state's name sticks below the header while the band's top is scrolled out
        // of view.
        const top = band.current ? Math.max(band.y, Math.min(band.ladder.viewTop + 2,
                                                             band.y + band.height - h))
                                 : band.y;
        // Beside the band, from its start down along it (a little past a short band's end).
        const last = Math.max(top, band.y + band.height - h) + h;
        const preferLeft = band.ladder.labelsLeftOf(band.lane);
        const list = [];
        for (const left of [preferLeft, !preferLeft]) {
            const x = band.ladder.besideLane(band.lane, left, w);
            for (let y = top; y <= last; y += h / 2)
                list.push({ x: x, y: y, w: w, h: h });
        }
        return list;
    }
    function placeLabel(r) {
        nameText.visible = r !== null;
        if (r) {
            nameText.x = r.x - band.x;
            nameText.y = r.y - band.y;
        }
    }

    visible: started
    x: band.ladder.laneX(lane) + band.ladder.slotOffset(slot) - band.ladder.bandWidth / 2
    y: band.ladder.posY(startPos)
    width: band.ladder.bandWidth
    height: Math.max(2, band.ladder.posY(Math.min(endPos, cursor)) - y)

    Rectangle {
        objectName: "bandRect"
        anchors.fill: parent
        color: band.ladder.stateColor(band.key)
        border.color: band.current ? band.ladder.highlightColor : Qt.darker(color, 1.3)
        border.width: band.current ? 2 : 1
        radius: 3
    }
    Text {
        id: nameText
        visible: false
        text: band.label
        font.pixelSize: band.ladder.fontPx
        font.bold: band.current
        color: band.ladder.stateTextColor(band.key)
        onImplicitWidthChanged: band.ladder.requestLayout()
    }
    onWantsLabelChanged: band.ladder.requestLayout()
    onYChanged: band.ladder.requestLayout()
    onHeightChanged: band.ladder.requestLayout()
    Component.onCompleted: band.ladder.registerLabel(band)
    Component.onDestruction: band.ladder.unregisterLabel(band)
}
