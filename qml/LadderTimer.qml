import QtQuick

// A kernel timer (TIME_WAIT, FIN_WAIT_2, RTO, ...) drawn as a thin bar along the edge of its
// socket's band (so it takes no room of its own), with a countdown beside the lane while it
// runs. The ladder's label pass places the countdown.
Item {
    id: timer
    required property Item ladder
    required property int lane
    required property int slot
    required property double startPos
    required property double endPos
    required property double startUs
    required property double endUs
    required property string label
    required property bool fired

    readonly property double cursor: timer.ladder.cursor
    readonly property bool running: cursor >= startPos && timer.ladder.timeUs < endUs

    // For the label pass: countdowns sit just above the playhead, stacked upwards so that none
    // reaches below it, beside the lane (its outer side first).
    readonly property bool wantsLabel: running && countdown.text.length > 0
    readonly property int labelPriority: 2
    readonly property double labelOrder: timer.ladder.playheadY - slot
    // Written without a backing: no segment line may run through it.
    readonly property bool avoidsLines: true
    function labelCandidates() {
        const w = countdown.implicitWidth;
        const h = countdown.implicitHeight;
        const bottom = timer.y + timer.height;
        const preferLeft = timer.ladder.labelsLeftOf(timer.lane);
        const list = [];
        for (const left of [preferLeft, !preferLeft]) {
            const x = timer.ladder.besideLane(timer.lane, left, w);
            // Up from the playhead, above the timer's start if need be (a timer that has just
            // started has no length yet).
            for (let k = 1; k <= 8; ++k)
                list.push({ x: x, y: bottom - 2 - (k + 1) * h / 2, w: w, h: h });
        }
        return list;
    }
    function placeLabel(r) {
        countdown.visible = r !== null;
        if (r) {
            countdown.x = r.x - timer.x;
            countdown.y = r.y - timer.y;
        }
    }

    visible: cursor >= startPos
    x: timer.ladder.laneX(lane) + timer.ladder.slotOffset(slot) + timer.ladder.bandWidth / 2 - width - 2
    y: timer.ladder.posY(startPos)
    width: Math.max(3, timer.ladder.bandWidth / 4)
    height: Math.max(2, timer.ladder.posY(Math.min(endPos, cursor)) - y)

    Rectangle {
        objectName: "timerBar"
        anchors.fill: parent
        color: timer.running ? timer.ladder.timerColor : Qt.lighter(timer.ladder.timerColor, 1.6)
    }
    Text {
        id: countdown
        visible: false
        // Only a timer that runs out has a known deadline; one that is stopped or restarted early
        // (an ACK arrives, a FIN is re-ACKed) shows its name only.
        text: timer.fired
              ? qsTr("%1: %2 left").arg(timer.label).arg(timer.ladder.formatDuration(timer.endUs - timer.ladder.timeUs))
              : timer.label
        font.pixelSize: timer.ladder.fontPx * 0.85
        color: timer.ladder.timerColor
        style: Text.Outline
        styleColor: timer.ladder.backgroundColor
        onImplicitWidthChanged: timer.ladder.requestLayout()
    }
    onWantsLabelChanged: timer.ladder.requestLayout()
    Component.onCompleted: timer.ladder.registerLabel(timer)
    Component.onDestruction: timer.ladder.unregisterLabel(timer)
}
