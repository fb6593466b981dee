import QtQuick

// A kernel timer (TIME_WAIT, FIN_WAIT_2, RTO, ...) drawn as a thin bar beside the lifeline, with
// a countdown while it runs.
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
    // Timers sit on the outer side of the lifeline; the state names use the inner side.
    readonly property bool onLeft: lane < timer.ladder.laneCount / 2
    readonly property double side: (onLeft ? -1 : 1) * (timer.ladder.bandWidth + 6)

    visible: cursor >= startPos
    x: timer.ladder.laneX(lane) + timer.ladder.slotOffset(slot) + side - 2
    y: timer.ladder.posY(startPos)
    width: 4
    height: Math.max(2, timer.ladder.posY(Math.min(endPos, cursor)) - y)

    Rectangle {
        anchors.fill: parent
        color: timer.running ? timer.ladder.timerColor : Qt.lighter(timer.ladder.timerColor, 1.6)
    }
    Text {
        visible: timer.running
        // Below the state name written at the band's start when the timer has only just begun.
        // Timers of concurrent sockets (different slots) stack their labels instead of overlapping.
        // They stack upwards from the playhead so that none reaches below it.
        y: Math.max(timer.ladder.fontPx * 1.4, timer.height - implicitHeight * (timer.slot + 1) - 2)
        x: timer.onLeft ? -implicitWidth - 6 : 10
        // Only a timer that runs out has a known deadline; one that is stopped or restarted early
        // (an ACK arrives, a FIN is re-ACKed) shows its name only.
        text: timer.fired
              ? qsTr("%1: %2 left").arg(timer.label).arg(timer.ladder.formatDuration(timer.endUs - timer.ladder.timeUs))
              : timer.label
        font.pixelSize: timer.ladder.fontPx * 0.85
        color: timer.ladder.timerColor
        style: Text.Outline
        styleColor: timer.ladder.backgroundColor
    }
}
