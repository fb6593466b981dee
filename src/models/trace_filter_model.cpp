#include "models/trace_filter_model.h"

#include "models/trace_model.h"

namespace closelab::models {

TraceFilterModel::TraceFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {}

void TraceFilterModel::setHostFilter(const QString& host) {
    if (host == m_host)
        return;
    m_host = host;
    invalidateFilter();
}

void TraceFilterModel::setFlagFilter(const QString& flag) {
    if (flag == m_flag)
        return;
    m_flag = flag.toUpper();
    invalidateFilter();
}

void TraceFilterModel::setFateFilter(const QString& fate) {
    if (fate == m_fate)
        return;
    m_fate = fate;
    invalidateFilter();
}

void TraceFilterModel::setTextFilter(const QString& text) {
    if (text == m_text)
        return;
    m_text = text;
    invalidateFilter();
}

bool TraceFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QAbstractItemModel* src = sourceModel();
    const QModelIndex first = src->index(sourceRow, 0, sourceParent);
    if (!m_host.isEmpty() && src->data(first, TraceModel::FromRole).toString() != m_host &&
        src->data(first, TraceModel::ToRole).toString() != m_host)
        return false;
    if (!m_fate.isEmpty() && src->data(first, TraceModel::FateKeyRole).toString() != m_fate)
        return false;
    if (!m_flag.isEmpty()) {
        const QString flags =
            src->data(src->index(sourceRow, TraceModel::FlagsColumn, sourceParent)).toString();
        if (!flags.split(QStringLiteral(", ")).contains(m_flag))
            return false;
    }
    if (!m_text.isEmpty()) {
        for (int c = 0; c < src->columnCount(sourceParent); ++c) {
            if (src->data(src->index(sourceRow, c, sourceParent))
                    .toString()
                    .contains(m_text, Qt::CaseInsensitive))
                return true;
        }
        return false;
    }
    return true;
}

}  // namespace closelab::models
