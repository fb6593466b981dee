#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace closelab::widgets {

// Keeps the playback keys (Space, the arrows, Home/End, PageUp/PageDown) with the playback
// wherever the focus is in `window`: tables, trees, the read-only explanation and the buttons
// would otherwise take them for themselves (a QTextBrowser moves its caret, a tree its row).
// Only while the user types into a text field (a line edit, a spin box, an editable combo box,
// an editor in a cell) do the keys stay there; Esc then hands the focus back to `home` (the
// ladder), so the next Space plays again.
class PlaybackKeys : public QObject {
    Q_OBJECT
public:
    PlaybackKeys(QWidget* window, QWidget* home, QList<QAction*> actions,
                 QObject* parent = nullptr);

    // Whether `widget` is a place where keys are typed (the keys stay there).
    static bool isTextInput(const QWidget* widget);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QAction* actionFor(const QKeyCombination& key) const;

    QPointer<QWidget> m_window;
    QPointer<QWidget> m_home;
    QList<QAction*> m_actions;
};

}  // namespace closelab::widgets
