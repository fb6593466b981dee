#pragma once

#include <QHash>
#include <QList>
#include <QStringList>
#include <QWidget>
#include <functional>

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QModelIndex;
class QTableView;

namespace closelab::widgets {

class ColumnFilterProxy;

// A table with a filter bar: free text over all columns plus drop-downs for chosen columns
// (host, state). Used for the trace (packet list), the sockets (ss -tan) and the counters.
class TablePanel : public QWidget {
    Q_OBJECT
public:
    explicit TablePanel(QWidget* parent = nullptr);

    void setSourceModel(QAbstractItemModel* model);
    QAbstractItemModel* sourceModel() const;
    // Adds a drop-down that keeps only rows whose column shows exactly the chosen value.
    // The label is produced by `label` so it follows the language.
    // valueRole: the role compared (an identifier such as a host or fate key, so the choice
    // survives a language switch); the drop-down shows the column's display text.
    void addColumnChoice(int column, std::function<QString()> label,
                         int valueRole = Qt::DisplayRole);
    void setFilterPlaceholder(std::function<QString()> placeholder);
    // Selects and scrolls to a source row without emitting sourceRowActivated().
    void selectSourceRow(int row);
    void setFilterText(const QString& text);
    QTableView* view() const { return m_view; }
    ColumnFilterProxy* proxy() const { return m_proxy; }
    int visibleRowCount() const;
    // Columns as wide as their contents plus room for the bold current row.
    void fitColumns();
    // Keeps a column at least wide enough for each of these texts (bold): for values that come
    // and go with the playback time, e.g. state names, so the column need not follow them.
    void reserveColumnWidth(int column, const QStringList& texts);

signals:
    // The user picked a row (click or keyboard).
    void sourceRowActivated(int row);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Choice {
        int column = 0;
        int role = Qt::DisplayRole;
        std::function<QString()> label;
        QLabel* labelWidget = nullptr;
        QComboBox* combo = nullptr;
    };
    void refreshChoices();
    void retranslate();

    QLineEdit* m_filter = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_count = nullptr;
    ColumnFilterProxy* m_proxy = nullptr;
    QList<Choice> m_choices;
    QHash<int, QStringList> m_reserved;  // column -> texts it must fit
    std::function<QString()> m_placeholder;
    bool m_selecting = false;
    int m_guard = 0;  // > 0 while the proxy's rows change
};

}  // namespace closelab::widgets
