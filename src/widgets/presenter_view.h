#pragma once

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QListWidget;
class QTextBrowser;

namespace closelab::widgets {

class PresentationWindow;

// The teacher's window beside the projected presentation: the current and the next beat's
// captions, the speaker notes, the time since the presentation started and the beat list (a
// click jumps there). Keys typed here step the presentation as on the projector.
class PresenterView : public QWidget {
    Q_OBJECT
public:
    explicit PresenterView(PresentationWindow* presentation, QWidget* parent = nullptr);

    // Starts the clock from zero (the presentation began).
    void restartClock();
    // "12:34": minutes and seconds since restartClock().
    QString elapsedText() const;
    // Rebuilds the beat list (new run, language switch) and the texts.
    void refresh();

    QLabel* currentLabel() const { return m_current; }
    QLabel* nextLabel() const { return m_next; }
    QTextBrowser* notesView() const { return m_notes; }
    QListWidget* beatList() const { return m_list; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateTexts();
    void retranslate();

    PresentationWindow* m_presentation;
    QLabel* m_currentTitle = nullptr;
    QLabel* m_current = nullptr;
    QLabel* m_nextTitle = nullptr;
    QLabel* m_next = nullptr;
    QLabel* m_notesTitle = nullptr;
    QTextBrowser* m_notes = nullptr;
    QLabel* m_clock = nullptr;
    QLabel* m_position = nullptr;
    QListWidget* m_list = nullptr;
    QElapsedTimer m_elapsed;
    QTimer m_tick;
};

}  // namespace closelab::widgets
