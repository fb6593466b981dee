#include "models/trace_model.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <algorithm>

#include "core/recording.h"
#include "models/host_names.h"
#include "models/time_format.h"

namespace closelab::models {

namespace {

QString fromStd(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

}  // namespace

TraceModel::TraceModel(QObject* parent) : QAbstractTableModel(parent) {}

void TraceModel::setRecording(std::shared_ptr<const core::Recording> recording) {
    beginResetModel();
    m_recording = std::move(recording);
    m_sequence = m_recording ? SequenceNumbers(*m_recording) : SequenceNumbers();
    m_currentRow = rowAtTime(m_timeUs);
    endResetModel();
}

int TraceModel::rowAtTime(qint64 us) const {
    if (!m_recording)
        return -1;
    const auto& segs = m_recording->segments;
    const auto it = std::upper_bound(segs.begin(), segs.end(), us,
                                     [](qint64 t, const core::RecSegment& s) { return t < s.tUs; });
    return int(it - segs.begin()) - 1;
}

qint64 TraceModel::timeOfRow(int row) const {
    if (!m_recording || row < 0 || row >= rowCount())
        return 0;
    return m_recording->segments[std::size_t(row)].tUs;
}

void TraceModel::setCurrentTime(qint64 us) {
    if (us == m_timeUs)
        return;
    const int oldRow = m_currentRow;
    m_timeUs = us;
    m_currentRow = rowAtTime(us);
    if (oldRow == m_currentRow || rowCount() == 0)
        return;
    // Only the rows between the old and the new cursor change their past/current look.
    const int first = std::max(0, std::min(oldRow, m_currentRow));
    const int last = std::min(rowCount() - 1, std::max(oldRow, m_currentRow));
    emit dataChanged(index(first, 0), index(last, ColumnCount - 1),
                     {Qt::ForegroundRole, Qt::FontRole, IsPastRole, IsCurrentRole});
}

void TraceModel::setAbsoluteSequenceNumbers(bool absolute) {
    if (absolute == m_absolute)
        return;
    m_absolute = absolute;
    emit headerDataChanged(Qt::Horizontal, SeqColumn, AckColumn);
    if (rowCount() > 0)
        emit dataChanged(index(0, SeqColumn), index(rowCount() - 1, AckColumn), {Qt::DisplayRole});
}

int TraceModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_recording ? 0 : int(m_recording->segments.size());
}

int TraceModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TraceModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::RecSegment& s = m_recording->segments[std::size_t(index.row())];
    const bool past = index.row() <= m_currentRow;
    switch (role) {
        case Qt::DisplayRole:
            switch (Column(index.column())) {
                case TimeColumn:
                    return formatTime(s.tUs);
                case FromToColumn:
                    return tr("%1 → %2").arg(hostDisplayName(s.from), hostDisplayName(s.to));
                case FlagsColumn: {
                    QStringList names;
                    for (const auto& f : core::flagNames(s.flags))
                        names << fromStd(f);
                    return names.join(u", ");
                }
                case SeqColumn:
                    return qulonglong(m_sequence.seq(s, m_absolute));
                case AckColumn:
                    return qulonglong(m_sequence.ack(s, m_absolute));
                case LenColumn:
                    return qulonglong(s.len);
                case FateColumn:
                    return fateDisplayName(core::fateName(s.fate));
                case ReasonColumn:
                    return s.reason.empty() ? QString() : reasonDisplayName(s.reason);
                case ColumnCount:
                    break;
            }
            return {};
        case Qt::ToolTipRole:
            return tr("%1 → %2").arg(fromStd(s.src), fromStd(s.dst));
        case Qt::ForegroundRole:
            if (!past)
                return QBrush(QColor(0x9c, 0xa3, 0xaf));
            if (s.fate == core::Fate::Lost || s.fate == core::Fate::Dropped)
                return QBrush(QColor(0xc8, 0x1e, 0x1e));
            return {};
        case Qt::FontRole:
            if (index.row() == m_currentRow) {
                QFont f;
                f.setBold(true);
                return f;
            }
            return {};
        case Qt::TextAlignmentRole:
            if (index.column() == SeqColumn || index.column() == AckColumn ||
                index.column() == LenColumn || index.column() == TimeColumn)
                return int(Qt::AlignRight | Qt::AlignVCenter);
            return {};
        case TimeUsRole:
            return qint64(s.tUs);
        case ArriveUsRole:
            return qint64(s.arriveUs);
        case FromRole:
            return fromStd(s.from);
        case ToRole:
            return fromStd(s.to);
        case FlagsRole:
            return fromStd(core::flagsShort(s.flags));
        case FateKeyRole:
            return fromStd(core::fateName(s.fate));
        case SegmentRole:
            return index.row();
        case ConnectionRole:
            return s.connection;
        case IsPastRole:
            return past;
        case IsCurrentRole:
            return index.row() == m_currentRow;
        default:
            return {};
    }
}

QVariant TraceModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
        case TimeColumn:
            return tr("Time");
        case FromToColumn:
            return tr("From → To");
        case FlagsColumn:
            return tr("Flags");
        case SeqColumn:
            return m_absolute ? tr("Seq") : tr("Seq (rel.)");
        case AckColumn:
            return m_absolute ? tr("Ack") : tr("Ack (rel.)");
        case LenColumn:
            return tr("Len");
        case FateColumn:
            return tr("Fate");
        case ReasonColumn:
            return tr("Reason");
        case ColumnCount:
            break;
    }
    return {};
}

QHash<int, QByteArray> TraceModel::roleNames() const {
    auto names = QAbstractTableModel::roleNames();
    names.insert({
        {TimeUsRole, "timeUs"},
        {ArriveUsRole, "arriveUs"},
        {FromRole, "from"},
        {ToRole, "to"},
        {FlagsRole, "flags"},
        {FateKeyRole, "fate"},
        {SegmentRole, "segment"},
        {ConnectionRole, "connection"},
        {IsPastRole, "isPast"},
        {IsCurrentRole, "isCurrent"},
    });
    return names;
}

void TraceModel::retranslate() {
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DisplayRole});
}

}  // namespace closelab::models
