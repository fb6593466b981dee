#include "models/counters_model.h"

#include <QBrush>
#include <QColor>

#include "models/host_names.h"

namespace closelab::models {

namespace {

QString fromStd(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

}  // namespace

CountersModel::CountersModel(QObject* parent) : QAbstractTableModel(parent) {}

void CountersModel::setRecording(std::shared_ptr<const core::Recording> recording) {
    beginResetModel();
    m_recording = std::move(recording);
    rebuildRows();
    recompute();
    endResetModel();
}

void CountersModel::setShowAll(bool all) {
    if (all == m_showAll)
        return;
    beginResetModel();
    m_showAll = all;
    rebuildRows();
    endResetModel();
}

void CountersModel::rebuildRows() {
    m_rows.clear();
    std::array<bool, core::kMibCount> used{};
    if (m_recording) {
        for (const auto& d : m_recording->counterDeltas) {
            if (d.mib != core::Mib::Count)
                used[std::size_t(d.mib)] = true;
        }
    }
    for (std::size_t i = 0; i < core::kMibCount; ++i) {
        if (m_showAll || used[i])
            m_rows.push_back(core::Mib(i));
    }
}

void CountersModel::recompute() {
    m_now.clear();
    m_before.clear();
    if (!m_recording)
        return;
    for (int h = 0; h < int(m_recording->hosts.size()); ++h) {
        m_now.push_back(core::countersAt(*m_recording, h, m_timeUs));
        m_before.push_back(core::countersAt(*m_recording, h, m_timeUs - 1));
    }
}

void CountersModel::setCurrentTime(qint64 us) {
    if (us == m_timeUs)
        return;
    m_timeUs = us;
    recompute();
    if (rowCount() > 0 && columnCount() > 1)
        emit dataChanged(index(0, 1), index(rowCount() - 1, columnCount() - 1));
}

int CountersModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CountersModel::columnCount(const QModelIndex& parent) const {
    if (parent.isValid())
        return 0;
    return ColumnCount + (m_recording ? int(m_recording->hosts.size()) : 0);
}

QVariant CountersModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::Mib mib = m_rows[std::size_t(index.row())];
    if (index.column() == CounterColumn) {
        switch (role) {
            case Qt::DisplayRole:
            case MibNameRole:
                return fromStd(core::mibName(mib));
            case Qt::ToolTipRole:
            case NstatNameRole:
                return QString(fromStd(core::mibGroup(mib)) + fromStd(core::mibName(mib)));
            default:
                return {};
        }
    }
    const auto host = std::size_t(index.column() - ColumnCount);
    const auto now = std::int64_t(m_now[host].get(mib));
    const bool changed = now != std::int64_t(m_before[host].get(mib));
    switch (role) {
        case Qt::DisplayRole:
        case ValueRole:
            return qint64(now);
        case Qt::TextAlignmentRole:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        case Qt::BackgroundRole:
            return changed ? QBrush(QColor(0xfd, 0xe6, 0x8a)) : QVariant();
        case ChangedAtCursorRole:
            return changed;
        case MibNameRole:
            return fromStd(core::mibName(mib));
        default:
            return {};
    }
}

QVariant CountersModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == CounterColumn)
        return tr("Counter");
    const int host = section - ColumnCount;
    if (m_recording && host >= 0 && host < int(m_recording->hosts.size()))
        return hostDisplayName(m_recording->hosts[std::size_t(host)].name);
    return {};
}

QHash<int, QByteArray> CountersModel::roleNames() const {
    auto names = QAbstractTableModel::roleNames();
    names.insert({
        {MibNameRole, "mib"},
        {NstatNameRole, "nstatName"},
        {ValueRole, "value"},
        {ChangedAtCursorRole, "changedAtCursor"},
    });
    return names;
}

void CountersModel::retranslate() {
    if (columnCount() > 0)
        emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

}  // namespace closelab::models
