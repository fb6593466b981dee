#pragma once

#include <QSortFilterProxyModel>

namespace closelab::widgets {

// The options tree's filter proxy. Option rows show the short name a reader knows from the
// articles (tcp_tw_reuse, ip_local_port_range, SO_LINGER) so the name column fits a narrow
// dock; the tooltip carries the full sysctl name and the description, and the filter still
// matches the full name (it reads the source model).
class OptionNameProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit OptionNameProxy(QObject* parent = nullptr);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    void setSourceModel(QAbstractItemModel* model) override;

    // "net.ipv4.tcp_tw_reuse" -> "tcp_tw_reuse"; names without a dot stay as they are.
    static QString shortName(const QString& fullName);

private:
    int m_nameRole = -1;
};

}  // namespace closelab::widgets
