#include "widgets/option_delegate.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPainter>
#include <QSpinBox>
#include <limits>

#include "widgets/linger_editor.h"
#include "widgets/port_range_editor.h"

namespace closelab::widgets {

namespace {

QString valueType(const QModelIndex& index) {
    const int r = OptionDelegate::role(index.model(), QByteArrayLiteral("valueType"));
    return r < 0 ? QString() : index.data(r).toString();
}

QVariant roleData(const QModelIndex& index, const char* name) {
    const int r = OptionDelegate::role(index.model(), QByteArray(name));
    return r < 0 ? QVariant() : index.data(r);
}

}  // namespace

OptionDelegate::OptionDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

int OptionDelegate::role(const QAbstractItemModel* model, const QByteArray& name) {
    if (!model)
        return -1;
    const auto names = model->roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        if (it.value() == name)
            return it.key();
    }
    return -1;
}

QWidget* OptionDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                      const QModelIndex& index) const {
    const QString type = valueType(index);
    if (type == QLatin1String("bool")) {
        auto* box = new QCheckBox(parent);
        box->setAutoFillBackground(true);
        return box;
    }
    if (type == QLatin1String("integer")) {
        const qlonglong lo = roleData(index, "minimum").toLongLong();
        const qlonglong hi = roleData(index, "maximum").toLongLong();
        if (lo >= std::numeric_limits<int>::min() && hi <= std::numeric_limits<int>::max() &&
            lo < hi) {
            auto* spin = new QSpinBox(parent);
            spin->setRange(int(lo), int(hi));
            const QString unit = roleData(index, "unit").toString();
            if (!unit.isEmpty())
                spin->setSuffix(u' ' + unit);
            return spin;
        }
    }
    if (type == QLatin1String("enum")) {
        auto* combo = new QComboBox(parent);
        combo->addItems(roleData(index, "enumValues").toStringList());
        return combo;
    }
    if (type == QLatin1String("portrange"))
        return new PortRangeEditor(parent);
    if (type == QLatin1String("linger"))
        return new LingerEditor(parent);
    return QStyledItemDelegate::createEditor(parent, option, index);
}

void OptionDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
    const QString text = index.data(Qt::EditRole).toString();
    if (auto* box = qobject_cast<QCheckBox*>(editor)) {
        box->setChecked(text == QLatin1String("1") || text == QLatin1String("true"));
    } else if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
        spin->setValue(text.toInt());
    } else if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        combo->setCurrentIndex(std::max(0, combo->findText(text)));
    } else if (auto* range = qobject_cast<PortRangeEditor*>(editor)) {
        range->setText(text);
    } else if (auto* linger = qobject_cast<LingerEditor*>(editor)) {
        linger->setText(text);
    } else {
        QStyledItemDelegate::setEditorData(editor, index);
    }
}

void OptionDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                  const QModelIndex& index) const {
    QString text;
    if (auto* box = qobject_cast<QCheckBox*>(editor))
        text = box->isChecked() ? QStringLiteral("1") : QStringLiteral("0");
    else if (auto* spin = qobject_cast<QSpinBox*>(editor))
        text = QString::number(spin->value());
    else if (auto* combo = qobject_cast<QComboBox*>(editor))
        text = combo->currentText();
    else if (auto* range = qobject_cast<PortRangeEditor*>(editor))
        text = range->text();
    else if (auto* linger = qobject_cast<LingerEditor*>(editor))
        text = linger->text();
    else if (auto* line = qobject_cast<QLineEdit*>(editor))
        text = line->text();
    if (text == index.data(Qt::EditRole).toString())
        return;
    if (!model->setData(index, text, Qt::EditRole))
        emit rejected(index, text);
}

void OptionDelegate::updateEditorGeometry(QWidget* editor, const QStyleOptionViewItem& option,
                                          const QModelIndex&) const {
    QRect rect = option.rect;
    rect.setWidth(std::max(rect.width(), editor->sizeHint().width()));
    editor->setGeometry(rect);
}

void OptionDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                           const QModelIndex& index) const {
    QStyleOptionViewItem opt(option);
    // Values changed from the kernel profile's default are bold with a tinted background.
    if (roleData(index, "isChanged").toBool() &&
        roleData(index, "nodeKind") == QLatin1String("option")) {
        opt.font.setBold(true);
        painter->fillRect(option.rect, QColor(255, 243, 205));
    }
    QStyledItemDelegate::paint(painter, opt, index);
}

}  // namespace closelab::widgets
