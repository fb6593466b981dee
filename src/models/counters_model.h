#pragma once

#include <QAbstractTableModel>

#include <memory>
#include <vector>

#include "core/counters.h"
#include "core/recording.h"

namespace closelab::models {

// MIB counters "so far" at the playback time, one row per counter that this run ever changes,
// one value column per host, as `nstat` would show them (names stay the kernel's).
class CountersModel : public QAbstractTableModel {
    Q_OBJECT

public:
    // Column 0 is the counter; columns 1..hosts are the hosts. ColumnCount = fixed columns.
    enum Column { CounterColumn, ColumnCount };
    enum Role {
        MibNameRole = Qt::UserRole + 1,  // "TCPTimeWaitOverflow"
        NstatNameRole,                   // "TcpExtTCPTimeWaitOverflow"
        ValueRole,                       // qint64 for host columns
        ChangedAtCursorRole,             // changed by the event at the playback time
    };
    Q_ENUM(Role)

    explicit CountersModel(QObject* parent = nullptr);

    void setRecording(std::shared_ptr<const core::Recording> recording);
    void setCurrentTime(qint64 us);
    // When false (default) only counters the run changes are listed.
    void setShowAll(bool all);
    bool showAll() const { return m_showAll; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void retranslate();

private:
    void rebuildRows();
    void recompute();

    std::shared_ptr<const core::Recording> m_recording;
    qint64 m_timeUs = 0;
    bool m_showAll = false;
    std::vector<core::Mib> m_rows;
    std::vector<core::Counters> m_now;     // per host, at the playback time
    std::vector<core::Counters> m_before;  // per host, just before the playback time
};

}  // namespace closelab::models
