#include "widgets/wrapping_delegate.h"

#include <QStyle>
#include <QTreeView>

#include <algorithm>

namespace closelab::widgets {

WrappingDelegate::WrappingDelegate(QTreeView* view) : QStyledItemDelegate(view), m_view(view) {}

QSize WrappingDelegate::sizeHint(const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QSize natural = QStyledItemDelegate::sizeHint(option, index);
    int depth = 0;
    for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
        ++depth;
    // The width the text gets: the column, less this row's indentation (and the root's
    // decoration), less the margins QCommonStyle leaves around an item's text.
    const QStyle* style = m_view->style();
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + 1;
    const int indent = m_view->indentation() * (depth + (m_view->rootIsDecorated() ? 1 : 0));
    const int textWidth = m_view->columnWidth(index.column()) - indent - 2 * margin;
    if (textWidth <= 0 || opt.text.isEmpty())
        return natural;
    const QRect needed = opt.fontMetrics.boundingRect(QRect(0, 0, textWidth, 1 << 20),
                                                      Qt::TextWordWrap | Qt::AlignLeft, opt.text);
    const int extra = natural.height() - opt.fontMetrics.height();
    return {natural.width(), std::max(natural.height(), needed.height() + extra)};
}

}  // namespace closelab::widgets
