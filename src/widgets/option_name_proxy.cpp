#include "widgets/option_name_proxy.h"

namespace closelab::widgets {

OptionNameProxy::OptionNameProxy(QObject* parent) : QSortFilterProxyModel(parent) {}

void OptionNameProxy::setSourceModel(QAbstractItemModel* model) {
    QSortFilterProxyModel::setSourceModel(model);
    m_nameRole = model ? int(model->roleNames().key(QByteArrayLiteral("optionName"), -1)) : -1;
}

QString OptionNameProxy::shortName(const QString& fullName) {
    return fullName.mid(fullName.lastIndexOf(u'.') + 1);
}

QVariant OptionNameProxy::data(const QModelIndex& index, int role) const {
    if (index.column() != 0 || m_nameRole < 0 ||
        (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return QSortFilterProxyModel::data(index, role);
    const QString fullName = QSortFilterProxyModel::data(index, m_nameRole).toString();
    if (fullName.isEmpty())
        return QSortFilterProxyModel::data(index, role);
    if (role == Qt::DisplayRole)
        return shortName(fullName);
    const QString description = QSortFilterProxyModel::data(index, role).toString();
    return description.isEmpty() ? fullName : fullName + u'\n' + description;
}

}  // namespace closelab::widgets
