#pragma once

#include <QColor>
#include <QObject>
#include <QString>

#include <memory>
#include <utility>
#include <vector>

#include "models/ladder_item_model.h"
#include "models/ladder_window_model.h"
#include "models/note_context.h"
#include "models/player.h"

namespace closelab::core {
struct Recording;
}

namespace closelab::models {

// Everything the QML ladder (qml/Ladder.qml) draws, in display coordinates of the Player's
// TimeAxis: lanes (one per host), state bands, segment arrows, timers, break markers and note
// marks. Set it as the ladder's `scene` property:
//     quickWidget->setSource(QUrl(QString::fromLatin1(LadderScene::kQmlUrl)));
//     quickWidget->rootObject()->setProperty("scene", QVariant::fromValue(scene));
// The Player is shared with the other views (scene.player in QML).
class LadderScene : public QObject {
    Q_OBJECT
    Q_PROPERTY(closelab::models::Player* player READ player CONSTANT)
    Q_PROPERTY(closelab::models::LadderItemModel* lanes READ lanes CONSTANT)
    Q_PROPERTY(closelab::models::LadderItemModel* bands READ bands CONSTANT)
    Q_PROPERTY(closelab::models::LadderItemModel* arrows READ arrows CONSTANT)
    Q_PROPERTY(closelab::models::LadderItemModel* timers READ timers CONSTANT)
    Q_PROPERTY(closelab::models::LadderItemModel* breaks READ breaks CONSTANT)
    Q_PROPERTY(closelab::models::LadderItemModel* marks READ marks CONSTANT)
    // The same items restricted to the visible range (setVisibleRange): what QML instantiates.
    Q_PROPERTY(closelab::models::LadderWindowModel* visibleBands READ visibleBands CONSTANT)
    Q_PROPERTY(closelab::models::LadderWindowModel* visibleArrows READ visibleArrows CONSTANT)
    Q_PROPERTY(closelab::models::LadderWindowModel* visibleTimers READ visibleTimers CONSTANT)
    Q_PROPERTY(closelab::models::LadderWindowModel* visibleMarks READ visibleMarks CONSTANT)
    Q_PROPERTY(int laneCount READ laneCount NOTIFY sceneChanged)
    // How many sockets of one host stand side by side at most (1..kMaxSlots): the lanes are
    // as wide as that needs.
    Q_PROPERTY(int slotCount READ slotCount NOTIFY sceneChanged)
    Q_PROPERTY(double displayLength READ displayLength NOTIFY sceneChanged)
    Q_PROPERTY(int selectedSegment READ selectedSegment WRITE setSelectedSegment NOTIFY
                   selectedSegmentChanged)
    Q_PROPERTY(int currentNote READ currentNote NOTIFY currentNoteChanged)
    Q_PROPERTY(QString noteText READ noteText NOTIFY currentNoteChanged)
    // The segment last sent at or before the playback time (-1 none), and the display range the
    // view keeps in sight for it: its arrow, and when it repeats an earlier segment (a
    // retransmission) that segment's arrow too, so the loss and its repair are seen together.
    Q_PROPERTY(int currentSegment READ currentSegment NOTIFY focusChanged)
    Q_PROPERTY(double focusStart READ focusStart NOTIFY focusChanged)
    Q_PROPERTY(double focusEnd READ focusEnd NOTIFY focusChanged)
    // The current segment's own arrow, for when the wider focus does not fit the view.
    Q_PROPERTY(double segmentStart READ segmentStart NOTIFY focusChanged)
    Q_PROPERTY(double segmentEnd READ segmentEnd NOTIFY focusChanged)
    Q_PROPERTY(
        DetailLevel detailLevel READ detailLevel WRITE setDetailLevel NOTIFY detailLevelChanged)
    Q_PROPERTY(bool absoluteSequenceNumbers READ absoluteSequenceNumbers WRITE
                   setAbsoluteSequenceNumbers NOTIFY absoluteSequenceNumbersChanged)

public:
    // How much a segment's label says: its flags; and its relative seq/ack/len; and its options
    // (TSval/TSecr, window). What happened to it (lost, dropped and why) is always written.
    enum class DetailLevel { Flags, Numbers, Options };
    Q_ENUM(DetailLevel)

    static constexpr const char* kQmlUrl = "qrc:/qt/qml/Closelab/Ladder.qml";

