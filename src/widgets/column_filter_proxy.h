#pragma once

#include <QHash>
#include <QSortFilterProxyModel>

namespace closelab::widgets {

// A free-text filter over every column plus exact-match filters on chosen columns (host, state),
// as in Wireshark's display filter bar, much simplified.
class ColumnFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit ColumnFilterProxy(QObject* parent = nullptr);

    void setText(const QString& text);
    // Keeps rows whose column shows `value` in `role` (an identifier role survives a language
    // switch); an empty value removes the column's filter.
    void setColumnValue(int column, const QString& value, int role = Qt::DisplayRole);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_text;
    QHash<int, QPair<int, QString>> m_columnValues;  // column -> (role, value)
};

}  // namespace closelab::widgets
