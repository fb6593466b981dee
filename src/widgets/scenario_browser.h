#pragma once

#include <QWidget>

class QAbstractItemModel;
class QModelIndex;
class QTextBrowser;
class QTreeView;

namespace closelab::widgets {

// The scenarios grouped by topic, with the selected one's description; double-click (or Enter)
// loads it.
class ScenarioBrowser : public QWidget {
    Q_OBJECT
public:
    explicit ScenarioBrowser(QWidget* parent = nullptr);
    // The width that shows every title whole (tree indentation, frame and scroll bar included).
    int preferredWidth() const;

    void setModel(QAbstractItemModel* model);
    QTreeView* view() const { return m_view; }
    // Selects the scenario with this id (no signal).
    void selectScenario(const QString& id);
    QString descriptionText() const;

signals:
    void scenarioActivated(const QString& id);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    QString idAt(const QModelIndex& index) const;
    void showDescription(const QModelIndex& index);

    QTreeView* m_view = nullptr;
    QTextBrowser* m_description = nullptr;
};

}  // namespace closelab::widgets
