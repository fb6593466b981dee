// The Load tab's long runs: a progress bar with the simulated time and Cancel appear, Esc stops
// the run within 100 ms and the previous result stays on screen.
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

#include "models/session.h"
#include "test_window.h"
#include "widgets/load_panel.h"

using namespace closelab;

class LoadCancelTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        m_window = widgets::test::openTestWindow(this, m_languages);
        QVERIFY(m_window);
        QVERIFY(m_window->openScenario(QStringLiteral("normal-close")));
        QVERIFY(m_window->waitForIdle());
    }
    void cleanupTestCase() { delete m_window; }

    void escapeCancelsALongRunAndKeepsThePreviousResult() {
        m_window->showTab(widgets::MainWindow::Tab::Load);
        m_window->runLoad();
        QVERIFY(m_window->waitForIdle(60000));
        const auto previous = m_window->session()->loadResult();
        QVERIFY(previous);
        const QString previousSummary = m_window->loadPanel()
                                            ->findChild<QWidget*>(QStringLiteral("loadSummary"))
                                            ->property("plainText")
                                            .toString();
        auto* panel = m_window->loadPanel();
        panel->findChild<QDoubleSpinBox*>(QStringLiteral("loadRate"))->setValue(1'000'000);
        panel->findChild<QSpinBox*>(QStringLiteral("loadDuration"))->setValue(40);
        auto* bar = panel->findChild<QProgressBar*>(QStringLiteral("loadProgress"));
        auto* cancel = panel->findChild<QPushButton*>(QStringLiteral("loadCancel"));
        QVERIFY(bar && cancel);
        QVERIFY(!bar->isVisible());
        QSignalSpy cancelled(m_window->session(), &models::Session::loadCancelled);
        m_window->runLoad();
        // Shown once the run has taken half a second, with the simulated time.
        QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible() && bar->value() > 0, 20000);
        QVERIFY(cancel->isVisible());
        const QString status = panel->findChild<QLabel*>(QStringLiteral("loadStatus"))->text();
        QVERIFY2(status.contains(QStringLiteral("of 40.0 s simulated")), qPrintable(status));
        QElapsedTimer timer;
        timer.start();
        QTest::keyClick(m_window, Qt::Key_Escape);
        QVERIFY(cancelled.count() == 1 || cancelled.wait(2000));  // returns as it arrives
        const qint64 ms = timer.elapsed();
        QVERIFY(!m_window->session()->isLoadBusy());
        QVERIFY2(ms < 100, qPrintable(QStringLiteral("cancel took %1 ms").arg(ms)));
        QCOMPARE(cancelled.count(), 1);
        QCOMPARE(m_window->session()->loadResult(), previous);
        QCOMPARE(panel->findChild<QWidget*>(QStringLiteral("loadSummary"))
                     ->property("plainText")
                     .toString(),
                 previousSummary);
        QVERIFY(!bar->isVisible());
        QVERIFY(panel->findChild<QLabel*>(QStringLiteral("loadStatus"))
                    ->text()
                    .contains(QStringLiteral("Cancelled")));
    }

private:
    models::LanguageManager* m_languages = nullptr;
    widgets::MainWindow* m_window = nullptr;
};

QTEST_MAIN(LoadCancelTest)
#include "load_cancel_test.moc"
