#include "widgets/playback_keys.h"

#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>

namespace closelab::widgets {

PlaybackKeys::PlaybackKeys(QWidget* window, QWidget* home, QList<QAction*> actions, QObject* parent)
    : QObject(parent), m_window(window), m_home(home), m_actions(std::move(actions)) {
    qApp->installEventFilter(this);
}

bool PlaybackKeys::isTextInput(const QWidget* widget) {
    if (widget == nullptr)
        return false;
    if (const auto* line = qobject_cast<const QLineEdit*>(widget))
        return !line->isReadOnly();
    if (const auto* text = qobject_cast<const QTextEdit*>(widget))
        return !text->isReadOnly();
    if (const auto* plain = qobject_cast<const QPlainTextEdit*>(widget))
        return !plain->isReadOnly();
    if (qobject_cast<const QAbstractSpinBox*>(widget) != nullptr)
        return true;
    if (const auto* combo = qobject_cast<const QComboBox*>(widget))
        return combo->isEditable();
    return false;
}

QAction* PlaybackKeys::actionFor(const QKeyCombination& key) const {
    const QKeySequence pressed(key);
    for (QAction* action : m_actions) {
        if (!action->isEnabled())
            continue;
        for (const QKeySequence& shortcut : action->shortcuts()) {
            if (shortcut.matches(pressed) == QKeySequence::ExactMatch)
                return action;
        }
    }
    return nullptr;
}

bool PlaybackKeys::eventFilter(QObject* watched, QEvent* event) {
    const QEvent::Type type = event->type();
    if ((type != QEvent::ShortcutOverride && type != QEvent::KeyPress) || !m_window)
        return false;
    auto* widget = qobject_cast<QWidget*>(watched);
    if (widget == nullptr || widget != QApplication::focusWidget() || widget->window() != m_window)
        return false;
    auto* key = static_cast<QKeyEvent*>(event);
    if (isTextInput(widget)) {
        // An editor inside a table or tree cell keeps Esc: it cancels the edit.
        const bool cellEditor = qobject_cast<QAbstractItemView*>(
                                    widget->parentWidget() ? widget->parentWidget()->parentWidget()
                                                           : nullptr) != nullptr;
        if (type == QEvent::KeyPress && key->key() == Qt::Key_Escape &&
            key->modifiers() == Qt::NoModifier && !cellEditor && m_home) {
            m_home->setFocus(Qt::ShortcutFocusReason);
            return true;
        }
        return false;
    }
    QAction* action = actionFor(key->keyCombination());
    if (action == nullptr)
        return false;
    if (type == QEvent::ShortcutOverride) {
        // Refuse the widget's claim on the key: the window's shortcut gets it.
        event->ignore();
        return true;
    }
    // A widget that takes the key without asking first (a focused view's key handling).
    action->trigger();
    return true;
}

}  // namespace closelab::widgets
