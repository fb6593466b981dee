#include "widgets/column_filter_proxy.h"

namespace closelab::widgets {

ColumnFilterProxy::ColumnFilterProxy(QObject* parent) : QSortFilterProxyModel(parent) {}

void ColumnFilterProxy::setText(const QString& text) {
    if (text == m_text)
        return;
    m_text = text.trimmed();
    invalidateRowsFilter();
}

void ColumnFilterProxy::setColumnValue(int column, const QString& value, int role) {
    if (m_columnValues.value(column) == qMakePair(role, value))
        return;
    if (value.isEmpty())
        m_columnValues.remove(column);
    else
        m_columnValues.insert(column, qMakePair(role, value));
    invalidateRowsFilter();
}

bool ColumnFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QAbstractItemModel* source = sourceModel();
    for (auto it = m_columnValues.cbegin(); it != m_columnValues.cend(); ++it) {
        const QModelIndex index = source->index(sourceRow, it.key(), sourceParent);
        if (index.data(it.value().first).toString() != it.value().second)
            return false;
    }
    if (m_text.isEmpty())
        return true;
    // Every word must appear in some column: "FIN lost" finds lost FINs.
    const QStringList words = m_text.split(u' ', Qt::SkipEmptyParts);
    for (const QString& word : words) {
        bool found = false;
        for (int c = 0; c < source->columnCount(sourceParent) && !found; ++c) {
            found = source->index(sourceRow, c, sourceParent)
                        .data(Qt::DisplayRole)
                        .toString()
                        .contains(word, Qt::CaseInsensitive);
        }
        if (!found)
            return false;
    }
    return true;
}

}  // namespace closelab::widgets
