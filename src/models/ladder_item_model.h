#pragma once

#include <QAbstractListModel>
#include <QString>

#include <cstdint>
#include <vector>

namespace closelab::models {

// One drawable thing of the ladder diagram. Positions are in TimeAxis display units (the QML
// multiplies by its pixels per unit); times in simulated microseconds, for countdowns and for
// "is it happening now" highlighting.
struct LadderItem {
    enum class Kind { Lane, Band, Arrow, Timer, Break, NoteMark };
    enum class Fate { None, Delivered, Lost, Dropped, Delayed };

    Kind kind = Kind::Lane;
    int lane = 0;         // lifeline index (sender for arrows)
    int toLane = 0;       // receiver lifeline for arrows
    int slot = 0;         // bands/timers: side-by-side column on the lane (several sockets at once)
    bool arrives = true;  // arrows: false when the segment never reaches the receiver
    bool rejected = false;  // arrows: arrived, but the receiver refused it (PAWS, stray, ...)
    bool fired = false;     // timers: ran out at endUs (else stopped or restarted there)
    double startPos = 0.0;
    double endPos = 0.0;
    std::int64_t startUs = 0;
    std::int64_t endUs = 0;
    QString label;   // translated text drawn on the item (state name, flags, timer name, host)
    QString detail;  // second line: seq/ack/len, rejection reason, address
    QString key;     // untranslated key for colours: state name, timer kind, "lost", ...
    Fate fate = Fate::None;
    int connection = -1;   // connection/socket id, so views can colour one conversation
    int sourceIndex = -1;  // row in the recording's list (segment index for arrows, note index)
};

// A flat list model of ladder items of one kind. LadderScene holds one per kind (lanes, bands,
// arrows, timers, breaks, note marks) so each QML Repeater gets exactly the delegates it draws.
class LadderItemModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        KindRole = Qt::UserRole + 1,
        LaneRole,
        ToLaneRole,
        StartPosRole,
        EndPosRole,
        StartUsRole,
        EndUsRole,
        LabelRole,
        DetailRole,
        KeyRole,
        FateRole,  // "", "delivered", "lost", "dropped", "delayed"
        ConnectionRole,
        SourceIndexRole,
        SlotRole,
        ArrivesRole,
        RejectedRole,
        FiredRole,
    };
    Q_ENUM(Role)

    explicit LadderItemModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return int(m_items.size()); }
    const std::vector<LadderItem>& items() const { return m_items; }
    void setItems(std::vector<LadderItem> items);
    // Re-translate labels in place (language switch) without resetting delegates.
    void updateLabels(const std::vector<LadderItem>& items);

    static QString fateKey(LadderItem::Fate fate);

signals:
    void countChanged();

private:
    std::vector<LadderItem> m_items;
};

}  // namespace closelab::models
