#include "models/ladder_item_model.h"

namespace closelab::models {

LadderItemModel::LadderItemModel(QObject* parent) : QAbstractListModel(parent) {}

int LadderItemModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : count();
}

QVariant LadderItemModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LadderItem& item = m_items[std::size_t(index.row())];
    switch (role) {
        case Qt::DisplayRole:
        case LabelRole:
            return item.label;
        case Qt::ToolTipRole:
        case DetailRole:
            return item.detail;
        case KindRole:
            return int(item.kind);
        case LaneRole:
            return item.lane;
        case ToLaneRole:
            return item.toLane;
        case StartPosRole:
            return item.startPos;
        case EndPosRole:
            return item.endPos;
        case StartUsRole:
            return qint64(item.startUs);
        case EndUsRole:
            return qint64(item.endUs);
        case KeyRole:
            return item.key;
        case FateRole:
            return fateKey(item.fate);
        case ConnectionRole:
            return item.connection;
        case SourceIndexRole:
            return item.sourceIndex;
        case SlotRole:
            return item.slot;
        case ArrivesRole:
            return item.arrives;
        case RejectedRole:
            return item.rejected;
        case FiredRole:
            return item.fired;
        default:
            return {};
    }
}

QHash<int, QByteArray> LadderItemModel::roleNames() const {
    return {
        {KindRole, "kind"},
        {LaneRole, "lane"},
        {ToLaneRole, "toLane"},
        {StartPosRole, "startPos"},
        {EndPosRole, "endPos"},
        {StartUsRole, "startUs"},
        {EndUsRole, "endUs"},
        {LabelRole, "label"},
        {DetailRole, "detail"},
        {KeyRole, "key"},
        {FateRole, "fate"},
        {ConnectionRole, "connection"},
        {SourceIndexRole, "sourceIndex"},
        {SlotRole, "slot"},
        {ArrivesRole, "arrives"},
        {RejectedRole, "rejected"},
        {FiredRole, "fired"},
    };
}

void LadderItemModel::setItems(std::vector<LadderItem> items) {
    const bool countChanges = items.size() != m_items.size();
    beginResetModel();
    m_items = std::move(items);
    endResetModel();
    if (countChanges)
        emit countChanged();
}

void LadderItemModel::updateLabels(const std::vector<LadderItem>& items) {
    if (items.size() != m_items.size()) {
        setItems(items);
        return;
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
        m_items[i].label = items[i].label;
        m_items[i].detail = items[i].detail;
    }
    if (!m_items.empty())
        emit dataChanged(index(0), index(count() - 1), {Qt::DisplayRole, LabelRole, DetailRole});
}

QString LadderItemModel::fateKey(LadderItem::Fate fate) {
    switch (fate) {
        case LadderItem::Fate::Delivered:
            return QStringLiteral("delivered");
        case LadderItem::Fate::Lost:
            return QStringLiteral("lost");
        case LadderItem::Fate::Dropped:
            return QStringLiteral("dropped");
        case LadderItem::Fate::Delayed:
            return QStringLiteral("delayed");
        case LadderItem::Fate::None:
            break;
    }
    return {};
}

}  // namespace closelab::models
