#pragma once

#include <QStyledItemDelegate>

namespace closelab::widgets {

// Picks the editor an option needs from the model's roles: a check box for booleans, a spin box
// for bounded integers, a drop-down for enumerations, the port-range and SO_LINGER editors, and
// a line edit otherwise. Values go back as text through setData(); a refused value (the model's
// setData() returns false) is reported with rejected() so the editor can say why.
class OptionDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit OptionDelegate(QObject* parent = nullptr);

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model,
                      const QModelIndex& index) const override;
    void updateEditorGeometry(QWidget* editor, const QStyleOptionViewItem& option,
                              const QModelIndex& index) const override;
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;

    // Looks a role up by its roleNames() name, -1 when the model has none.
    static int role(const QAbstractItemModel* model, const QByteArray& name);

signals:
    void rejected(const QModelIndex& index, const QString& text) const;
};

}  // namespace closelab::widgets
