#pragma once

#include <QDialog>
#include <QList>

class QAction;
class QTableWidget;

namespace closelab::widgets {

// Help ▸ Keyboard shortcuts: every action that has a shortcut, built from the live actions so
// the list can never drift from what the keys do.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent = nullptr);

    int rowCount() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void fill();

    QList<QAction*> m_actions;
    QTableWidget* m_table = nullptr;
};

}  // namespace closelab::widgets
