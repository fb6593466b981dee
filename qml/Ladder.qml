import QtQuick

Rectangle {
    id: root
    color: "#fbfbf8"
    Text {
        anchors.centerIn: parent
        text: qsTr("Ladder diagram")
        color: "#555"
    }
}
