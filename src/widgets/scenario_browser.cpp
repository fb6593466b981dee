#include "widgets/scenario_browser.h"

#include <QEvent>
#include <QHeaderView>
#include <QResizeEvent>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

#include "widgets/option_delegate.h"
#include "widgets/wrapping_delegate.h"

namespace closelab::widgets {

int ScenarioBrowser::preferredWidth() const {
    // sizeHintForColumn() is public in QAbstractItemView (QTreeView only narrows its access).
    const QAbstractItemView* view = m_view;
    return view->sizeHintForColumn(0) + 2 * m_view->frameWidth() +
           m_view->verticalScrollBar()->sizeHint().width() + 8;
}

ScenarioBrowser::ScenarioBrowser(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    m_view = new QTreeView(splitter);
    m_view->setObjectName(QStringLiteral("scenarioTree"));
    m_view->setIndentation(14);
    m_view->setHeaderHidden(true);
    // Long titles wrap instead of being elided: at 1366x768 the dock cannot show them whole,
    // and the end of a title ("...where TIME_WAIT lands") is often its point.
    m_view->setWordWrap(true);
    m_view->setUniformRowHeights(false);
    m_view->setTextElideMode(Qt::ElideNone);
    m_view->setItemDelegate(new WrappingDelegate(m_view));
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setExpandsOnDoubleClick(false);
    m_description = new QTextBrowser(splitter);
    m_description->setObjectName(QStringLiteral("scenarioDescription"));
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter);
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex& index) {
        const QString id = idAt(index);
        if (!id.isEmpty())
            emit scenarioActivated(id);
        else
            m_view->setExpanded(index, !m_view->isExpanded(index));
    });
}

void ScenarioBrowser::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    // Wrapped rows change height with the width: lay the rows out again.
    m_view->doItemsLayout();
}

void ScenarioBrowser::setModel(QAbstractItemModel* model) {
    m_view->setModel(model);
    m_view->expandAll();
    connect(model, &QAbstractItemModel::modelReset, m_view, &QTreeView::expandAll);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { showDescription(current); });
    // Re-read the description when the model retranslates its texts.
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this] { showDescription(m_view->currentIndex()); });
    connect(model, &QAbstractItemModel::modelReset, this,
            [this] { showDescription(m_view->currentIndex()); });
}

void ScenarioBrowser::selectScenario(const QString& id) {
    QAbstractItemModel* model = m_view->model();
    if (!model)
        return;
    const int idRole = OptionDelegate::role(model, QByteArrayLiteral("scenarioId"));
    const QModelIndexList found =
        model->match(model->index(0, 0), idRole, id, 1, Qt::MatchExactly | Qt::MatchRecursive);
    if (found.isEmpty())
        return;
    m_view->setCurrentIndex(found.first());
    m_view->scrollTo(found.first());
}

QString ScenarioBrowser::descriptionText() const {
    return m_description->toPlainText();
}

void ScenarioBrowser::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        showDescription(m_view->currentIndex());
    QWidget::changeEvent(event);
}

QString ScenarioBrowser::idAt(const QModelIndex& index) const {
    const int idRole = OptionDelegate::role(index.model(), QByteArrayLiteral("scenarioId"));
    return idRole < 0 ? QString() : index.data(idRole).toString();
}

void ScenarioBrowser::showDescription(const QModelIndex& index) {
    const int role = OptionDelegate::role(index.model(), QByteArrayLiteral("description"));
    const QString text = role < 0 ? QString() : index.data(role).toString();
    if (!index.isValid() || text.isEmpty()) {
        m_description->setHtml(
            QStringLiteral("<p style='color:#666'>%1</p>")
                .arg(tr("Pick a scenario to read what it teaches; double-click to load it.")));
        return;
    }
    m_description->setHtml(QStringLiteral("<h4>%1</h4><p>%2</p><p style='color:#666'>%3</p>")
                               .arg(index.data().toString().toHtmlEscaped(), text.toHtmlEscaped(),
                                    tr("Double-click or press Enter to load it.")));
}

}  // namespace closelab::widgets
