#include "widgets/option_editor.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

#include "models/option_help.h"
#include "widgets/option_delegate.h"
#include "widgets/option_name_proxy.h"

namespace closelab::widgets {

int OptionEditor::preferredWidth() const {
    // sizeHintForColumn() is public in QAbstractItemView (QTreeView only narrows its access).
    const QAbstractItemView* view = m_view;
    return view->sizeHintForColumn(0) + view->sizeHintForColumn(1) + 2 * m_view->frameWidth() +
           m_view->verticalScrollBar()->sizeHint().width() + 12;
}

OptionEditor::OptionEditor(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(3);
    auto* top = new QHBoxLayout;
    m_profileLabel = new QLabel(this);
    m_profile = new QComboBox(this);
    m_profile->setObjectName(QStringLiteral("kernelProfile"));
    m_profileLabel->setBuddy(m_profile);
    top->addWidget(m_profileLabel);
    top->addWidget(m_profile, 1);
    layout->addLayout(top);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("optionFilter"));
    m_filter->setClearButtonEnabled(true);
    layout->addWidget(m_filter);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    m_view = new QTreeView(splitter);
    m_view->setObjectName(QStringLiteral("optionTree"));
    m_view->setIndentation(14);
    m_view->setAlternatingRowColors(true);
    m_view->setUniformRowHeights(true);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked |
                            QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    m_proxy = new OptionNameProxy(this);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view->setModel(m_proxy);
    m_delegate = new OptionDelegate(this);
    m_view->setItemDelegate(m_delegate);
    m_help = new QTextBrowser(splitter);
    m_help->setObjectName(QStringLiteral("optionHelp"));
    m_help->setOpenExternalLinks(false);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("optionMessage"));
    m_message->setWordWrap(true);
    m_message->setVisible(false);
    layout->addWidget(m_message);
    auto* buttons = new QHBoxLayout;
    m_reset = new QPushButton(this);
    m_resetAll = new QPushButton(this);
    m_import = new QPushButton(this);
    m_import->setObjectName(QStringLiteral("importSysctl"));
    buttons->addWidget(m_reset);
    buttons->addWidget(m_resetAll);
    buttons->addStretch(1);
    buttons->addWidget(m_import);
    layout->addLayout(buttons);

    // Spaces around the words find nothing in an option name: a stray Space would empty the tree.
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            [this](const QString& text) { m_proxy->setFilterFixedString(text.trimmed()); });
    connect(m_filter, &QLineEdit::textChanged, this, [this] { expandAndSpan(); });
    connect(m_profile, &QComboBox::currentIndexChanged, this,
            [this](int) { emit profileChanged(profile()); });
    connect(m_reset, &QPushButton::clicked, this, [this] {
        if (currentSourceIndex().isValid())
            emit resetRequested(currentSourceIndex());
    });
    connect(m_resetAll, &QPushButton::clicked, this, &OptionEditor::resetAllRequested);
    connect(m_import, &QPushButton::clicked, this, &OptionEditor::importRequested);
    connect(m_delegate, &OptionDelegate::rejected, this,
            [this](const QModelIndex& index, const QString& text) {
                emit valueRejected(m_proxy->mapToSource(index), text);
            });
    retranslate();
}

void OptionEditor::setModel(QAbstractItemModel* model) {
    m_proxy->setSourceModel(model);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { showHelp(current); });
    connect(model, &QAbstractItemModel::modelReset, this, [this] { expandAndSpan(); });
    expandAndSpan();
    // The short names fit a narrow dock whole; the value takes the rest. The default is in the
    // help text.
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    if (model->columnCount() > 2)
        m_view->setColumnHidden(2, true);
    showHelp(QModelIndex());
}

void OptionEditor::expandAndSpan(const QModelIndex& parent) {
    // Host and group headings have no value: they span the row, so the name column is only as
    // wide as the option names.
    if (!parent.isValid())
        m_view->expandAll();
    const int kindRole = OptionDelegate::role(m_proxy, QByteArrayLiteral("nodeKind"));
    for (int row = 0; row < m_proxy->rowCount(parent); ++row) {
        const QModelIndex index = m_proxy->index(row, 0, parent);
        const QString kind = kindRole >= 0 ? index.data(kindRole).toString() : QString();
        m_view->setFirstColumnSpanned(
            row, parent, kind == QLatin1String("scope") || kind == QLatin1String("group"));
        if (m_proxy->hasChildren(index))
            expandAndSpan(index);
    }
}

void OptionEditor::setProfiles(const QStringList& profiles, const QString& current) {
    const QSignalBlocker blocker(m_profile);
    m_profile->clear();
    m_profile->addItems(profiles);
    m_profile->setCurrentIndex(std::max(0, int(profiles.indexOf(current))));
}

QString OptionEditor::profile() const {
    return m_profile->currentText();
}

void OptionEditor::showMessage(const QString& text, bool error) {
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color:#b71c1c")
                                   : QStringLiteral("color:#1b5e20"));
    m_message->setVisible(!text.isEmpty());
}

QModelIndex OptionEditor::currentSourceIndex() const {
    return m_proxy->mapToSource(m_view->currentIndex());
}

void OptionEditor::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        showHelp(m_view->currentIndex());
    }
    QWidget::changeEvent(event);
}

void OptionEditor::retranslate() {
    m_profileLabel->setText(tr("&Kernel:"));
    m_profile->setToolTip(tr("Kernel version whose defaults and options the hosts use"));
    m_filter->setPlaceholderText(tr("Find an option"));
    m_reset->setText(tr("&Reset"));
    m_reset->setToolTip(tr("Put the selected option back to the kernel's default"));
    m_resetAll->setText(tr("Reset &all"));
    m_resetAll->setToolTip(tr("Put every option back to the kernel's default"));
    m_import->setText(tr("&Import sysctl.conf…"));
    m_import->setToolTip(tr("Read net.ipv4 settings from a sysctl.conf file"));
}

void OptionEditor::showHelp(const QModelIndex& proxyIndex) {
    const QModelIndex index = proxyIndex.siblingAtColumn(0);
    const int nameRole = OptionDelegate::role(m_proxy, QByteArrayLiteral("optionName"));
    const int descriptionRole = OptionDelegate::role(m_proxy, QByteArrayLiteral("description"));
    const int defaultRole = OptionDelegate::role(m_proxy, QByteArrayLiteral("defaultValue"));
    const QString name = nameRole >= 0 ? index.data(nameRole).toString() : QString();
    QString help = models::OptionHelp::html(name);
    if (help.isEmpty() && descriptionRole >= 0)
        help = index.data(descriptionRole).toString().toHtmlEscaped();
    if (!help.isEmpty() && defaultRole >= 0 && models::OptionHelp::html(name).isEmpty())
        help += QStringLiteral("<p>%1</p>")
                    .arg(tr("Default: %1").arg(index.data(defaultRole).toString().toHtmlEscaped()));
    if (help.isEmpty()) {
        m_help->setHtml(QStringLiteral("<p style='color:#666'>%1</p>")
                            .arg(tr("Select an option to read what it really does.")));
        return;
    }
    // The option's own help starts with its name; the one-line description gets it here.
    if (!models::OptionHelp::html(name).isEmpty()) {
        m_help->setHtml(help);
        return;
    }
    m_help->setHtml(
        QStringLiteral("<h4>%1</h4>%2")
            .arg((name.isEmpty() ? index.data().toString() : name).toHtmlEscaped(), help));
}

}  // namespace closelab::widgets
