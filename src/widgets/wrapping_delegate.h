#pragma once

#include <QStyledItemDelegate>

class QTreeView;

namespace closelab::widgets {

// Item texts of a tree wrap onto as many lines as the column's width needs: QTreeView asks its
// delegate for a row's size without the column width, so a wrapped row would keep one line's
// height and be elided. Used for the scenario titles, whose ends carry their point.
class WrappingDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit WrappingDelegate(QTreeView* view);

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    QTreeView* m_view;
};

}  // namespace closelab::widgets
