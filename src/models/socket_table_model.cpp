#include "models/socket_table_model.h"

#include "models/host_names.h"

namespace closelab::models {

namespace {

QString fromStd(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

bool sameRows(const std::vector<core::SocketRow>& a, const std::vector<core::SocketRow>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) {
        return x.host == y.host && x.socket == y.socket && x.state == y.state &&
               x.local == y.local && x.remote == y.remote && x.recvQ == y.recvQ &&
               x.sendQ == y.sendQ && x.timer == y.timer;
    });
}

}  // namespace

SocketTableModel::SocketTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void SocketTableModel::setRecording(std::shared_ptr<const core::Recording> recording) {
    m_recording = std::move(recording);
    beginResetModel();
    m_rows.clear();
    endResetModel();
    refresh();
}

void SocketTableModel::setCurrentTime(qint64 us) {
    if (us == m_timeUs)
        return;
    m_timeUs = us;
    refresh();
}

void SocketTableModel::setHostFilter(const QString& host) {
    if (host == m_host)
        return;
    m_host = host;
    refresh();
}

void SocketTableModel::setStateFilter(const QString& state) {
    if (state == m_state)
        return;
    m_state = state;
    refresh();
}

void SocketTableModel::refresh() {
    std::vector<core::SocketRow> rows;
    if (m_recording) {
        const std::string host = m_host.toStdString();
        for (auto& row : core::socketsAt(*m_recording, m_timeUs)) {
            if (!host.empty() && row.host != host)
                continue;
            if (!m_state.isEmpty() && fromStd(core::stateName(row.state)) != m_state)
                continue;
            rows.push_back(std::move(row));
        }
    }
    if (rows.size() == m_rows.size()) {
        // Same shape (the common case while playing): update cells, keep the selection.
        if (sameRows(rows, m_rows))
            return;
        m_rows = std::move(rows);
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int SocketTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SocketTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SocketTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::SocketRow& r = m_rows[std::size_t(index.row())];
    switch (role) {
        case Qt::DisplayRole:
            switch (Column(index.column())) {
                case HostColumn:
                    return hostDisplayName(r.host);
                case StateColumn:
                    return fromStd(core::stateName(r.state));
                case RecvQColumn:
                    return qulonglong(r.recvQ);
                case SendQColumn:
                    return qulonglong(r.sendQ);
                case LocalColumn:
                    return fromStd(r.local);
                case RemoteColumn:
                    return fromStd(r.remote);
                case TimerColumn:
                    return fromStd(r.timer);
                case ColumnCount:
                    break;
            }
            return {};
        case Qt::TextAlignmentRole:
            if (index.column() == RecvQColumn || index.column() == SendQColumn)
                return int(Qt::AlignRight | Qt::AlignVCenter);
            return {};
        case HostRole:
            return fromStd(r.host);
        case StateRole:
            return fromStd(core::stateName(r.state));
        case SocketRole:
            return r.socket;
        case ConnectionRole:
            return r.connection;
        default:
            return {};
    }
}

QVariant SocketTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
        case HostColumn:
            return tr("Host");
        case StateColumn:
            return tr("State");
        case RecvQColumn:
            return tr("Recv-Q");
        case SendQColumn:
            return tr("Send-Q");
        case LocalColumn:
            return tr("Local address:port");
        case RemoteColumn:
            return tr("Peer address:port");
        case TimerColumn:
            return tr("Timer");
        case ColumnCount:
            break;
    }
    return {};
}

QHash<int, QByteArray> SocketTableModel::roleNames() const {
    auto names = QAbstractTableModel::roleNames();
    names.insert({
        {HostRole, "host"},
        {StateRole, "state"},
        {SocketRole, "socket"},
        {ConnectionRole, "connection"},
    });
    return names;
}

void SocketTableModel::retranslate() {
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (rowCount() > 0)
        emit dataChanged(index(0, HostColumn), index(rowCount() - 1, HostColumn));
}

}  // namespace closelab::models
