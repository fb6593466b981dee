// The Practice tab driven by the keyboard alone, offscreen: choices by digit and letter, an
// order question reordered with Ctrl+arrows, a typed answer, confidence, feedback, the summary.
#include <QtQml/qqmlextensionplugin.h>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "fake_question_source.h"
#include "models/core_question_source.h"
#include "models/language_manager.h"
#include "models/player.h"
#include "models/practice_models.h"
#include "models/practice_session.h"
#include "models/progress_store.h"
#include "models/session.h"
#include "warning_guard.h"
#include "widgets/main_window.h"
#include "widgets/practice_panel.h"

Q_IMPORT_QML_PLUGIN(CloselabPlugin)

using namespace closelab;
using core::Confidence;
using widgets::PracticePanel;

namespace {

// The key that picks the right choice (digits for even questions, letters for odd ones).
Qt::Key keyForChoice(const QString& id, bool digit) {
    const int index = id.at(0).unicode() - u'a';
    return Qt::Key((digit ? Qt::Key_1 : Qt::Key_A) + index);
}

}  // namespace

class PracticePanelTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    models::LanguageManager* m_languages = nullptr;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        widgets::test::installWarningGuard();
        m_languages = new models::LanguageManager(this);
        QVERIFY(m_languages->setLanguage(QStringLiteral("en"), false));
    }
    void cleanup() {
        const QStringList warnings = widgets::test::takeWarnings();
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
    }

    void answersChoicesWithTheKeyboardAlone() {
        tests::FakeQuestionSource bank;
        models::ProgressStore store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("keys.sqlite"))));
        PracticePanel panel(&bank, &store, m_languages);
        panel.resize(1024, 768);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(panel.startTopics({QStringLiteral("linger")}));
        QCOMPARE(panel.page(), PracticePanel::Page::Question);

        // 1st: right, picked with a digit, sure.
        QWidget* w = panel.answerWidget();
        QVERIFY(w->hasFocus() || w->isActiveWindow());
        const QString key1 = bank.keyOf(panel.session()->current()->id);
        QTest::keyClick(w, keyForChoice(key1, true));
        QTest::keyClick(w, Qt::Key_Return);
        QVERIFY(panel.confidenceAsked());
        QVERIFY(!panel.revealed());  // confidence comes before the reveal
        QTest::keyClick(w, Qt::Key_3);
        QVERIFY(panel.waitForIdle());
        QVERIFY(panel.revealed());
        QVERIFY2(panel.feedbackText().startsWith(QLatin1String("Right.")),
                 qPrintable(panel.feedbackText()));
        QCOMPARE(store.attemptCount(), 1);
        QVERIFY(store.attempts().last().confidence == Confidence::High);
        QVERIFY(store.attempts().last().correct);

        // 2nd: wrong, picked with a letter after moving with the arrows, sure again.
        QTest::keyClick(panel.answerWidget(), Qt::Key_Return);  // Enter: next question
        QCOMPARE(panel.session()->position(), 2);
        w = panel.answerWidget();
        const QString key2 = bank.keyOf(panel.session()->current()->id);
        const QString wrong =
            key2 == QLatin1String("a") ? QStringLiteral("b") : QStringLiteral("a");
        QTest::keyClick(w, keyForChoice(wrong, false));
        auto* list = qobject_cast<QListWidget*>(w);
        QVERIFY(list);
        QCOMPARE(list->currentRow(), wrong.at(0).unicode() - u'a');
        QTest::keyClick(w, Qt::Key_Down);
        QTest::keyClick(w, Qt::Key_Up);
        QTest::keyClick(w, Qt::Key_Enter);
        QTest::keyClick(w, Qt::Key_H);
        QVERIFY(panel.waitForIdle());
        QVERIFY(panel.feedbackText().startsWith(QLatin1String("Not right.")));
        QVERIFY2(panel.feedbackText().contains(QLatin1String("You were sure")),
                 qPrintable(panel.feedbackText()));
        QCOMPARE(store.attempts().last().answer, wrong);
        QVERIFY(store.attempts().last().confidentWrong());

        // Enter after the last question: the summary.
        QTest::keyClick(panel.answerWidget(), Qt::Key_Return);
        QCOMPARE(panel.page(), PracticePanel::Page::Summary);
        QVERIFY2(panel.summaryText().contains(QLatin1String("1 of 2 right")),
                 qPrintable(panel.summaryText()));
        QVERIFY(panel.summaryText().contains(QLatin1String("To retry")));
        QCOMPARE(panel.mistakesModel()->rowCount(), 1);
        QTest::keyClick(&panel, Qt::Key_Return);
        QCOMPARE(panel.page(), PracticePanel::Page::Home);
    }

    void ordersAndTypesWithTheKeyboard() {
        tests::FakeQuestionSource bank;
        models::ProgressStore store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("order.sqlite"))));
        PracticePanel panel(&bank, &store, m_languages);
        panel.resize(1024, 768);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));

        QVERIFY(panel.startQuestion(QStringLiteral("order-fins"), 4));
        auto* order = qobject_cast<QListWidget*>(panel.answerWidget());
        QVERIFY(order && order->objectName() == QLatin1String("practiceOrder"));
        // a, b, c -> b, a, c: select b and move it up.
        QTest::keyClick(order, Qt::Key_Down);
        QTest::keyClick(order, Qt::Key_Up, Qt::ControlModifier);
        QTest::keyClick(order, Qt::Key_Return);
        // Enter without a confidence does not grade; Esc goes back, Enter asks again.
        QVERIFY(panel.confidenceAsked());
        QTest::keyClick(order, Qt::Key_Escape);
        QVERIFY(!panel.confidenceAsked());
        QTest::keyClick(order, Qt::Key_Return);
        QTest::keyClick(order, Qt::Key_2);
        QVERIFY(panel.waitForIdle());
        QVERIFY2(panel.feedbackText().startsWith(QLatin1String("Right.")),
                 qPrintable(panel.feedbackText()));
        QCOMPARE(store.attempts().last().answer, QStringLiteral("b,a,c"));
        QVERIFY(store.attempts().last().confidence == Confidence::Medium);

        QVERIFY(panel.startQuestion(QStringLiteral("next-flags"), 5));
        auto* typed = qobject_cast<QLineEdit*>(panel.answerWidget());
        QVERIFY(typed);
        QVERIFY(typed->hasFocus());
        QTest::keyClick(typed, Qt::Key_Return);  // nothing typed: nothing happens
        QVERIFY(!panel.confidenceAsked());
        QTest::keyClicks(typed, QStringLiteral("FIN,ACK"));
        QTest::keyClick(typed, Qt::Key_Return);
        QTest::keyClick(typed, Qt::Key_1);
        QVERIFY(panel.waitForIdle());
        QVERIFY(panel.revealed());
        QCOMPARE(store.attempts().last().answer, QStringLiteral("FIN,ACK"));
        QVERIFY(store.attempts().last().confidence == Confidence::Low);
        QCOMPARE(typed->text(), QStringLiteral("FIN,ACK"));  // the '1' chose, it did not type
    }

    void retranslatesOnLanguageChange() {
        tests::FakeQuestionSource bank;
        models::ProgressStore store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("lang.sqlite"))));
        PracticePanel panel(&bank, &store, m_languages);
        panel.show();
        QVERIFY(panel.startQuestion(QStringLiteral("half"), 1));
        QCOMPARE(panel.session()->current()->title, QStringLiteral("Title of half"));
        QVERIFY(m_languages->setLanguage(QStringLiteral("zh_CN"), false));
        QCOMPARE(panel.session()->current()->title, QStringLiteral("题目 half"));
        auto* end = panel.findChild<QWidget*>(QStringLiteral("practiceEnd"));
        QVERIFY(end);
        QVERIFY(m_languages->setLanguage(QStringLiteral("en"), false));
        QCOMPARE(panel.session()->current()->title, QStringLiteral("Title of half"));
    }

    void showMeOpensThePredictNextRunOnTheLadderPausedAtItsMoment() {
        // A predict-next question of the real bank, answered with its computed answer.
        models::CoreQuestionSource bank;
        QString id;
        for (const auto& q : bank.questions(false)) {
            if (q.kind == QLatin1String("predict_next")) {
                id = q.id;
                break;
            }
        }
        if (id.isEmpty())
            QSKIP("the bank has no predict_next question");
        QString error;
        const auto question = bank.show(id, 1, false, &error);
        QVERIFY2(question && question->revealAtUs, qPrintable(error));

        widgets::MainWindow window(m_languages);
        window.setInteractive(false);
        window.resize(1366, 768);
        QVERIFY(window.openProgress(m_dir.filePath(QStringLiteral("window.sqlite"))));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showTab(widgets::MainWindow::Tab::Practice);
        PracticePanel* panel = window.practicePanel();
        QVERIFY(panel->startQuestion(id, 1));
        QVERIFY(panel->ladderShown());
        QVERIFY(panel->futureHidden());  // paused before the key event
        QCOMPARE(panel->player()->timeUs(), *question->revealAtUs - 1);

        QWidget* w = panel->answerWidget();
        const QString answer = bank.expectedAnswer(id, 1);
        if (auto* typed = qobject_cast<QLineEdit*>(w))
            QTest::keyClicks(typed, answer);
        else
            panel->answerNow(answer, Confidence::Medium);
        if (!panel->revealed()) {
            QTest::keyClick(w, Qt::Key_Return);
            QTest::keyClick(w, Qt::Key_2);
        }
        QVERIFY(panel->waitForIdle());
        QVERIFY2(panel->feedbackText().startsWith(QLatin1String("Right.")),
                 qPrintable(panel->feedbackText()));
        QVERIFY(!panel->futureHidden());  // played on through the key event
        QCOMPARE(window.progressStore()->attemptCount(), 1);

        QTest::keyClick(panel->answerWidget(), Qt::Key_S);
        QCOMPARE(window.currentTab(), widgets::MainWindow::Tab::Ladder);
        QCOMPARE(window.session()->scenarioId(), question->run.scenario);
        QCOMPARE(window.player()->timeUs(), *question->revealAtUs);
        QVERIFY(!window.player()->isPlaying());
    }
};

QTEST_MAIN(PracticePanelTest)
#include "practice_panel_test.moc"
