#include "widgets/practice_panel.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QQuickItem>
#include <QQuickWidget>
#include <QRadioButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTextDocument>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

#include "core/kernel_profile.h"
#include "core/options.h"
#include "models/ladder_scene.h"
#include "models/language_manager.h"
#include "models/player.h"
#include "models/practice_models.h"
#include "models/practice_session.h"
#include "models/progress_store.h"
#include "models/session.h"
#include "models/time_format.h"
#include "widgets/ladder_view.h"

namespace closelab::widgets {

namespace {

constexpr int kChoiceIdRole = Qt::UserRole + 1;

QString minutesSeconds(qint64 ms) {
    const qint64 s = ms / 1000;
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QLabel* wrappedLabel(QWidget* parent, const QString& objectName) {
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

}  // namespace

PracticePanel::PracticePanel(const models::QuestionSource* source, models::ProgressStore* store,
                             models::LanguageManager* languages, QWidget* parent)
    : QWidget(parent), m_source(source), m_store(store), m_languages(languages) {
    setObjectName(QStringLiteral("practicePanel"));
    m_session = new models::PracticeSession(source, store, this);
    m_topics = new models::TopicProgressModel(store, source, this);
    m_mistakes = new models::MistakesModel(store, source, this);
    m_run = new models::Session(this);
    m_player = new models::Player(this);
    m_scene = new models::LadderScene(m_player, this);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(buildHome());
    m_pages->addWidget(buildQuestion());
    m_pages->addWidget(buildSummary());
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    m_clockTimer = new QTimer(this);
    m_clockTimer->setInterval(1000);
    connect(m_clockTimer, &QTimer::timeout, this, &PracticePanel::updateClock);

    connect(m_session, &models::PracticeSession::questionChanged, this,
            &PracticePanel::onQuestionChanged);
    connect(m_session, &models::PracticeSession::graded, this, &PracticePanel::onGraded);
    connect(m_session, &models::PracticeSession::finished, this, &PracticePanel::onFinished);
    connect(m_session, &models::PracticeSession::errorOccurred, this, [this](const QString& msg) {
        if (page() == Page::Question) {
            m_feedback->setText(msg.toHtmlEscaped());
            m_feedback->show();
            askConfidence(false);
        } else {
            m_homeMessage->setText(msg);
        }
    });
    connect(m_session, &models::PracticeSession::stateChanged, this, [this] { updateHints(); });
    connect(m_run, &models::Session::recordingChanged, this,
            [this] { m_scene->setRecording(m_run->recording()); });
    connect(m_player, &models::Player::timeChanged, this, [this](qint64 t) {
        if (m_revealUntilUs && t >= *m_revealUntilUs) {
            m_player->pause();
            m_revealUntilUs.reset();
        }
    });
    if (m_store)
        connect(m_store, &models::ProgressStore::changed, this, &PracticePanel::refreshHome);
    // The translator is installed (LanguageChange) before the manager names the new language;
    // the question texts, which come from the bank, follow the name.
    if (m_languages)
        connect(m_languages, &models::LanguageManager::languageChanged, this,
                &PracticePanel::retranslate);
    retranslate();
    refreshHome();
}

PracticePanel::~PracticePanel() = default;

bool PracticePanel::chinese() const {
    return m_languages && m_languages->language() == QLatin1String("zh_CN");
}

QWidget* PracticePanel::buildHome() {
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("practiceHome"));
    auto* outer = new QVBoxLayout(page);
    m_homeTitle = new QLabel(page);
    QFont big = m_homeTitle->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_homeTitle->setFont(big);
    outer->addWidget(m_homeTitle);

    auto* columns = new QHBoxLayout;
    outer->addLayout(columns, 1);

    m_chooseBox = new QGroupBox(page);
    auto* choose = new QVBoxLayout(m_chooseBox);
    m_topicList = new QListWidget(m_chooseBox);
    m_topicList->setObjectName(QStringLiteral("practiceTopics"));
    for (const QString& topic : m_source->topics()) {
        auto* item = new QListWidgetItem(m_topicList);
        item->setData(kChoiceIdRole, topic);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    choose->addWidget(m_topicList, 1);
    m_topicsButton = new QPushButton(m_chooseBox);
    m_topicsButton->setObjectName(QStringLiteral("practiceTopicsButton"));
    m_dueButton = new QPushButton(m_chooseBox);
    m_dueButton->setObjectName(QStringLiteral("practiceDueButton"));
    m_mistakesButton = new QPushButton(m_chooseBox);
    m_mistakesButton->setObjectName(QStringLiteral("practiceMistakesButton"));
    m_interviewButton = new QPushButton(m_chooseBox);
    m_interviewButton->setObjectName(QStringLiteral("practiceInterviewButton"));
    for (QPushButton* b : {m_topicsButton, m_dueButton, m_mistakesButton, m_interviewButton})
        choose->addWidget(b);
    m_homeMessage = wrappedLabel(m_chooseBox, QStringLiteral("practiceHomeMessage"));
    choose->addWidget(m_homeMessage);
    columns->addWidget(m_chooseBox, 2);

    m_progressBox = new QGroupBox(page);
    auto* progress = new QVBoxLayout(m_progressBox);
    m_progressLine = wrappedLabel(m_progressBox, QStringLiteral("practiceProgressLine"));
    progress->addWidget(m_progressLine);
    m_weakLabel = new QLabel(m_progressBox);
    progress->addWidget(m_weakLabel);
    m_topicTable = new QTableView(m_progressBox);
    m_topicTable->setObjectName(QStringLiteral("practiceTopicTable"));
    m_topicTable->setModel(m_topics);
    m_mistakesLabel = new QLabel(m_progressBox);
    m_mistakeTable = new QTableView(m_progressBox);
    m_mistakeTable->setObjectName(QStringLiteral("practiceMistakeTable"));
    m_mistakeTable->setModel(m_mistakes);
    for (QTableView* t : {m_topicTable, m_mistakeTable}) {
        t->setSelectionBehavior(QAbstractItemView::SelectRows);
        t->setEditTriggers(QAbstractItemView::NoEditTriggers);
        t->verticalHeader()->hide();
        t->horizontalHeader()->setStretchLastSection(true);
        t->setWordWrap(false);
    }
    m_topicTable->horizontalHeader()->setSectionResizeMode(models::TopicProgressModel::TopicColumn,
                                                           QHeaderView::Stretch);
    m_mistakeTable->horizontalHeader()->setSectionResizeMode(models::MistakesModel::QuestionColumn,
                                                             QHeaderView::Stretch);
    m_mistakeTable->horizontalHeader()->setStretchLastSection(false);
    progress->addWidget(m_topicTable, 1);
    progress->addWidget(m_mistakesLabel);
    progress->addWidget(m_mistakeTable, 1);
    m_exportButton = new QPushButton(m_progressBox);
    m_exportButton->setObjectName(QStringLiteral("practiceExportButton"));
    auto* exportRow = new QHBoxLayout;
    exportRow->addStretch(1);
    exportRow->addWidget(m_exportButton);
    progress->addLayout(exportRow);
    columns->addWidget(m_progressBox, 3);

    connect(m_topicsButton, &QPushButton::clicked, this, [this] {
        QStringList chosen;
        for (int i = 0; i < m_topicList->count(); ++i) {
            if (m_topicList->item(i)->checkState() == Qt::Checked)
                chosen << m_topicList->item(i)->data(kChoiceIdRole).toString();
        }
        startTopics(chosen);
    });
    connect(m_dueButton, &QPushButton::clicked, this, &PracticePanel::startDue);
    connect(m_mistakesButton, &QPushButton::clicked, this, &PracticePanel::startMistakes);
    connect(m_interviewButton, &QPushButton::clicked, this, &PracticePanel::startInterview);
    connect(m_exportButton, &QPushButton::clicked, this, &PracticePanel::exportDialog);
    connect(m_mistakeTable, &QTableView::activated, this, [this](const QModelIndex& index) {
        const QString id = index.data(models::MistakesModel::QuestionIdRole).toString();
        startQuestion(id, index.data(models::MistakesModel::VariantSeedRole).toULongLong());
    });
    return page;
}

QWidget* PracticePanel::buildQuestion() {
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("practiceQuestion"));
    auto* outer = new QVBoxLayout(page);

    auto* top = new QHBoxLayout;
    m_position = new QLabel(page);
    m_position->setObjectName(QStringLiteral("practicePosition"));
    m_clock = new QLabel(page);
    m_clock->setObjectName(QStringLiteral("practiceClock"));
    top->addWidget(m_position, 1);
    top->addWidget(m_clock);
    outer->addLayout(top);

    m_title = wrappedLabel(page, QStringLiteral("practiceTitle"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_title->setFont(big);
    outer->addWidget(m_title);
    m_text = wrappedLabel(page, QStringLiteral("practiceText"));
    QFont textFont = m_text->font();
    textFont.setPointSizeF(textFont.pointSizeF() * 1.15);
    m_text->setFont(textFont);
    outer->addWidget(m_text);

    auto* split = new QSplitter(Qt::Horizontal, page);
    split->setChildrenCollapsible(false);
    auto* ladderBox = new QWidget(split);
    auto* ladderLayout = new QVBoxLayout(ladderBox);
    ladderLayout->setContentsMargins(0, 0, 0, 0);
    m_ladder = new LadderView(ladderBox);
    m_ladder->setObjectName(QStringLiteral("practiceLadder"));
    m_ladder->setMinimumSize(360, 240);
    m_ladderNote = wrappedLabel(ladderBox, QStringLiteral("practiceLadderNote"));
    ladderLayout->addWidget(m_ladder, 1);
    ladderLayout->addWidget(m_ladderNote);
    m_ladder->load();
    m_ladder->setScene(m_scene);
    if (QQuickItem* root = m_ladder->quickWidget()->rootObject())
        root->setProperty("scene", QVariant::fromValue(m_scene));

    auto* answerBox = new QWidget(split);
    auto* answer = new QVBoxLayout(answerBox);
    answer->setContentsMargins(0, 0, 0, 0);
    m_listing = new QPlainTextEdit(answerBox);
    m_listing->setObjectName(QStringLiteral("practiceListing"));
    m_listing->setReadOnly(true);
    m_listing->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_listing->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_listing->setFocusPolicy(Qt::ClickFocus);
    m_choices = new QListWidget(answerBox);
    m_choices->setObjectName(QStringLiteral("practiceChoices"));
    m_choices->setWordWrap(true);
    m_choices->setTextElideMode(Qt::ElideNone);
    m_choices->setSpacing(3);
    m_order = new QListWidget(answerBox);
    m_order->setObjectName(QStringLiteral("practiceOrder"));
    m_typed = new QLineEdit(answerBox);
    m_typed->setObjectName(QStringLiteral("practiceTyped"));
    m_hint = wrappedLabel(answerBox, QStringLiteral("practiceHint"));
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_confidenceRow = new QWidget(answerBox);
    m_confidenceRow->setObjectName(QStringLiteral("practiceConfidence"));
    auto* conf = new QHBoxLayout(m_confidenceRow);
    conf->setContentsMargins(0, 0, 0, 0);
    m_confidenceLabel = new QLabel(m_confidenceRow);
    m_low = new QRadioButton(m_confidenceRow);
    m_medium = new QRadioButton(m_confidenceRow);
    m_high = new QRadioButton(m_confidenceRow);
    conf->addWidget(m_confidenceLabel);
    for (QRadioButton* b : {m_low, m_medium, m_high}) {
        b->setFocusPolicy(Qt::NoFocus);
        conf->addWidget(b);
    }
    conf->addStretch(1);
    m_feedback = new QLabel(answerBox);
    m_feedback->setObjectName(QStringLiteral("practiceFeedback"));
    m_feedback->setWordWrap(true);
    m_feedback->setTextFormat(Qt::RichText);
    m_feedback->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_feedback->setFrameShape(QFrame::StyledPanel);
    m_feedback->setMargin(8);
    m_feedback->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto* feedbackScroll = new QScrollArea(answerBox);
    feedbackScroll->setObjectName(QStringLiteral("practiceFeedbackScroll"));
    feedbackScroll->setWidget(m_feedback);
    feedbackScroll->setWidgetResizable(true);
    feedbackScroll->setFrameShape(QFrame::NoFrame);
    feedbackScroll->setFocusPolicy(Qt::NoFocus);

    answer->addWidget(m_listing, 2);
    answer->addWidget(m_choices, 2);
    answer->addWidget(m_order, 2);
    answer->addWidget(m_typed);
    answer->addWidget(m_hint);
    answer->addWidget(m_confidenceRow);
    answer->addWidget(feedbackScroll, 3);
    answer->addStretch(1);
    split->addWidget(ladderBox);
    split->addWidget(answerBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    outer->addWidget(split, 1);

    auto* buttons = new QHBoxLayout;
    m_submitButton = new QPushButton(page);
    m_submitButton->setObjectName(QStringLiteral("practiceSubmit"));
    m_showMeButton = new QPushButton(page);
    m_showMeButton->setObjectName(QStringLiteral("practiceShowMe"));
    m_nextButton = new QPushButton(page);
    m_nextButton->setObjectName(QStringLiteral("practiceNext"));
    m_endButton = new QPushButton(page);
    m_endButton->setObjectName(QStringLiteral("practiceEnd"));
    buttons->addWidget(m_endButton);
    buttons->addStretch(1);
    for (QPushButton* b : {m_submitButton, m_showMeButton, m_nextButton, m_endButton}) {
        b->setFocusPolicy(Qt::NoFocus);
        b->setAutoDefault(false);
    }
    buttons->addWidget(m_showMeButton);
    buttons->addWidget(m_submitButton);
    buttons->addWidget(m_nextButton);
    outer->addLayout(buttons);

    for (QWidget* w : {static_cast<QWidget*>(m_choices), static_cast<QWidget*>(m_order),
                       static_cast<QWidget*>(m_typed)})
        w->installEventFilter(this);
    connect(m_submitButton, &QPushButton::clicked, this, &PracticePanel::requestSubmit);
    connect(m_nextButton, &QPushButton::clicked, m_session, &models::PracticeSession::next);
    connect(m_showMeButton, &QPushButton::clicked, this, &PracticePanel::showMe);
    connect(m_endButton, &QPushButton::clicked, this, [this] {
        if (m_session->results().isEmpty()) {
            m_session->stop();
            m_pages->setCurrentIndex(int(Page::Home));
            refreshHome();
        } else {
            onFinished();
        }
    });
    connect(m_low, &QRadioButton::clicked, this,
            [this] { chooseConfidence(core::Confidence::Low); });
    connect(m_medium, &QRadioButton::clicked, this,
            [this] { chooseConfidence(core::Confidence::Medium); });
    connect(m_high, &QRadioButton::clicked, this,
            [this] { chooseConfidence(core::Confidence::High); });
    connect(m_choices, &QListWidget::itemDoubleClicked, this, [this] { requestSubmit(); });
    return page;
}

QWidget* PracticePanel::buildSummary() {
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("practiceSummary"));
    auto* outer = new QVBoxLayout(page);
    m_summaryTitle = new QLabel(page);
    QFont big = m_summaryTitle->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_summaryTitle->setFont(big);
    outer->addWidget(m_summaryTitle);
    m_summary = new QLabel(page);
    m_summary->setObjectName(QStringLiteral("practiceSummaryText"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    QFont summaryFont = m_summary->font();
    summaryFont.setPointSizeF(summaryFont.pointSizeF() * 1.25);
    m_summary->setFont(summaryFont);
    auto* scroll = new QScrollArea(page);
    scroll->setWidget(m_summary);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll, 1);
    auto* buttons = new QHBoxLayout;
    m_retryButton = new QPushButton(page);
    m_retryButton->setObjectName(QStringLiteral("practiceRetry"));
    m_homeButton = new QPushButton(page);
    m_homeButton->setObjectName(QStringLiteral("practiceHome"));
    buttons->addStretch(1);
    buttons->addWidget(m_retryButton);
    buttons->addWidget(m_homeButton);
    outer->addLayout(buttons);
    connect(m_retryButton, &QPushButton::clicked, this, &PracticePanel::startMistakes);
    connect(m_homeButton, &QPushButton::clicked, this, [this] {
        m_pages->setCurrentIndex(int(Page::Home));
        refreshHome();
    });
    return page;
}

PracticePanel::Page PracticePanel::page() const {
    return Page(m_pages->currentIndex());
}

void PracticePanel::setRandomSeed(std::uint64_t seed) {
    m_session->setRandomSeed(seed);
}

bool PracticePanel::playScriptedInterview(int wrongEvery) {
    if (!startInterview())
        return false;
    int n = 0;
    while (const models::PracticeQuestion* q = m_session->current()) {
        ++n;
        QString answer = m_source->expectedAnswer(q->id, q->seed);
        if (wrongEvery > 0 && n % wrongEvery == 0 && !q->choices.isEmpty()) {
            const QStringList right = answer.split(u',');
            for (const auto& c : q->choices) {
                if (!right.contains(c.id)) {
                    answer = c.id;
                    break;
                }
            }
        }
        answerNow(answer, n % 4 == 0 ? core::Confidence::High : core::Confidence::Medium);
        if (!waitForIdle() || m_session->state() != models::PracticeSession::State::Answered)
            return false;
        m_session->next();
    }
    return page() == Page::Summary;
}

bool PracticePanel::startTopics(const QStringList& topics) {
    if (m_session->start(models::PracticeSession::Mode::Topics, topics) > 0)
        return true;
    m_homeMessage->setText(tr("There is no question on these topics yet."));
    return false;
}

bool PracticePanel::startDue() {
    if (m_session->start(models::PracticeSession::Mode::Due) > 0)
        return true;
    m_pages->setCurrentIndex(int(Page::Home));
    m_homeMessage->setText(tr("No review is due. Come back tomorrow, or practise a topic."));
    return false;
}

bool PracticePanel::startMistakes() {
    if (m_session->start(models::PracticeSession::Mode::Mistakes) > 0)
        return true;
    m_pages->setCurrentIndex(int(Page::Home));
    m_homeMessage->setText(tr("No mistakes to retry: every question you answered is right now."));
    return false;
}

bool PracticePanel::startInterview() {
    if (m_session->start(models::PracticeSession::Mode::Interview) > 0)
        return true;
    m_homeMessage->setText(tr("The question bank is empty."));
    return false;
}

bool PracticePanel::startQuestion(const QString& id, std::uint64_t seed) {
    QString error;
    if (!m_source->show(id, seed, chinese(), &error)) {
        m_homeMessage->setText(error);
        return false;
    }
    return m_session->startQuestions({id}, seed) == 1;
}

void PracticePanel::onQuestionChanged() {
    const models::PracticeQuestion* q = m_session->current();
    if (!q)
        return;
    m_pages->setCurrentIndex(int(Page::Question));
    m_homeMessage->clear();
    m_title->setText(q->title);
    m_text->setText(q->text);
    const QString kind = q->kind;
    const bool choices = !q->choices.isEmpty();
    const bool order = kind == QLatin1String("order");
    m_choices->clear();
    for (int i = 0; i < q->choices.size(); ++i) {
        const auto& c = q->choices[i];
        auto* item =
            new QListWidgetItem(QStringLiteral("%1  %2").arg(i + 1).arg(c.text), m_choices);
        item->setData(kChoiceIdRole, c.id);
        if (kind == QLatin1String("multi_choice")) {
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
    }
    m_order->clear();
    for (const auto& item : q->items) {
        auto* row = new QListWidgetItem(item.label, m_order);
        row->setData(kChoiceIdRole, item.id);
    }
    m_typed->clear();
    m_listing->setPlainText(q->listing);
    m_listing->setVisible(!q->listing.isEmpty());
    m_choices->setVisible(choices && !order);
    m_order->setVisible(order);
    m_typed->setVisible(!choices && !order);
    m_feedback->clear();
    m_feedback->parentWidget()->parentWidget()->setVisible(false);  // the feedback's scroll area
    askConfidence(false);
    showQuestionLadder();
    updateHints();
    updateClock();
    m_clockTimer->start();
    if (QWidget* w = answerWidget()) {
        w->setFocus(Qt::OtherFocusReason);
        if (w == m_choices && m_choices->count() > 0)
            m_choices->setCurrentRow(0);
        if (w == m_order && m_order->count() > 0)
            m_order->setCurrentRow(0);
    }
}

QWidget* PracticePanel::answerWidget() const {
    if (m_order->isVisibleTo(m_pages->widget(int(Page::Question))))
        return m_order;
    if (m_choices->isVisibleTo(m_pages->widget(int(Page::Question))))
        return m_choices;
    return m_typed;
}

void PracticePanel::showQuestionLadder() {
    const models::PracticeQuestion* q = m_session->current();
    m_revealUntilUs.reset();
    m_player->pause();
    const bool predict = q && q->kind == QLatin1String("predict_next") && q->revealAtUs;
    const bool ladder = q && q->run.showsOnLadder() && predict;
    m_ladder->parentWidget()->setVisible(ladder);
    if (!ladder)
        return;
    const models::PracticeRun& run = q->run;
    const bool loaded = run.scenarioJson.isEmpty()
                            ? m_run->loadBuiltin(run.scenario)
                            : m_run->loadScenarioJson(run.scenarioJson, run.scenario);
    if (!loaded)
        return;
    if (!run.kernel.isEmpty()) {
        if (const auto profile = core::parseProfile(run.kernel.toStdString()))
            m_run->setProfile(*profile);
    }
    for (const QString& set : run.sets) {
        try {
            const core::OptionOverride o = core::parseOverride(set.toStdString());
            m_run->setOption(QString::fromStdString(o.host), QString::fromStdString(o.name),
                             QString::fromStdString(o.value));
        } catch (const std::exception&) {
            // The core checked the question's run when it computed the key; nothing to add.
        }
    }
    if (run.seed)
        m_run->setSeed(*run.seed);
    m_run->waitForIdle();
    // Everything before the key event is drawn; the event itself and what follows are not.
    m_player->seekTime(std::max<qint64>(0, *q->revealAtUs - 1));
    m_ladderNote->setText(tr("Paused at %1. What happens next is hidden until you answer.")
                              .arg(models::formatTime(*q->revealAtUs)));
}

void PracticePanel::revealOnLadder() {
    const models::PracticeQuestion* q = m_session->current();
    if (!q || !q->revealAtUs || !m_ladder->parentWidget()->isVisibleTo(this))
        return;
    // Play on through the key event: up to the second event after the pause (the segment that
    // was hidden has been sent and has arrived).
    const auto& events = m_player->events();
    auto it = std::upper_bound(events.begin(), events.end(), *q->revealAtUs - 1);
    if (it == events.end())
        return;
    if (std::next(it) != events.end())
        ++it;
    m_revealUntilUs = *it;
    m_player->setSpeed(2.0);
    m_player->play();
    m_ladderNote->setText(tr("Playing on from %1: the answer on the ladder.")
                              .arg(models::formatTime(*q->revealAtUs)));
}

bool PracticePanel::ladderShown() const {
    return m_pages->currentIndex() == int(Page::Question) &&
           m_ladder->parentWidget()->isVisibleTo(m_pages->widget(int(Page::Question)));
}

bool PracticePanel::futureHidden() const {
    const models::PracticeQuestion* q = m_session->current();
    return ladderShown() && q && q->revealAtUs && m_player->timeUs() < *q->revealAtUs;
}

QString PracticePanel::currentAnswer() const {
    const models::PracticeQuestion* q = m_session->current();
    if (!q)
        return {};
    if (q->kind == QLatin1String("order")) {
        QStringList ids;
        for (int i = 0; i < m_order->count(); ++i)
            ids << m_order->item(i)->data(kChoiceIdRole).toString();
        return ids.join(u',');
    }
    if (!q->choices.isEmpty()) {
        QStringList ids;
        if (q->kind == QLatin1String("multi_choice")) {
            for (int i = 0; i < m_choices->count(); ++i) {
                if (m_choices->item(i)->checkState() == Qt::Checked)
                    ids << m_choices->item(i)->data(kChoiceIdRole).toString();
            }
        } else if (QListWidgetItem* item = m_choices->currentItem()) {
            ids << item->data(kChoiceIdRole).toString();
        }
        return ids.join(u',');
    }
    return m_typed->text().trimmed();
}

void PracticePanel::requestSubmit() {
    if (m_session->state() != models::PracticeSession::State::Asking)
        return;
    if (currentAnswer().isEmpty()) {
        m_hint->setText(tr("Answer first: %1").arg(m_hint->text()));
        return;
    }
    askConfidence(true);
}

void PracticePanel::askConfidence(bool ask) {
    m_asking = ask;
    m_confidenceRow->setVisible(ask);
    for (QRadioButton* b : {m_low, m_medium, m_high}) {
        b->setAutoExclusive(false);
        b->setChecked(false);
        b->setAutoExclusive(true);
    }
    updateHints();
}

void PracticePanel::chooseConfidence(core::Confidence confidence) {
    if (!m_asking)
        return;
    m_asking = false;
    (confidence == core::Confidence::Low      ? m_low
     : confidence == core::Confidence::Medium ? m_medium
                                              : m_high)
        ->setChecked(true);
    m_session->submit(currentAnswer(), confidence);
}

void PracticePanel::answerNow(const QString& answer, core::Confidence confidence) {
    const models::PracticeQuestion* q = m_session->current();
    if (!q)
        return;
    const QStringList ids = answer.split(u',', Qt::SkipEmptyParts);
    if (q->kind == QLatin1String("order")) {
        for (int target = 0; target < ids.size(); ++target) {
            for (int i = 0; i < m_order->count(); ++i) {
                if (m_order->item(i)->data(kChoiceIdRole).toString() == ids[target].trimmed())
                    m_order->insertItem(target, m_order->takeItem(i));
            }
        }
    } else if (!q->choices.isEmpty()) {
        for (int i = 0; i < m_choices->count(); ++i) {
            QListWidgetItem* item = m_choices->item(i);
            const bool chosen = ids.contains(item->data(kChoiceIdRole).toString());
            if (q->kind == QLatin1String("multi_choice"))
                item->setCheckState(chosen ? Qt::Checked : Qt::Unchecked);
            else if (chosen)
                m_choices->setCurrentItem(item);
        }
    } else {
        m_typed->setText(answer);
    }
    requestSubmit();
    chooseConfidence(confidence);
}

void PracticePanel::onGraded() {
    const models::PracticeFeedback& f = m_session->feedback();
    const models::PracticeQuestion* q = m_session->current();
    QString html;
    const QString verdictColor = f.correct ? QStringLiteral("#1b7f3b") : QStringLiteral("#b3261e");
    html += QStringLiteral("<p style='font-size:large'><b style='color:%1'>%2</b></p>")
                .arg(verdictColor, f.correct ? tr("Right.") : tr("Not right."));
    if (!f.correct && !f.expected.isEmpty())
        html += QStringLiteral("<p>%1</p>")
                    .arg(tr("The answer: <b>%1</b>").arg(f.expected.toHtmlEscaped()));
    if (!f.correct && m_session->lastConfidence() == core::Confidence::High)
        html += QStringLiteral("<p><b>%1</b></p>")
                    .arg(tr("⚠ You were sure of this one: worth a second look, it is marked in "
                            "your mistakes."));
    if (!f.feedback.isEmpty())
        html += QStringLiteral("<p>%1</p>")
                    .arg(f.feedback.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>")));
    if (!f.explanation.isEmpty())
        html +=
            QStringLiteral("<p><b>%1</b> %2</p>").arg(tr("Why:"), f.explanation.toHtmlEscaped());
    m_feedback->setText(html);
    m_feedback->parentWidget()->parentWidget()->setVisible(true);
    m_confidenceRow->setVisible(false);
    revealOnLadder();
    m_showMeButton->setEnabled(q && q->run.showsOnLadder());
    updateHints();
}

void PracticePanel::onFinished() {
    m_clockTimer->stop();
    m_player->pause();
    const models::PracticeSummary s = m_session->summary();
    const bool interview = m_session->mode() == models::PracticeSession::Mode::Interview;
    m_summaryTitle->setText(interview
                                ? tr("Mock interview: %1 of %2 right").arg(s.correct).arg(s.asked)
                                : tr("Practice: %1 of %2 right").arg(s.correct).arg(s.asked));
    QString html;
    html += QStringLiteral("<p>%1</p>")
                .arg(tr("Time: %1 (%2 per question)")
                         .arg(minutesSeconds(s.elapsedMs),
                              minutesSeconds(s.asked > 0 ? s.elapsedMs / s.asked : 0)));
    if (s.confidentWrong > 0)
        html +=
            QStringLiteral("<p>%1</p>")
                .arg(tr("⚠ %n answer(s) you were sure of were wrong.", nullptr, s.confidentWrong));
    html += QStringLiteral("<h3>%1</h3><table cellpadding='4'>").arg(tr("Per topic"));
    for (const auto& t : s.topics)
        html += QStringLiteral("<tr><td>%1</td><td align='right'>%2</td></tr>")
                    .arg(m_source->topicName(t.topic).toHtmlEscaped(),
                         tr("%1 of %2").arg(t.correct).arg(t.asked));
    html += QStringLiteral("</table>");
    if (!s.toRetry.isEmpty()) {
        html += QStringLiteral("<h3>%1</h3><ul>").arg(tr("To retry"));
        for (const auto& r : s.toRetry)
            html += QStringLiteral("<li>%1%2</li>")
                        .arg(r.confidentWrong ? QStringLiteral("⚠ ") : QString(),
                             //: A question to retry and its topic.
                             tr("%1 (%2)").arg(r.title.toHtmlEscaped(),
                                               m_source->topicName(r.topic).toHtmlEscaped()));
        html += QStringLiteral("</ul>");
    } else if (s.asked > 0) {
        html += QStringLiteral("<p>%1</p>").arg(tr("Nothing to retry."));
    }
    m_summary->setText(html);
    m_retryButton->setEnabled(!s.toRetry.isEmpty());
    m_session->stop();
    m_pages->setCurrentIndex(int(Page::Summary));
    m_homeButton->setFocus();
    refreshHome();
}

void PracticePanel::showMe() {
    const models::PracticeQuestion* q = m_session->current();
    if (!q || !q->run.showsOnLadder())
        return;
    emit showMeRequested(q->run, q->revealAtUs.value_or(0));
}

void PracticePanel::pickChoice(int row) {
    if (row < 0 || row >= m_choices->count())
        return;
    QListWidgetItem* item = m_choices->item(row);
    m_choices->setCurrentItem(item);
    if (item->flags() & Qt::ItemIsUserCheckable)
        item->setCheckState(item->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
}

void PracticePanel::moveOrderItem(int delta) {
    const int row = m_order->currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_order->count())
        return;
    QListWidgetItem* item = m_order->takeItem(row);
    m_order->insertItem(to, item);
    m_order->setCurrentRow(to);
}

bool PracticePanel::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto* key = static_cast<QKeyEvent*>(event);
    const auto state = m_session->state();
    const int k = key->key();
    const bool enter = k == Qt::Key_Return || k == Qt::Key_Enter;
    if (state == models::PracticeSession::State::Answered) {
        if (enter || k == Qt::Key_N) {
            m_session->next();
            return true;
        }
        if (k == Qt::Key_S) {
            showMe();
            return true;
        }
    }
    if (state != models::PracticeSession::State::Asking) {
        if (k == Qt::Key_Escape) {
            m_endButton->click();
            return true;
        }
        return state == models::PracticeSession::State::Grading;  // no edits while grading
    }
    if (m_asking) {
        // How sure: 1/2/3 or L/M/H; Esc goes back to the answer.
        if (k == Qt::Key_1 || k == Qt::Key_L)
            chooseConfidence(core::Confidence::Low);
        else if (k == Qt::Key_2 || k == Qt::Key_M)
            chooseConfidence(core::Confidence::Medium);
        else if (k == Qt::Key_3 || k == Qt::Key_H)
            chooseConfidence(core::Confidence::High);
        else if (k == Qt::Key_Escape)
            askConfidence(false);
        return true;
    }
    if (enter) {
        requestSubmit();
        return true;
    }
    if (k == Qt::Key_Escape) {
        m_endButton->click();
        return true;
    }
    if (watched == m_choices && key->modifiers() == Qt::NoModifier) {
        if (k >= Qt::Key_1 && k <= Qt::Key_9) {
            pickChoice(k - Qt::Key_1);
            return true;
        }
        if (k >= Qt::Key_A && k <= Qt::Key_I) {
            pickChoice(k - Qt::Key_A);
            return true;
        }
        if (k == Qt::Key_Space && m_choices->currentItem()) {
            pickChoice(m_choices->currentRow());
            return true;
        }
    }
    if (watched == m_order && (key->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) {
        if (k == Qt::Key_Up) {
            moveOrderItem(-1);
            return true;
        }
        if (k == Qt::Key_Down) {
            moveOrderItem(1);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void PracticePanel::keyPressEvent(QKeyEvent* event) {
    // Keys that reach the panel itself (no answer widget has the focus, e.g. after a reveal).
    if (page() == Page::Question) {
        if (eventFilter(answerWidget(), event))
            return;
    } else if (page() == Page::Summary &&
               (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter ||
                event->key() == Qt::Key_Escape)) {
        m_homeButton->click();
        return;
    }
    QWidget::keyPressEvent(event);
}

bool PracticePanel::confidenceAsked() const {
    return m_asking;
}

bool PracticePanel::revealed() const {
    return m_session->state() == models::PracticeSession::State::Answered;
}

QString PracticePanel::feedbackText() const {
    QTextDocument doc;
    doc.setHtml(m_feedback->text());
    return doc.toPlainText();
}

QString PracticePanel::summaryText() const {
    QTextDocument doc;
    doc.setHtml(m_summaryTitle->text() + QStringLiteral("<br>") + m_summary->text());
    return doc.toPlainText();
}

bool PracticePanel::waitForIdle(int msecs) {
    QDeadlineTimer deadline(msecs);
    const bool graded = m_session->waitForGrading(msecs);
    while ((m_revealUntilUs || m_run->isBusy()) && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    QCoreApplication::processEvents();
    return graded && !m_revealUntilUs;
}

void PracticePanel::updateClock() {
    if (page() != Page::Question)
        return;
    m_clock->setText(tr("Time %1").arg(minutesSeconds(m_session->elapsedMs())));
}

void PracticePanel::updateHints() {
    const models::PracticeQuestion* q = m_session->current();
    const auto state = m_session->state();
    const bool asking = state == models::PracticeSession::State::Asking;
    const bool answered = state == models::PracticeSession::State::Answered;
    m_submitButton->setVisible(!answered);
    m_submitButton->setEnabled(asking && !m_asking);
    m_nextButton->setVisible(answered);
    m_showMeButton->setVisible(answered);
    for (QWidget* w : {static_cast<QWidget*>(m_choices), static_cast<QWidget*>(m_order),
                       static_cast<QWidget*>(m_typed)})
        w->setEnabled(asking && !m_asking);
    if (!q) {
        m_hint->clear();
        return;
    }
    QString mode;
    switch (m_session->mode()) {
        case models::PracticeSession::Mode::Topics:
            mode = tr("Practice");
            break;
        case models::PracticeSession::Mode::Due:
            mode = tr("Review");
            break;
        case models::PracticeSession::Mode::Mistakes:
            mode = tr("Retry mistakes");
            break;
        case models::PracticeSession::Mode::Interview:
            mode = tr("Mock interview");
            break;
    }
    m_position->setText(tr("%1 · question %2 of %3 · %4")
                            .arg(mode)
                            .arg(m_session->position())
                            .arg(m_session->total())
                            .arg(m_source->topicName(q->topic)));
    if (state == models::PracticeSession::State::Grading) {
        m_hint->setText(tr("Grading: running the scenario…"));
        return;
    }
    if (answered) {
        m_hint->setText(q->run.showsOnLadder()
                            ? tr("Enter: next question · S: show me on the ladder · Esc: end")
                            : tr("Enter: next question · Esc: end"));
        return;
    }
    if (m_asking) {
        m_hint->setText(tr("How sure are you? 1 low · 2 medium · 3 high (Esc: change the answer)"));
        return;
    }
    const QString kind = q->kind;
    if (kind == QLatin1String("multi_choice"))
        m_hint->setText(
            tr("1–9 or a–i tick a choice (as many as are right), ↑/↓ and Space work "
               "too; Enter answers"));
    else if (!q->choices.isEmpty())
        m_hint->setText(tr("1–9 or a–i pick a choice, ↑/↓ move; Enter answers"));
    else if (kind == QLatin1String("order"))
        m_hint->setText(tr("↑/↓ select, Ctrl+↑/↓ move the segment up or down; Enter answers"));
    else if (kind == QLatin1String("fix_config"))
        m_hint->setText(tr("Type NAME=VALUE settings separated by spaces. You may change: %1. "
                           "Enter answers")
                            .arg(q->knobs.join(QStringLiteral(", "))));
    else if (kind == QLatin1String("predict_next") && q->ask == QLatin1String("flags"))
        m_hint->setText(tr("Type the next segment's flags, e.g. FIN,ACK; Enter answers"));
    else if (kind == QLatin1String("predict_next") && q->ask == QLatin1String("state"))
        m_hint->setText(tr("Type the state name, e.g. TIME_WAIT; Enter answers"));
    else if (kind == QLatin1String("predict_next"))
        m_hint->setText(tr("Type the timer, e.g. retransmission; Enter answers"));
    else if (!q->unit.isEmpty())
        m_hint->setText(tr("Type a value (unit: %1); Enter answers").arg(q->unit));
    else
        m_hint->setText(tr("Type the answer; Enter answers"));
}

void PracticePanel::refreshHome() {
    const bool open = m_store && m_store->isOpen();
    const int due = open ? int(m_store->dueReviews().size()) : 0;
    const int mistakes = open ? int(m_store->mistakes().size()) : 0;
    const int answers = open ? m_store->attemptCount() : 0;
    m_dueButton->setText(tr("Due for review (%1)").arg(due));
    m_mistakesButton->setText(tr("Retry my mistakes (%1)").arg(mistakes));
    m_dueButton->setEnabled(due > 0);
    m_mistakesButton->setEnabled(mistakes > 0);
    m_exportButton->setEnabled(answers > 0);
    if (!open)
        m_progressLine->setText(m_store
                                    ? tr("Progress is not saved: %1").arg(m_store->errorString())
                                    : tr("Progress is not saved."));
    else
        m_progressLine->setText(
            tr("%n answer(s) so far; %1 due for review today.", nullptr, answers).arg(due));
}

void PracticePanel::refreshProgress() {
    m_topics->refresh();
    m_mistakes->refresh();
    refreshHome();
}

void PracticePanel::exportDialog() {
    QString file = QFileDialog::getSaveFileName(this, tr("Export progress"),
                                                QStringLiteral("closelab-progress.csv"),
                                                tr("CSV files (*.csv)"));
    if (file.isEmpty())
        return;
    if (!file.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        file += QStringLiteral(".csv");
    if (exportCsv(file))
        m_homeMessage->setText(tr("Saved %1").arg(QDir::toNativeSeparators(file)));
    else
        m_homeMessage->setText(m_store->errorString());
}

bool PracticePanel::exportCsv(const QString& file) {
    if (!m_store || !m_store->isOpen())
        return false;
    QHash<QString, QString> titles;
    for (const models::QuestionInfo& q : m_source->questions(chinese()))
        titles.insert(q.id, q.title);
    return m_store->exportCsv(
        file, [&titles](const QString& id) { return titles.value(id); },
        [this](const QString& topic) { return m_source->topicName(topic); });
}

void PracticePanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void PracticePanel::retranslate() {
    const bool zh = chinese();
    m_session->setChinese(zh);
    m_mistakes->setChinese(zh);
    m_topics->retranslate();
    m_mistakes->retranslate();
    m_scene->retranslate();
    m_homeTitle->setText(tr("Practice: questions the simulator grades"));
    m_chooseBox->setTitle(tr("Practise"));
    for (int i = 0; i < m_topicList->count(); ++i) {
        QListWidgetItem* item = m_topicList->item(i);
        item->setText(m_source->topicName(item->data(kChoiceIdRole).toString()));
    }
    m_topicList->setToolTip(tr("Tick topics with Space; none ticked means all"));
    m_topicsButton->setText(tr("Practise the ticked topics"));
    m_interviewButton->setText(
        tr("Mock interview (%1 questions)").arg(models::PracticeSession::kInterviewLength));
    m_interviewButton->setToolTip(
        tr("Weighted towards your weak topics, with the follow-up questions interviewers ask"));
    m_progressBox->setTitle(tr("Progress"));
    m_weakLabel->setText(tr("Topics, weakest first"));
    m_mistakesLabel->setText(tr("Mistakes to retry; ⚠ = you were sure"));
    m_exportButton->setText(tr("Export as CSV…"));
    m_exportButton->setToolTip(tr("Every answer, for a teacher's spreadsheet (Excel, WPS)"));
    m_confidenceLabel->setText(tr("How sure are you?"));
    m_low->setText(tr("1 Low"));
    m_medium->setText(tr("2 Medium"));
    m_high->setText(tr("3 High"));
    m_submitButton->setText(tr("Answer (Enter)"));
    m_showMeButton->setText(tr("Show me on the ladder (S)"));
    m_nextButton->setText(tr("Next (Enter)"));
    m_endButton->setText(tr("End (Esc)"));
    m_retryButton->setText(tr("Retry my mistakes"));
    m_homeButton->setText(tr("Back to Practice"));
    if (const QStringList problems = m_source->problems(); !problems.isEmpty()) {
        // The files by name; `closelab-cli quiz check` prints each problem in full.
        QStringList files;
        for (const QString& p : problems)
            files << p.section(u':', 0, 0);
        m_homeMessage->setText(
            tr("%n question file(s) could not be read and are left out (closelab-cli "
               "quiz check names the problems):",
               nullptr, int(problems.size())) +
            u'\n' + files.join(u'\n'));
    }
    refreshHome();
    updateHints();
    updateClock();
    if (m_session->current()) {
        // The question re-read in the new language (setChinese emitted questionChanged).
        m_title->setText(m_session->current()->title);
    }
}

}  // namespace closelab::widgets
