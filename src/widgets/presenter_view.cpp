#include "widgets/presenter_view.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "models/beat_stepper.h"
#include "models/lesson_beats.h"
#include "widgets/presentation_window.h"

namespace closelab::widgets {

namespace {

QLabel* heading(QWidget* parent) {
    auto* label = new QLabel(parent);
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    return label;
}

QLabel* bigText(QWidget* parent, double factor) {
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    QFont f = label->font();
    f.setPointSizeF(f.pointSizeF() * factor);
    label->setFont(f);
    return label;
}

}  // namespace

PresenterView::PresenterView(PresentationWindow* presentation, QWidget* parent)
    : QWidget(parent, Qt::Window), m_presentation(presentation) {
    setObjectName(QStringLiteral("presenterView"));
    setAttribute(Qt::WA_QuitOnClose, false);
    auto* grid = new QGridLayout(this);
    m_currentTitle = heading(this);
    m_current = bigText(this, 1.8);
    m_current->setObjectName(QStringLiteral("presenterCurrent"));
    m_nextTitle = heading(this);
    m_next = bigText(this, 1.3);
    m_next->setObjectName(QStringLiteral("presenterNext"));
    m_notesTitle = heading(this);
    m_notes = new QTextBrowser(this);
    m_notes->setObjectName(QStringLiteral("presenterNotes"));
    QFont notesFont = m_notes->font();
    notesFont.setPointSizeF(notesFont.pointSizeF() * 1.3);
    m_notes->setFont(notesFont);
    m_clock = bigText(this, 2.4);
    m_clock->setObjectName(QStringLiteral("presenterClock"));
    m_clock->setAlignment(Qt::AlignRight | Qt::AlignTop);
    m_position = heading(this);
    m_position->setAlignment(Qt::AlignRight);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("presenterBeats"));
    m_list->setWordWrap(true);

    auto* left = new QVBoxLayout;
    left->addWidget(m_currentTitle);
    left->addWidget(m_current);
    left->addSpacing(12);
    left->addWidget(m_nextTitle);
    left->addWidget(m_next);
    left->addSpacing(12);
    left->addWidget(m_notesTitle);
    left->addWidget(m_notes, 1);
    auto* right = new QVBoxLayout;
    right->addWidget(m_clock);
    right->addWidget(m_position);
    right->addWidget(m_list, 1);
    grid->addLayout(left, 0, 0);
    grid->addLayout(right, 0, 1);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 2);

    m_tick.setInterval(500);
    connect(&m_tick, &QTimer::timeout, this, [this] { m_clock->setText(elapsedText()); });
    connect(m_list, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        m_presentation->stepper()->jumpTo(m_list->row(item));
    });
    models::BeatStepper* stepper = m_presentation->stepper();
    connect(stepper, &models::BeatStepper::currentChanged, this, &PresenterView::updateTexts);
    connect(stepper, &models::BeatStepper::animatingChanged, this, &PresenterView::updateTexts);
    connect(stepper, &models::BeatStepper::stopsChanged, this, &PresenterView::refresh);
    m_presentation->addKeySource(this);
    restartClock();
    retranslate();
}

void PresenterView::restartClock() {
    m_elapsed.start();
    m_tick.start();
    m_clock->setText(elapsedText());
}

QString PresenterView::elapsedText() const {
    const qint64 s = m_elapsed.isValid() ? m_elapsed.elapsed() / 1000 : 0;
    return QStringLiteral("%1:%2")
        .arg(s / 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}

void PresenterView::refresh() {
    m_list->clear();
    int n = 1;
    for (const models::LessonBeat& beat : m_presentation->beats()) {
        const QString caption = beat.caption(m_presentation->isChinese());
        m_list->addItem(tr("%1. %2").arg(n++).arg(caption));
    }
    updateTexts();
}

void PresenterView::updateTexts() {
    const auto& beats = m_presentation->beats();
    const bool chinese = m_presentation->isChinese();
    const int current = m_presentation->stepper()->target();
    const int count = int(beats.size());
    if (count == 0) {
        m_current->setText(m_presentation->captionText());
        m_next->setText(tr("This scenario has no lesson beats: each step is one event."));
        m_notes->setPlainText(QString());
        m_position->setText(tr("Step %1 of %2")
                                .arg(m_presentation->stepper()->current() + 1)
                                .arg(m_presentation->stepper()->count()));
        return;
    }
    m_current->setText(current >= 0 ? beats[std::size_t(current)].caption(chinese)
                                    : tr("(before the first beat)"));
    m_next->setText(current + 1 < count ? beats[std::size_t(current + 1)].caption(chinese)
                                        : tr("(the last beat)"));
    m_notes->setPlainText(current >= 0 ? beats[std::size_t(current)].notes(chinese) : QString());
    m_position->setText(current >= 0 ? tr("Beat %1 of %2").arg(current + 1).arg(count)
                                     : tr("Start"));
    if (current >= 0 && current < m_list->count())
        m_list->setCurrentRow(current);
    else
        m_list->clearSelection();
}

void PresenterView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void PresenterView::retranslate() {
    setWindowTitle(tr("Presenter view"));
    m_currentTitle->setText(tr("Now"));
    m_nextTitle->setText(tr("Next"));
    m_notesTitle->setText(tr("Speaker notes"));
    refresh();
}

}  // namespace closelab::widgets
