#pragma once

#include <QAbstractTableModel>

#include <cstdint>
#include <memory>

#include "models/sequence_numbers.h"

namespace closelab::core {
struct Recording;
}

namespace closelab::models {

// The packet list of a run, like Wireshark's: one row per segment sent. Rows not yet sent at the
// playback time are greyed (setCurrentTime), the row last sent is marked current.
class TraceModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        FromToColumn,
        FlagsColumn,
        SeqColumn,
        AckColumn,
        LenColumn,
        FateColumn,
        ReasonColumn,
        ColumnCount
    };
    enum Role {
        TimeUsRole = Qt::UserRole + 1,  // send time, µs (qint64)
        ArriveUsRole,                   // arrival, -1 if never
        FromRole,                       // host names (identifiers)
        ToRole,
        FlagsRole,       // tcpdump-style flags "F." (identifier, for filtering)
        FateKeyRole,     // "delivered" "lost" "dropped" "delayed"
        SegmentRole,     // index in Recording::segments (= row)
        ConnectionRole,  // connection number for colouring
        IsPastRole,      // sent at or before the playback time
        IsCurrentRole,   // the last segment sent at or before the playback time
    };
    Q_ENUM(Role)

    explicit TraceModel(QObject* parent = nullptr);

    void setRecording(std::shared_ptr<const core::Recording> recording);
    void setCurrentTime(qint64 us);
    // The row of the last segment sent at or before `us`, -1 if none.
    int rowAtTime(qint64 us) const;
    qint64 timeOfRow(int row) const;
    // Seq and Ack relative to each direction's ISN (the default), or as on the wire.
    void setAbsoluteSequenceNumbers(bool absolute);
    bool absoluteSequenceNumbers() const { return m_absolute; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void retranslate();

private:
    std::shared_ptr<const core::Recording> m_recording;
    SequenceNumbers m_sequence;
    bool m_absolute = false;
    qint64 m_timeUs = 0;
    int m_currentRow = -1;
};

}  // namespace closelab::models
