#include "models/state_series_model.h"

#include <algorithm>

#include "core/load/load_result.h"
#include "models/host_names.h"

namespace closelab::models {

namespace {

QString fromStd(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

template <typename T>
QVector<double> toDoubles(const std::vector<T>& v) {
    QVector<double> out;
    out.reserve(qsizetype(v.size()));
    for (const auto& x : v)
        out.push_back(double(x));
    return out;
}

}  // namespace

StateSeriesModel::StateSeriesModel(QObject* parent) : QAbstractTableModel(parent) {}

void StateSeriesModel::setResult(std::shared_ptr<const core::LoadResult> result) {
    beginResetModel();
    m_result = std::move(result);
    m_times.clear();
    m_series.clear();
    if (m_result) {
        m_times = toDoubles(m_result->tMs);
        for (const auto& h : m_result->hosts) {
            const QString host = fromStd(h.host);
            for (std::size_t s = 0; s < core::kLoadStateCount; ++s) {
                const auto& v = h.states[s];
                if (std::any_of(v.begin(), v.end(), [](auto x) { return x != 0; }))
                    m_series.push_back(
                        {host, SeriesKind::State, fromStd(core::kLoadStateNames[s]), toDoubles(v)});
            }
            if (!h.portsInUse.empty())
                m_series.push_back({host, SeriesKind::PortsInUse, QStringLiteral("ports"),
                                    toDoubles(h.portsInUse)});
            if (std::any_of(h.connectOk.begin(), h.connectOk.end(), [](auto x) { return x != 0; }))
                m_series.push_back(
                    {host, SeriesKind::ConnectOk, QStringLiteral("ok"), toDoubles(h.connectOk)});
            for (const auto& [err, v] : h.connectFailed)
                m_series.push_back({host, SeriesKind::ConnectFailed, fromStd(err), toDoubles(v)});
            if (std::any_of(h.memoryBytes.begin(), h.memoryBytes.end(),
                            [](auto x) { return x != 0; }))
                m_series.push_back(
                    {host, SeriesKind::Memory, QStringLiteral("memory"), toDoubles(h.memoryBytes)});
        }
        // Every series must have one value per sample; pad defensively so the table is regular.
        for (auto& s : m_series)
            s.values.resize(m_times.size(), 0.0);
    }
    endResetModel();
}

int StateSeriesModel::columnOf(const QString& host, SeriesKind kind, const QString& key) const {
    for (std::size_t i = 0; i < m_series.size(); ++i) {
        const auto& s = m_series[i];
        if (s.host == host && s.kind == kind && s.key == key)
            return ColumnCount + int(i);
    }
    return -1;
}

QVector<double> StateSeriesModel::columnValues(int column) const {
    if (column == TimeColumn)
        return m_times;
    const int s = column - ColumnCount;
    if (s < 0 || s >= int(m_series.size()))
        return {};
    return m_series[std::size_t(s)].values;
}

QString StateSeriesModel::seriesTitle(int column) const {
    if (column == TimeColumn)
        return tr("Time (ms)");
    const int i = column - ColumnCount;
    if (i < 0 || i >= int(m_series.size()))
        return {};
    const Series& s = m_series[std::size_t(i)];
    const QString host = hostDisplayName(s.host.toStdString());
    switch (s.kind) {
        case SeriesKind::State:
            return tr("%1 %2").arg(host, s.key);
        case SeriesKind::PortsInUse:
            return tr("%1 ports in use").arg(host);
        case SeriesKind::ConnectOk:
            return tr("%1 connects OK").arg(host);
        case SeriesKind::ConnectFailed:
            return tr("%1 connects failed (%2)").arg(host, s.key);
        case SeriesKind::Memory:
            return tr("%1 socket memory (bytes)").arg(host);
    }
    return {};
}

int StateSeriesModel::sampleAt(double tMs) const {
    const auto it = std::upper_bound(m_times.begin(), m_times.end(), tMs);
    return int(it - m_times.begin()) - 1;
}

int StateSeriesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_times.size());
}

int StateSeriesModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount + int(m_series.size());
}

QVariant StateSeriesModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto row = qsizetype(index.row());
    if (index.column() == TimeColumn) {
        if (role == Qt::DisplayRole || role == ValueRole)
            return m_times[row];
        return {};
    }
    const Series& s = m_series[std::size_t(index.column() - ColumnCount)];
    switch (role) {
        case Qt::DisplayRole:
        case ValueRole:
            return s.values[row];
        case HostRole:
            return s.host;
        case SeriesKeyRole:
            return s.key;
        case SeriesKindRole:
            return int(s.kind);
        case Qt::TextAlignmentRole:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
    }
}

QVariant StateSeriesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return seriesTitle(section);
}

QHash<int, QByteArray> StateSeriesModel::roleNames() const {
    auto names = QAbstractTableModel::roleNames();
    names.insert({
        {ValueRole, "value"},
        {HostRole, "host"},
        {SeriesKeyRole, "seriesKey"},
        {SeriesKindRole, "seriesKind"},
    });
    return names;
}

void StateSeriesModel::retranslate() {
    if (columnCount() > 0)
        emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

}  // namespace closelab::models
