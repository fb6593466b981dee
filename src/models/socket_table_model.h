#pragma once

#include <QAbstractTableModel>
#include <QString>

#include <memory>
#include <vector>

#include "core/recording.h"

namespace closelab::models {

// `ss -tan` at the playback time: every socket of every host (or of one host) that exists at time
// t, with its state, queues, addresses and timer, optionally only one state.
class SocketTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        HostColumn,
        StateColumn,
        RecvQColumn,
        SendQColumn,
        LocalColumn,
        RemoteColumn,
        TimerColumn,
        ColumnCount
    };
    enum Role {
        HostRole = Qt::UserRole + 1,  // host name (identifier)
        StateRole,                    // state name, e.g. "TIME_WAIT"
        SocketRole,
        ConnectionRole,
    };
    Q_ENUM(Role)

    explicit SocketTableModel(QObject* parent = nullptr);

    void setRecording(std::shared_ptr<const core::Recording> recording);
    void setCurrentTime(qint64 us);
    QString hostFilter() const { return m_host; }
    void setHostFilter(const QString& host);  // "" = all hosts
    QString stateFilter() const { return m_state; }
    void setStateFilter(const QString& state);  // "" = all states; else a state name

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void retranslate();

private:
    void refresh();

    std::shared_ptr<const core::Recording> m_recording;
    qint64 m_timeUs = 0;
    QString m_host;
    QString m_state;
    std::vector<core::SocketRow> m_rows;
};

}  // namespace closelab::models
