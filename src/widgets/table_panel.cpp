#include "widgets/table_panel.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

#include "widgets/column_filter_proxy.h"

namespace closelab::widgets {

TablePanel::TablePanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);
    auto* bar = new QHBoxLayout;
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filter->setClearButtonEnabled(true);
    bar->addWidget(m_filter, 1);
    m_count = new QLabel(this);
    bar->addWidget(m_count);
    layout->addLayout(bar);
    m_proxy = new ColumnFilterProxy(this);
    // Connected before the view's selection model, which moves the current index in the
    // same signals. Rows vanishing under a filter or a new recording move the view's current index;
    // that is not the user picking a row, so it must not move playback.
    const auto hold = [this] { ++m_guard; };
    const auto release = [this] { --m_guard; };
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeRemoved, this, hold);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, release);
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeInserted, this, hold);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, release);
    connect(m_proxy, &QAbstractItemModel::modelAboutToBeReset, this, hold);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, release);
    connect(m_proxy, &QAbstractItemModel::layoutAboutToBeChanged, this, hold);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, release);
    m_view = new QTableView(this);
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setHighlightSections(false);
    layout->addWidget(m_view, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &ColumnFilterProxy::setText);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &TablePanel::retranslate);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &TablePanel::retranslate);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &TablePanel::retranslate);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &TablePanel::retranslate);
    retranslate();
}

void TablePanel::setSourceModel(QAbstractItemModel* model) {
    m_proxy->setSourceModel(model);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (!m_selecting && m_guard == 0 && current.isValid())
                    emit sourceRowActivated(m_proxy->mapToSource(current).row());
            });
    if (model) {
        connect(model, &QAbstractItemModel::modelReset, this, &TablePanel::refreshChoices);
        connect(model, &QAbstractItemModel::rowsInserted, this, &TablePanel::refreshChoices);
    }
    refreshChoices();
    fitColumns();
}

QAbstractItemModel* TablePanel::sourceModel() const {
    return m_proxy->sourceModel();
}

void TablePanel::addColumnChoice(int column, std::function<QString()> label, int valueRole) {
    Choice choice;
    choice.column = column;
    choice.label = std::move(label);
    choice.role = valueRole;
    choice.labelWidget = new QLabel(this);
    choice.combo = new QComboBox(this);
    choice.combo->setObjectName(QStringLiteral("choice%1").arg(column));
    choice.combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    // Wide enough for its longest choice (a Chinese one too): the filter field gives way instead.
    choice.combo->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Fixed);
    choice.labelWidget->setBuddy(choice.combo);
    auto* bar = qobject_cast<QHBoxLayout*>(layout()->itemAt(0)->layout());
    bar->insertWidget(bar->count() - 1, choice.labelWidget);
    bar->insertWidget(bar->count() - 1, choice.combo);
    connect(choice.combo, &QComboBox::currentIndexChanged, this, [this, column](int) {
        for (const Choice& c : std::as_const(m_choices)) {
            if (c.column == column)
                m_proxy->setColumnValue(column, c.combo->currentData().toString(), c.role);
        }
    });
    m_choices.append(choice);
    refreshChoices();
    retranslate();
}

void TablePanel::setFilterPlaceholder(std::function<QString()> placeholder) {
    m_placeholder = std::move(placeholder);
    retranslate();
}

void TablePanel::selectSourceRow(int row) {
    QAbstractItemModel* source = m_proxy->sourceModel();
    if (!source)
        return;
    const QModelIndex proxyIndex = m_proxy->mapFromSource(source->index(row, 0));
    m_selecting = true;
    if (proxyIndex.isValid()) {
        m_view->selectionModel()->setCurrentIndex(
            proxyIndex, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_view->scrollTo(proxyIndex);
    } else {
        m_view->selectionModel()->clearSelection();
    }
    m_selecting = false;
}

void TablePanel::setFilterText(const QString& text) {
    m_filter->setText(text);
}

int TablePanel::visibleRowCount() const {
    return m_proxy->rowCount();
}

void TablePanel::fitColumns() {
    m_view->resizeColumnsToContents();
    const int last = m_proxy->columnCount() - 1;
    const int padding = m_view->fontMetrics().averageCharWidth() * 2;
    // The row at the playback time is drawn bold, about a tenth wider than the regular text
    // the columns were measured with.
    for (int c = 0; c < last; ++c)
        m_view->setColumnWidth(c, m_view->columnWidth(c) * 11 / 10 + padding);
    QFont bold = m_view->font();
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    for (auto it = m_reserved.cbegin(); it != m_reserved.cend(); ++it) {
        int width = 0;
        for (const QString& text : it.value())
            width = std::max(width, metrics.horizontalAdvance(text));
        m_view->setColumnWidth(it.key(), std::max(m_view->columnWidth(it.key()), width + padding));
    }
}

void TablePanel::reserveColumnWidth(int column, const QStringList& texts) {
    m_reserved.insert(column, texts);
    fitColumns();
}

void TablePanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        // The models relabel themselves on the same language change; read them afterwards.
        QTimer::singleShot(0, this, &TablePanel::refreshChoices);
    }
    QWidget::changeEvent(event);
}

void TablePanel::refreshChoices() {
    QAbstractItemModel* source = m_proxy->sourceModel();
    for (Choice& choice : m_choices) {
        const QString current = choice.combo->currentData().toString();
        // value (identifier) -> text shown, in the model's current language
        QMap<QString, QString> values;
        for (int r = 0; source && r < source->rowCount(); ++r) {
            const QModelIndex index = source->index(r, choice.column);
            const QString v = index.data(choice.role).toString();
            if (!v.isEmpty() && !values.contains(v))
                values.insert(v, index.data(Qt::DisplayRole).toString());
        }
        // The chosen value stays offered even when the new data lacks it (the table is empty then).
        if (!current.isEmpty() && !values.contains(current))
            values.insert(current, choice.combo->currentText());
        const QSignalBlocker blocker(choice.combo);
        choice.combo->clear();
        choice.combo->addItem(tr("All"), QString());
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            choice.combo->addItem(it.value(), it.key());
        choice.combo->setCurrentIndex(std::max(0, choice.combo->findData(current)));
    }
}

void TablePanel::retranslate() {
    m_filter->setPlaceholderText(m_placeholder ? m_placeholder() : tr("Filter"));
    m_filter->setToolTip(tr("Show only rows that contain every word typed here"));
    for (Choice& choice : m_choices) {
        choice.labelWidget->setText(choice.label ? choice.label() : QString());
        if (choice.combo->count() > 0)
            choice.combo->setItemText(0, tr("All"));
    }
    const int total = m_proxy->sourceModel() ? m_proxy->sourceModel()->rowCount() : 0;
    m_count->setText(tr("%1 of %2").arg(m_proxy->rowCount()).arg(total));
}

}  // namespace closelab::widgets
