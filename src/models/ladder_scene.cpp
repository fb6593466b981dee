#include "models/ladder_scene.h"

#include <QCoreApplication>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/recording.h"
#include "models/current_note.h"
#include "models/host_names.h"
#include "models/ladder_palette.h"
#include "models/note_text.h"
#include "models/sequence_numbers.h"
#include "models/time_format.h"

namespace closelab::models {

namespace {

// More side-by-side sockets than this on one lane share columns (port-exhaustion runs have
// hundreds); the bands then overlap, which still reads as "many sockets in this state".
// Beyond this many sockets alive at once on one host, slots are shared (lb-web-db's web server
// holds a listener and up to six TIME_WAITs; five columns keep them apart but for the oldest).
constexpr int kMaxSlots = 5;

QString fromStd(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// "40000" of "127.0.0.1:40000".
std::string localPort(const std::string& address) {
    const auto colon = address.rfind(':');
    return colon == std::string::npos ? address : address.substr(colon + 1);
}

LadderItem::Fate toFate(core::Fate fate) {
    switch (fate) {
        case core::Fate::Delivered:
            return LadderItem::Fate::Delivered;
        case core::Fate::Lost:
            return LadderItem::Fate::Lost;
        case core::Fate::Dropped:
            return LadderItem::Fate::Dropped;
        case core::Fate::Delayed:
            return LadderItem::Fate::Delayed;
    }
    return LadderItem::Fate::None;
}

QString segmentLabel(const core::RecSegment& s) {
    QStringList flags;
    for (const auto& f : core::flagNames(s.flags))
        flags << fromStd(f);
    return flags.join(u", ");
}

QString segmentDetail(const core::RecSegment& s, const SequenceNumbers& numbers,
                      LadderScene::DetailLevel level, bool absolute) {
    // Numbers never break across lines: the parts of one line are joined by non-breaking
    // spaces, and the QML wraps only between words.
    constexpr QChar kJoin(0x00a0);
    QStringList lines;
    if (level >= LadderScene::DetailLevel::Numbers) {
        lines << QCoreApplication::translate("closelab::Ladder", "seq=%1 ack=%2 len=%3")
                     .arg(numbers.seq(s, absolute))
                     .arg(numbers.ack(s, absolute))
                     .arg(s.len);
    }
    if (level >= LadderScene::DetailLevel::Options) {
        QString options;
        if (s.hasTs) {
            options = QCoreApplication::translate("closelab::Ladder", "TSval=%1 TSecr=%2")
                          .arg(s.tsval)
                          .arg(s.tsecr) +
                      u' ';
        }
        options += QCoreApplication::translate("closelab::Ladder", "win=%1").arg(s.win);
        lines << options;
    }
    for (QString& line : lines)
        line.replace(u' ', kJoin);
    if (s.fate != core::Fate::Delivered) {
        QString fate = fateDisplayName(core::fateName(s.fate));
        if (!s.reason.empty())
            fate = QCoreApplication::translate("closelab::Ladder", "%1: %2")
                       .arg(fate, reasonDisplayName(s.reason));
        lines << fate;
    }
    return lines.join(u'\n');
}

// Notes that say the receiver refused a segment that did arrive, with a short reason for the
// arrow's label (the full sentence is in the notes panel).
QString rejectionLabel(core::NoteId id) {
    switch (id) {
        case core::NoteId::PawsRejected:
            return QCoreApplication::translate("closelab::Ladder",
                                               "rejected: PAWS (old timestamp)");
        case core::NoteId::RecycleSynDropped:
            return QCoreApplication::translate("closelab::Ladder",
                                               "dropped: tcp_tw_recycle timestamp check");
        case core::NoteId::StrayDropped:
            return QCoreApplication::translate("closelab::Ladder",
                                               "rejected: segment of an old connection");
        case core::NoteId::OutOfWindow:
            return QCoreApplication::translate("closelab::Ladder", "rejected: out of window");
        case core::NoteId::RstNoSocket:
            return QCoreApplication::translate("closelab::Ladder", "no socket: answered with RST");
        default:
            return {};
    }
}

}  // namespace

LadderScene::LadderScene(Player* player, QObject* parent) : QObject(parent), m_player(player) {
    m_visibleBands.setSourceModel(&m_bands);
    m_visibleArrows.setSourceModel(&m_arrows);
    m_visibleTimers.setSourceModel(&m_timers);
    m_visibleMarks.setSourceModel(&m_marks);
    connect(m_player, &Player::timeChanged, this, &LadderScene::updateCurrentNote);
    connect(m_player, &Player::timeChanged, this, &LadderScene::updateFocus);
}

LadderScene::~LadderScene() = default;

QColor LadderScene::stateColor(const QString& stateName) const {
    return LadderPalette::state(stateName);
}

QColor LadderScene::paletteColor(const QString& name) const {
    return LadderPalette::named(name);
}

QColor LadderScene::themedStateColor(const QString& stateName, const QString& theme) const {
    return LadderPalette::state(stateName, theme);
}

QColor LadderScene::themedPaletteColor(const QString& name, const QString& theme) const {
    return LadderPalette::named(name, theme);
}

void LadderScene::setRecording(std::shared_ptr<const core::Recording> recording) {
    m_recording = std::move(recording);
    m_noteContext = m_recording ? NoteContext(*m_recording) : NoteContext();
    m_currentNote = -2;  // force currentNoteChanged after the rebuild
    rebuild(true);
}

void LadderScene::retranslate() {
    rebuild(false);
}

void LadderScene::setDetailLevel(DetailLevel level) {
    if (level == m_detailLevel)
        return;
    m_detailLevel = level;
    rebuild(false);
    emit detailLevelChanged();
}

void LadderScene::setAbsoluteSequenceNumbers(bool absolute) {
    if (absolute == m_absoluteSequence)
        return;
    m_absoluteSequence = absolute;
    rebuild(false);
    emit absoluteSequenceNumbersChanged();
}

void LadderScene::rebuild(bool resetTimeline) {
    const core::Recording empty;
    const core::Recording& rec = m_recording ? *m_recording : empty;

    if (resetTimeline) {
        std::vector<std::int64_t> events;
        events.reserve(rec.segments.size() * 2 + rec.transitions.size() + rec.notes.size());
        for (const auto& s : rec.segments) {
            events.push_back(s.tUs);
            if (s.arriveUs >= 0)
                events.push_back(s.arriveUs);
        }
        for (const auto& t : rec.transitions)
            events.push_back(t.tUs);
        for (const auto& n : rec.notes)
            events.push_back(n.t);
        for (const auto& a : rec.appEvents)
            events.push_back(a.tUs);
        std::vector<std::int64_t> anchors = events;
        for (const auto& t : rec.timers) {
            anchors.push_back(t.startUs);
            anchors.push_back(t.endUs);
        }
        anchors.push_back(rec.endUs);
        events.push_back(rec.endUs);
        m_player->setTimeline(std::move(events), TimeAxis(std::move(anchors)));
    }
    const TimeAxis& axis = m_player->axis();

    std::vector<LadderItem> lanes;
    for (std::size_t i = 0; i < rec.hosts.size(); ++i) {
        LadderItem lane;
        lane.kind = LadderItem::Kind::Lane;
        lane.lane = int(i);
        lane.label = hostDisplayName(rec.hosts[i].name);
        lane.detail = fromStd(rec.hosts[i].address);
        lane.key = fromStd(rec.hosts[i].name);
        lane.sourceIndex = int(i);
        lanes.push_back(lane);
    }

    // State bands: each transition starts a band that lasts until the socket's next transition.
    // Sockets of one host that live at the same time get side-by-side slots.
    std::vector<LadderItem> bands;
    std::map<std::pair<int, int>, int> slotOfSocket;        // (lane, socket) -> slot
    std::map<int, std::vector<std::int64_t>> slotFreeFrom;  // lane -> per slot: busy until
    std::map<std::pair<int, int>, std::int64_t> socketEnd;
    int slotCount = 1;
    for (const auto& t : rec.transitions) {
        const int lane = rec.hostIndex(t.host);
        auto& end = socketEnd[{lane, t.socket}];
        end = t.to == core::TcpState::Closed ? t.tUs : std::max(end, rec.endUs);
    }
    std::map<std::pair<int, int>, std::size_t> openBand;  // (lane, socket) -> index in bands
    // A host whose sockets use several local ports (tw-reuse's client cycles through ten) names
    // the port on each band, so stacked TIME_WAITs say which socket is which.
    std::map<int, std::set<std::string>> portsOfLane;
    for (const auto& t : rec.transitions) {
        if (t.to != core::TcpState::Closed && t.to != core::TcpState::Listen)
            portsOfLane[rec.hostIndex(t.host)].insert(localPort(t.local));
    }
    for (std::size_t i = 0; i < rec.transitions.size(); ++i) {
        const auto& t = rec.transitions[i];
        const int lane = rec.hostIndex(t.host);
        if (lane < 0)
            continue;
        const std::pair<int, int> key{lane, t.socket};
        if (auto it = openBand.find(key); it != openBand.end()) {
            bands[it->second].endUs = t.tUs;
            openBand.erase(it);
        }
        auto slotIt = slotOfSocket.find(key);
        if (slotIt == slotOfSocket.end()) {
            auto& free = slotFreeFrom[lane];
            int slot = 0;
            while (slot < int(free.size()) && free[std::size_t(slot)] > t.tUs)
                ++slot;
            if (slot == int(free.size()))
                free.push_back(0);
            free[std::size_t(slot)] = socketEnd[key];
            slotIt = slotOfSocket.emplace(key, slot % kMaxSlots).first;
            slotCount = std::max(slotCount, std::min(slot + 1, kMaxSlots));
        }
        if (t.to == core::TcpState::Closed)
            continue;
        LadderItem band;
        band.kind = LadderItem::Kind::Band;
        band.lane = lane;
        band.slot = slotIt->second;
        band.startUs = t.tUs;
        band.endUs = rec.endUs;
        band.key = fromStd(core::stateName(t.to));
        band.label = band.key;
        if (portsOfLane[lane].size() > 1)
            band.label += QChar(0x00a0) + u':' + fromStd(localPort(t.local));
        band.detail = fromStd(t.local) + u" \u2192 " + fromStd(t.remote);
        band.connection = t.connection;
        band.sourceIndex = int(i);
        openBand[key] = bands.size();
        bands.push_back(band);
    }
    for (auto& b : bands) {
        b.startPos = axis.toDisplay(b.startUs);
        b.endPos = axis.toDisplay(b.endUs);
    }

    // One-way delay per direction, to place the cross of a lost segment.
    std::map<std::pair<int, int>, std::int64_t> delay;
    for (const auto& s : rec.segments) {
        if (s.arriveUs >= 0 && s.fate == core::Fate::Delivered)
            delay.emplace(std::pair{rec.hostIndex(s.from), rec.hostIndex(s.to)},
                          s.arriveUs - s.tUs);
    }
    const SequenceNumbers numbers(rec);
    std::multimap<std::pair<core::SimTime, std::string_view>, QString> rejections;
    for (const auto& n : rec.notes) {
        QString label = rejectionLabel(n.id);
        if (!label.isEmpty())
            rejections.emplace(std::pair{n.t, n.arg("host")}, std::move(label));
    }
    // connect() taking over a TIME_WAIT: the SYN it sends says so, with the old socket's port.
    std::multimap<std::pair<core::SimTime, std::string_view>, std::pair<std::string, QString>>
        takeOvers;
    for (const auto& n : rec.notes) {
        if (n.id != core::NoteId::TimeWaitReused && n.id != core::NoteId::TimeWaitReusedByBind)
            continue;
        const std::string local(n.arg("local"));
        takeOvers.emplace(std::pair{n.t, n.arg("host")},
                          std::pair{local, QCoreApplication::translate("closelab::Ladder",
                                                                       "takes over TIME_WAIT :%1")
                                               .arg(fromStd(localPort(local)))
                                               .replace(u' ', QChar(0x00a0))});
    }
    std::vector<LadderItem> arrows;
    arrows.reserve(rec.segments.size());
    for (std::size_t i = 0; i < rec.segments.size(); ++i) {
        const auto& s = rec.segments[i];
        LadderItem a;
        a.kind = LadderItem::Kind::Arrow;
        a.lane = rec.hostIndex(s.from);
        a.toLane = rec.hostIndex(s.to);
        if (a.lane < 0 || a.toLane < 0)
            continue;
        a.startUs = s.tUs;
        a.arrives = s.arriveUs >= 0;
        if (s.arriveUs >= 0) {
            a.endUs = s.arriveUs;
        } else {
            const auto d = delay.find({a.lane, a.toLane});
            a.endUs = s.tUs + (d != delay.end() ? d->second : 100);
        }
        a.startPos = axis.toDisplay(a.startUs);
        a.endPos = axis.toDisplay(a.endUs);
        a.fate = toFate(s.fate);
        a.key = fromStd(core::flagsShort(s.flags));
        a.label = segmentLabel(s);
        a.detail = segmentDetail(s, numbers, m_detailLevel, m_absoluteSequence);
        if ((s.flags & core::kSyn) != 0 && (s.flags & core::kAck) == 0) {
            const auto [first, last] = takeOvers.equal_range({s.tUs, s.from});
            for (auto it = first; it != last; ++it) {
                if (it->second.first == s.src)
                    a.detail += u'\n' + it->second.second;
            }
        }
        if (s.arriveUs >= 0) {
            const auto [first, last] = rejections.equal_range({s.arriveUs, s.to});
            for (auto it = first; it != last; ++it) {
                a.rejected = true;
                a.detail += u'\n' + it->second;
            }
        }
        a.connection = s.connection;
        a.sourceIndex = int(i);
        arrows.push_back(a);
    }

    std::vector<LadderItem> timers;
    for (std::size_t i = 0; i < rec.timers.size(); ++i) {
        const auto& t = rec.timers[i];
        LadderItem item;
        item.kind = LadderItem::Kind::Timer;
        item.lane = rec.hostIndex(t.host);
        if (item.lane < 0)
            continue;
        if (auto it = slotOfSocket.find({item.lane, t.socket}); it != slotOfSocket.end())
            item.slot = it->second;
        item.startUs = t.startUs;
        item.endUs = t.endUs;
        item.startPos = axis.toDisplay(t.startUs);
        item.endPos = axis.toDisplay(t.endUs);
        item.key = fromStd(core::timerKindName(t.kind));
        item.label = item.key;  // TIME_WAIT, RTO, ...: kernel names, the same in every language
        item.fired = t.fired;
        item.detail = t.fired ? QCoreApplication::translate("closelab::Ladder", "fired")
                              : QCoreApplication::translate("closelab::Ladder", "stopped");
        item.sourceIndex = int(i);
        timers.push_back(item);
    }

    std::vector<LadderItem> breaks;
    for (const auto& b : axis.breaks()) {
        LadderItem item;
        item.kind = LadderItem::Kind::Break;
        item.startUs = b.fromUs;
        item.endUs = b.toUs;
        item.startPos = b.fromDisplay;
        item.endPos = b.toDisplay;
        item.label = QCoreApplication::translate("closelab::Ladder", "%1 later (time compressed)")
                         .arg(formatDuration(b.toUs - b.fromUs));
        breaks.push_back(item);
    }

    std::vector<LadderItem> marks;
    marks.reserve(rec.notes.size());
    for (std::size_t i = 0; i < rec.notes.size(); ++i) {
        const auto& n = rec.notes[i];
        LadderItem item;
        item.kind = LadderItem::Kind::NoteMark;
        item.lane = std::max(0, rec.hostIndex(n.arg("host")));
        item.startUs = n.t;
        item.endUs = n.t;
        item.startPos = axis.toDisplay(n.t);
        item.endPos = item.startPos;
        item.key = fromStd(core::noteKey(n.id));
        item.label = noteSentence(n, m_noteContext);
        item.sourceIndex = int(i);
        marks.push_back(item);
    }

    if (resetTimeline) {
        m_segmentSpans.assign(rec.segments.size(), {-1.0, -1.0});
        m_repeats.assign(rec.segments.size(), -1);
        for (const LadderItem& a : arrows)
            m_segmentSpans[std::size_t(a.sourceIndex)] = {a.startPos, a.endPos};
        // A segment that repeats an earlier one of its connection and direction (same flags,
        // seq and length) is its retransmission.
        std::map<std::tuple<int, std::string, std::uint8_t, std::uint32_t, std::uint32_t>, int>
            lastSent;
        for (std::size_t i = 0; i < rec.segments.size(); ++i) {
            const auto& seg = rec.segments[i];
            const auto key = std::tuple{seg.connection, seg.from, seg.flags, seg.seq, seg.len};
            if (const auto it = lastSent.find(key); it != lastSent.end())
                m_repeats[i] = it->second;
            lastSent[key] = int(i);
        }
        m_currentSegment = -2;  // force focusChanged
        m_lanes.setItems(std::move(lanes));
        m_bands.setItems(std::move(bands));
        m_arrows.setItems(std::move(arrows));
        m_timers.setItems(std::move(timers));
        m_breaks.setItems(std::move(breaks));
        m_marks.setItems(std::move(marks));
        m_slotCount = slotCount;
        emit sceneChanged();
    } else {
        m_lanes.updateLabels(lanes);
        m_bands.updateLabels(bands);
        m_arrows.updateLabels(arrows);
        m_timers.updateLabels(timers);
        m_breaks.updateLabels(breaks);
        m_marks.updateLabels(marks);
    }
    updateCurrentNote();
    updateFocus();
    if (!resetTimeline)
        emit currentNoteChanged();  // the sentence changed language
}

std::pair<double, double> LadderScene::segmentSpan(int segment) const {
    if (segment < 0 || segment >= int(m_segmentSpans.size()))
        return {-1.0, -1.0};
    return m_segmentSpans[std::size_t(segment)];
}

void LadderScene::updateFocus() {
    int current = -1;
    if (m_recording) {
        const auto& segs = m_recording->segments;
        const auto it =
            std::upper_bound(segs.begin(), segs.end(), m_player->timeUs(),
                             [](qint64 t, const core::RecSegment& seg) { return t < seg.tUs; });
        current = int(it - segs.begin()) - 1;
    }
    // While a new recording is being built the player moves before the spans exist.
    if (current >= int(m_repeats.size()))
        current = -1;
    if (current == m_currentSegment)
        return;
    m_currentSegment = current;
    const auto span = segmentSpan(current);
    m_focusStart = span.first;
    m_focusEnd = span.second;
    if (current >= 0 && m_repeats[std::size_t(current)] >= 0) {
        const auto original = segmentSpan(m_repeats[std::size_t(current)]);
        if (original.first >= 0) {
            m_focusStart = std::min(m_focusStart, original.first);
            m_focusEnd = std::max(m_focusEnd, original.second);
        }
    }
    emit focusChanged();
}

void LadderScene::updateCurrentNote() {
    const int index = m_recording ? currentNoteIndex(m_recording->notes, m_player->timeUs()) : -1;
    if (index == m_currentNote)
        return;
    m_currentNote = index;
    emit currentNoteChanged();
}

QString LadderScene::noteText() const {
    if (!m_recording || m_currentNote < 0 || m_currentNote >= int(m_recording->notes.size()))
        return {};
    return noteSentence(m_recording->notes[std::size_t(m_currentNote)], m_noteContext);
}

void LadderScene::setVisibleRange(double from, double to) {
    m_visibleBands.setRange(from, to);
    m_visibleArrows.setRange(from, to);
    m_visibleTimers.setRange(from, to);
    m_visibleMarks.setRange(from, to);
}

void LadderScene::setSelectedSegment(int segment) {
    if (segment == m_selectedSegment)
        return;
    m_selectedSegment = segment;
    emit selectedSegmentChanged(segment);
}

QString LadderScene::formatTime(double us) const {
    return models::formatTime(std::int64_t(us));
}

QString LadderScene::formatDuration(double us) const {
    return models::formatDuration(std::int64_t(us));
}

}  // namespace closelab::models