    // The scene does not own the player; it rebuilds when the player's timeline changes.
    explicit LadderScene(Player* player, QObject* parent = nullptr);
    ~LadderScene() override;

    // Builds all items and hands the Player the recording's timeline (events + TimeAxis).
    void setRecording(std::shared_ptr<const core::Recording> recording);
    const core::Recording* recording() const { return m_recording.get(); }

    Player* player() const { return m_player; }
    LadderItemModel* lanes() { return &m_lanes; }
    LadderItemModel* bands() { return &m_bands; }
    LadderItemModel* arrows() { return &m_arrows; }
    LadderItemModel* timers() { return &m_timers; }
    LadderItemModel* breaks() { return &m_breaks; }
    LadderItemModel* marks() { return &m_marks; }
    LadderWindowModel* visibleBands() { return &m_visibleBands; }
    LadderWindowModel* visibleArrows() { return &m_visibleArrows; }
    LadderWindowModel* visibleTimers() { return &m_visibleTimers; }
    LadderWindowModel* visibleMarks() { return &m_visibleMarks; }
    // The display range the view shows; the visible* models follow it.
    Q_INVOKABLE void setVisibleRange(double from, double to);
    int laneCount() const { return m_lanes.count(); }
    // The ladder's colours (LadderPalette), for the QML.
    Q_INVOKABLE QColor stateColor(const QString& stateName) const;
    Q_INVOKABLE QColor paletteColor(const QString& name) const;
    // The same in a colour theme (LadderPalette::themes(): standard, projector, dark).
    Q_INVOKABLE QColor themedStateColor(const QString& stateName, const QString& theme) const;
    Q_INVOKABLE QColor themedPaletteColor(const QString& name, const QString& theme) const;
    int slotCount() const { return m_slotCount; }
    double displayLength() const { return m_player->displayLength(); }

    // Row of the recording's segment list to highlight (the trace table's selection), -1 none.
    int selectedSegment() const { return m_selectedSegment; }
    void setSelectedSegment(int segment);
    // Index into the recording's notes of the note at (or last before) the playback time.
    int currentNote() const { return m_currentNote; }
    QString noteText() const;

    int currentSegment() const { return m_currentSegment; }
    double focusStart() const { return m_focusStart; }
    double focusEnd() const { return m_focusEnd; }
    double segmentStart() const { return segmentSpan(m_currentSegment).first; }
    double segmentEnd() const { return segmentSpan(m_currentSegment).second; }
    // The arrow of a segment of the recording: start and end display positions ({-1,-1} none).
    std::pair<double, double> segmentSpan(int segment) const;

    DetailLevel detailLevel() const { return m_detailLevel; }
    void setDetailLevel(DetailLevel level);
    // Seq/ack as on the wire instead of relative to each direction's ISN (the default).
    bool absoluteSequenceNumbers() const { return m_absoluteSequence; }
    void setAbsoluteSequenceNumbers(bool absolute);

    // Labels in the current language (call on QEvent::LanguageChange / languageChanged).
    void retranslate();

    Q_INVOKABLE QString formatTime(double us) const;
    Q_INVOKABLE QString formatDuration(double us) const;

signals:
    void sceneChanged();
    void selectedSegmentChanged(int segment);
    void currentNoteChanged();
    void detailLevelChanged();
    void focusChanged();
    void absoluteSequenceNumbersChanged();

private:
    void rebuild(bool resetTimeline);
    void updateCurrentNote();
    void updateFocus();

    Player* m_player;
    std::shared_ptr<const core::Recording> m_recording;
    NoteContext m_noteContext;
    LadderItemModel m_lanes;
    LadderItemModel m_bands;
    LadderItemModel m_arrows;
    LadderItemModel m_timers;
    LadderItemModel m_breaks;
    LadderItemModel m_marks;
    LadderWindowModel m_visibleBands;
    LadderWindowModel m_visibleArrows;
    LadderWindowModel m_visibleTimers;
    LadderWindowModel m_visibleMarks;
    int m_selectedSegment = -1;
    int m_currentNote = -1;
    int m_slotCount = 1;
    std::vector<std::pair<double, double>> m_segmentSpans;  // per recording segment
    std::vector<int> m_repeats;  // per segment: the earlier segment it repeats, or -1
    int m_currentSegment = -1;
    double m_focusStart = 0;
    double m_focusEnd = 0;
    DetailLevel m_detailLevel = DetailLevel::Numbers;
    bool m_absoluteSequence = false;
};

}  // namespace closelab::models
