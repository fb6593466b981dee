#include "models/ladder_window_model.h"

#include <cmath>

#include "models/ladder_item_model.h"

namespace closelab::models {

LadderWindowModel::LadderWindowModel(QObject* parent) : QSortFilterProxyModel(parent) {
    connect(this, &QAbstractItemModel::rowsInserted, this, &LadderWindowModel::countChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &LadderWindowModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &LadderWindowModel::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &LadderWindowModel::countChanged);
}

bool LadderWindowModel::setRange(double from, double to) {
    if (!(to > from))
        return false;
    // Snap outwards to half a window, with half a window of margin on each side.
    const double step = std::max(1.0, (to - from) / 2);
    const double snappedFrom = std::floor(from / step) * step - step;
    const double snappedTo = std::ceil(to / step) * step + step;
    if (!m_all && snappedFrom == m_from && snappedTo == m_to)
        return false;
    m_all = false;
    m_from = snappedFrom;
    m_to = snappedTo;
    invalidateFilter();
    return true;
}

bool LadderWindowModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (m_all)
        return true;
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    const double start = idx.data(LadderItemModel::StartPosRole).toDouble();
    const double end = idx.data(LadderItemModel::EndPosRole).toDouble();
    return end >= m_from && start <= m_to;
}

}  // namespace closelab::models
