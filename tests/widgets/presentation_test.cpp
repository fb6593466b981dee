// Presentation mode as a teacher uses it, offscreen: beat stepping and its pace, the clicker keys
// whatever has the focus, blanking and jumping, the caption, the type sizes at 1024x768 (the
// pixel-size test), zoom and themes, the presenter view, and the handout PDF read back.
#include <QDir>
#include <QFile>
#include <QFontInfo>
#include <QLabel>
#include <QListWidget>
#include <QProcess>
#include <QQuickItem>
#include <QQuickWidget>
#include <QRegularExpression>
#include <QScreen>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <cmath>

#include "core/tcp_state.h"
#include "models/beat_stepper.h"
#include "models/ladder_item_model.h"
#include "models/ladder_palette.h"
#include "models/ladder_scene.h"
#include "models/language_manager.h"
#include "models/player.h"
#include "models/session.h"
#include "test_window.h"
#include "widgets/handout_writer.h"
#include "widgets/ladder_view.h"
#include "widgets/lecture_tools.h"
#include "widgets/main_window.h"
#include "widgets/presentation_window.h"
#include "widgets/presenter_view.h"

using namespace closelab;
using closelab::models::BeatStepper;
using closelab::widgets::MainWindow;
using closelab::widgets::PresentationWindow;

namespace {

// lost-final-ack with five beats: connect (10 ms), close (40 ms), the lost ACK (41 ms), the
// retransmitted FIN (242 ms), the server closed (242.5 ms).
const QString kBeatsScenario = QStringLiteral(CLOSELAB_TEST_DATA_DIR "/lost-final-ack-beats.json");
const std::vector<qint64> kBeatTimes{10000, 40000, 41000, 242000, 242500};
// The same scenario without beats.
const QString kNoBeatsScenario =
    QStringLiteral(CLOSELAB_TEST_DATA_DIR "/lost-final-ack-no-beats.json");

// One text the presentation draws, with its size in pixels on the screen and where it is: a
// widget's object name, or the QML component it belongs to ("LadderBand": a state name).
struct DrawnText {
    QString text;
    double pixels = 0;
    QString where;
};

// The QML component (file) an item belongs to: "LadderBand" for LadderBand_QMLTYPE_3.
QString componentOf(QQuickItem* item) {
    for (QQuickItem* p = item; p; p = p->parentItem()) {
        const QString name = QString::fromLatin1(p->metaObject()->className());
        if (name.startsWith(QLatin1String("Ladder")) && name.contains(QLatin1String("_QML")))
            return name.section(u'_', 0, 0);
    }
    return QStringLiteral("Ladder");
}

// Every visible QML Text of the ladder, its font's pixel size times every scale above it.
QList<DrawnText> quickTexts(QQuickItem* root) {
    QList<DrawnText> out;
    QList<QQuickItem*> stack{root};
    while (!stack.isEmpty()) {
        QQuickItem* item = stack.takeLast();
        if (!item->isVisible() || item->opacity() <= 0)
            continue;
        stack.append(item->childItems());
        if (qstrcmp(item->metaObject()->className(), "QQuickText") != 0)
            continue;
        const QString text = item->property("text").toString();
        if (text.trimmed().isEmpty())
            continue;
        const QFont font = item->property("font").value<QFont>();
        double scale = 1;
        for (QQuickItem* p = item; p; p = p->parentItem())
            scale *= p->scale();
        const double px = font.pixelSize() > 0 ? font.pixelSize() : QFontInfo(font).pixelSize();
        out.append({text, px * scale, componentOf(item)});
    }
    return out;
}

QList<DrawnText> widgetTexts(QWidget* window) {
    QList<DrawnText> out;
    for (QLabel* label : window->findChildren<QLabel*>()) {
        if (label->isVisible() && !label->text().trimmed().isEmpty())
            out.append(
                {label->text(), double(QFontInfo(label->font()).pixelSize()), label->objectName()});
    }
    return out;
}

int pdfPageCount(const QByteArray& pdf) {
    // Page objects ("/Type /Page"), not the page tree ("/Type /Pages").
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?![a-zA-Z])"));
    int n = 0;
    for (auto it = page.globalMatch(QString::fromLatin1(pdf)); it.hasNext(); it.next())
        ++n;
    return n;
}

}  // namespace

class PresentationTest : public QObject {
    Q_OBJECT

private:
    MainWindow* m_window = nullptr;
    models::LanguageManager* m_languages = nullptr;

    PresentationWindow* presentation() { return m_window->lectureTools()->presentation(); }
    BeatStepper* stepper() { return presentation()->stepper(); }
    // The presentation at 1024x768, shown, on the beats scenario, at the start.
    PresentationWindow* shownPresentation(const QSize& size = QSize(1024, 768)) {
        PresentationWindow* p = presentation();
        p->resize(size);
        p->show();
        if (!QTest::qWaitForWindowExposed(p))
            return nullptr;
        p->stepper()->finishAnimation();
        p->stepper()->first();
        p->stepper()->previous();
        return p;
    }
    void setLanguage(const QString& code) {
        QVERIFY(m_languages->setLanguage(code, false));
        QCoreApplication::processEvents();
    }
    // Lets the ladder's label pass (Qt.callLater) and the layouts run.
    static void settle() {
        for (int i = 0; i < 4; ++i) {
            QCoreApplication::processEvents();
            QTest::qWait(20);
        }
    }

private slots:
    void initTestCase() {
        m_window = widgets::test::openTestWindow(this, m_languages);
        QVERIFY(m_window);
    }
    void cleanupTestCase() { delete m_window; }
    void init() {
        setLanguage(QStringLiteral("en"));
        QVERIFY2(m_window->openScenario(kBeatsScenario), qPrintable(m_window->lastError()));
        QVERIFY(m_window->waitForIdle());
        QVERIFY(shownPresentation());
    }
    void cleanup() {
        presentation()->setBlanked(false);
        presentation()->hide();
    }

    void stopsAreTheScenariosBeats() {
        QCOMPARE(int(presentation()->beats().size()), 5);
        QCOMPARE(stepper()->stops(), kBeatTimes);
        QCOMPARE(stepper()->current(), -1);
    }

    void nextAnimatesAndLandsExactlyOnTheBeat() {
        models::Player* player = m_window->player();
        stepper()->next();
        QVERIFY(stepper()->isAnimating());
        QCOMPARE(stepper()->target(), 0);
        stepper()->advance(1.0);
        QVERIFY(stepper()->isAnimating());
        QVERIFY(player->timeUs() > 0 && player->timeUs() < kBeatTimes[0]);
        stepper()->advance(2.0);
        QVERIFY(!stepper()->isAnimating());
        QCOMPARE(stepper()->current(), 0);
        QCOMPARE(player->timeUs(), kBeatTimes[0]);
        QVERIFY(stepper()->atStop());
    }

    // 1 ms between beats 2 and 3, 201 ms between 3 and 4 (and 1.5 s of compressed display
    // against a few tenths): each takes the same few seconds of wall time.
    void everyStepTakesTheSameWallTimeWhateverTheSimulatedGap() {
        stepper()->jumpTo(1);
        const double ms = BeatStepper::kBeatAnimationMs;
        for (const int from : {1, 2}) {
            stepper()->jumpTo(from);
            stepper()->next();
            stepper()->advance(ms / 1000.0 - 0.2);
            QVERIFY2(stepper()->isAnimating(), qPrintable(QString::number(from)));
            QCOMPARE(stepper()->current(), from);
            stepper()->advance(0.3);
            QVERIFY(!stepper()->isAnimating());
            QCOMPARE(stepper()->current(), from + 1);
            QCOMPARE(m_window->player()->timeUs(), kBeatTimes[std::size_t(from + 1)]);
        }
        QVERIFY(ms >= 2000 && ms <= 3000);
    }

    void nextDuringAnAnimationLandsAtOnce() {
        stepper()->jumpTo(2);
        stepper()->next();
        stepper()->advance(0.5);
        QVERIFY(stepper()->isAnimating());
        stepper()->next();
        QVERIFY(!stepper()->isAnimating());
        QCOMPARE(stepper()->current(), 3);
        QCOMPARE(m_window->player()->timeUs(), kBeatTimes[3]);
    }

    void previousHomeEndAndJumpsAreImmediate() {
        stepper()->last();
        QCOMPARE(stepper()->current(), 4);
        QCOMPARE(m_window->player()->timeUs(), kBeatTimes[4]);
        stepper()->previous();
        QVERIFY(!stepper()->isAnimating());
        QCOMPARE(stepper()->current(), 3);
        stepper()->first();
        QCOMPARE(stepper()->current(), 0);
        stepper()->previous();
        QCOMPARE(stepper()->current(), -1);
        QVERIFY(m_window->player()->atStart());
        stepper()->jumpTo(2);
        QCOMPARE(m_window->player()->timeUs(), kBeatTimes[2]);
        stepper()->jumpTo(99);  // no such beat: nothing moves
        QCOMPARE(stepper()->current(), 2);
    }

    void scrubbingMovesTheCurrentBeat() {
        m_window->player()->seekTime(100000);
        QCOMPARE(stepper()->current(), 2);
        QVERIFY(!stepper()->atStop());
        stepper()->previous();  // back to the beat just passed
        QCOMPARE(m_window->player()->timeUs(), kBeatTimes[2]);
    }

    void scenarioWithoutBeatsStepsEventByEvent() {
        QVERIFY(m_window->openScenario(kNoBeatsScenario));
        QVERIFY(m_window->waitForIdle());
        QVERIFY(presentation()->beats().empty());
        const auto& events = m_window->player()->events();
        QCOMPARE(stepper()->count(), int(events.size()));
        QCOMPARE(stepper()->animationMs(), BeatStepper::kEventAnimationMs);
        stepper()->jumpTo(0);
        stepper()->next();
        stepper()->finishAnimation();
        QCOMPARE(m_window->player()->timeUs(), qint64(events[1]));
        QVERIFY(presentation()->captionText().size() > 0);
    }

    void clickerKeysWorkWhateverHasFocus() {
        widgets::PresenterView* view = m_window->lectureTools()->presenterView();
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view));
        QListWidget* list = view->beatList();
        list->setFocus();
        QCOMPARE(list->count(), 5);
        // A clicker sends PageDown/PageUp; the list would take them (and the arrows) itself.
        QTest::keyClick(list, Qt::Key_PageDown);
        QCOMPARE(stepper()->target(), 0);
        QTest::keyClick(list, Qt::Key_PageDown);  // during the animation: lands at once
        QCOMPARE(stepper()->current(), 0);
        QVERIFY(!stepper()->isAnimating());
        for (const Qt::Key next : {Qt::Key_Right, Qt::Key_Space, Qt::Key_Return}) {
            const int before = stepper()->current();
            QTest::keyClick(list, next);
            stepper()->finishAnimation();
            QCOMPARE(stepper()->current(), before + 1);
        }
        QTest::keyClick(presentation(), Qt::Key_PageUp);
        QCOMPARE(stepper()->current(), 2);
        QTest::keyClick(presentation(), Qt::Key_Left);
        QCOMPARE(stepper()->current(), 1);
        QTest::keyClick(presentation(), Qt::Key_End);
        QCOMPARE(stepper()->current(), 4);
        QTest::keyClick(presentation(), Qt::Key_Home);
        QCOMPARE(stepper()->current(), 0);
        view->hide();
    }

    void blankScreenAndBeatNumberJump() {
        QTest::keyClick(presentation(), Qt::Key_B);
        QVERIFY(presentation()->isBlanked());
        QWidget* blank = presentation()->findChild<QWidget*>(QStringLiteral("presentationBlank"));
        QVERIFY(blank && blank->isVisible());
        QCOMPARE(blank->size(), presentation()->size());
        // Any key returns, and does nothing else.
        QTest::keyClick(presentation(), Qt::Key_PageDown);
        QVERIFY(!presentation()->isBlanked());
        QVERIFY(!stepper()->isAnimating());
        QCOMPARE(stepper()->current(), -1);
        QTest::keyClick(presentation(), Qt::Key_4);
        QVERIFY(presentation()
                    ->findChild<QLabel*>(QStringLiteral("presentationFooter"))
                    ->text()
                    .contains(QStringLiteral("4")));
        QTest::keyClick(presentation(), Qt::Key_Enter);
        QCOMPARE(stepper()->current(), 3);
        QCOMPARE(m_window->player()->timeUs(), kBeatTimes[3]);
        // Esc with digits typed forgets them; Esc alone leaves.
        QTest::keyClick(presentation(), Qt::Key_2);
        QTest::keyClick(presentation(), Qt::Key_Escape);
        QVERIFY(presentation()->isVisible());
        QTest::keyClick(presentation(), Qt::Key_Escape);
        QVERIFY(!presentation()->isVisible());
    }

    void captionIsTheBeatsAtABeatAndTheNoteBetween() {
        stepper()->jumpTo(2);
        QCOMPARE(presentation()->captionText(),
                 QStringLiteral("The client's last ACK is lost on the way: the server never "
                                "hears it."));
        stepper()->next();
        stepper()->advance(1.0);
        QVERIFY(stepper()->isAnimating());
        QCOMPARE(presentation()->captionText(), presentation()->scene()->noteText());
        QVERIFY(!presentation()->captionText().isEmpty());
        stepper()->finishAnimation();
        setLanguage(QStringLiteral("zh_CN"));
        QCOMPARE(presentation()->captionText(),
                 QStringLiteral("仍处于 LAST_ACK 的服务器重传 FIN。"));
        auto* caption = presentation()->findChild<QLabel*>(QStringLiteral("presentationCaption"));
        QCOMPARE(caption->text(), presentation()->captionText());
    }

    // Readable from the back of a lecture hall: at 1024x768 no text under 18 px, state names,
    // host names and the caption at least 28 px; at every beat, in both languages.
    void textIsReadableFromTheBackOfTheRoom_data() {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<int>("beat");
        for (const QString& lang : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
            for (int beat = 0; beat < 5; ++beat)
                QTest::addRow("%s-beat%d", qPrintable(lang), beat + 1) << lang << beat;
        }
    }
    void textIsReadableFromTheBackOfTheRoom() {
        QFETCH(QString, lang);
        QFETCH(int, beat);
        setLanguage(lang);
        stepper()->jumpTo(beat);
        settle();
        QStringList states;
        for (const core::TcpState s : core::kAllStates)
            states << QString::fromLatin1(core::stateName(s).data(),
                                          qsizetype(core::stateName(s).size()));
        QStringList hosts;
        for (const models::LadderItem& lane : presentation()->scene()->lanes()->items())
            hosts << lane.label;
        QCOMPARE(hosts.size(), 2);
        QList<DrawnText> texts =
            quickTexts(presentation()->ladderView()->quickWidget()->rootObject());
        texts += widgetTexts(presentation());
        int stateTexts = 0;
        int hostTexts = 0;
        bool caption = false;
        for (const DrawnText& t : texts) {
            const QString what =
                QStringLiteral("'%1' (%2) is %3 px").arg(t.text.left(40), t.where).arg(t.pixels);
            QVERIFY2(t.pixels >= 18, qPrintable(what));
            const bool state = t.where == QLatin1String("LadderBand") && states.contains(t.text);
            const bool host = t.where == QLatin1String("Ladder") && hosts.contains(t.text);
            if (state || host || t.where == QLatin1String("presentationCaption"))
                QVERIFY2(t.pixels >= 28, qPrintable(what));
            stateTexts += state;
            hostTexts += host;
            caption = caption || t.where == QLatin1String("presentationCaption");
        }
        // The texts the limits are about were found (else the test would prove nothing).
        QVERIFY(stateTexts >= 2);
        QCOMPARE(hostTexts, 2);
        QVERIFY(caption);
    }

    // The moment stays in view: at each beat of lost-final-ack the segments it is about (at
    // beat 2 the lost ACK of 41 ms and the FIN it causes at 241.5 ms) are on screen together,
    // at the two projector sizes, with presentation mode's large type.
    void theBeatsSegmentsStayInView_data() {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1024x768") << QSize(1024, 768);
        QTest::newRow("1280x720") << QSize(1280, 720);
    }
    void theBeatsSegmentsStayInView() {
        QFETCH(QSize, size);
        QVERIFY(m_window->openScenario(QStringLiteral("lost-final-ack")));
        QVERIFY(m_window->waitForIdle());
        QVERIFY(shownPresentation(size));
        QVERIFY(presentation()->beats().size() >= 3);
        QCOMPARE(presentation()->beats()[1].focusUs.size(), std::size_t(2));
        for (int beat = 0; beat < stepper()->count(); ++beat) {
            stepper()->jumpTo(beat);
            settle();
            const auto [first, last] = presentation()->beatRange();
            const auto [from, to] = presentation()->visibleRange();
            QVERIFY2(first >= from && last <= to,
                     qPrintable(QStringLiteral("beat %1: %2..%3 px, in sight %4..%5 px")
                                    .arg(beat + 1)
                                    .arg(first)
                                    .arg(last)
                                    .arg(from)
                                    .arg(to)));
        }
    }

    void zoomAndThemesReachTheLadder() {
        QQuickItem* window = m_window->ladderView()->quickWidget()->rootObject();
        widgets::LectureTools* tools = m_window->lectureTools();
        tools->zoomInAction()->trigger();
        QVERIFY(window->property("fontScale").toDouble() > 1.0);
        QCOMPARE(window->property("lineScale").toDouble(),
                 window->property("fontScale").toDouble());
        tools->zoomResetAction()->trigger();
        QCOMPARE(window->property("fontScale").toDouble(), 1.0);
        tools->setLadderTheme(QStringLiteral("dark"));
        QCOMPARE(
            window->property("backgroundColor").value<QColor>(),
            models::LadderPalette::named(QStringLiteral("background"), QStringLiteral("dark")));
        tools->setLadderTheme(QStringLiteral("standard"));
        QCOMPARE(window->property("backgroundColor").value<QColor>(),
                 models::LadderPalette::named(QStringLiteral("background")));

        QQuickItem* shown = presentation()->ladderView()->quickWidget()->rootObject();
        const double base = shown->property("fontScale").toDouble();
        QTest::keyClick(presentation(), Qt::Key_Equal, Qt::ControlModifier);
        QVERIFY(shown->property("fontScale").toDouble() > base);
        QTest::keyClick(presentation(), Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(shown->property("fontScale").toDouble(), base);
        // Never smaller than the size the room can read.
        QTest::keyClick(presentation(), Qt::Key_Minus, Qt::ControlModifier);
        QCOMPARE(shown->property("fontScale").toDouble(), base);
        tools->setPresentationTheme(QStringLiteral("dark"));
        QCOMPARE(shown->property("theme").toString(), QStringLiteral("dark"));
        // The caption goes dark with the ladder (light ink on the dark banner).
        auto* caption = presentation()->findChild<QLabel*>(QStringLiteral("presentationCaption"));
        QCOMPARE(caption->palette().color(QPalette::Window),
                 models::LadderPalette::named(QStringLiteral("banner"), QStringLiteral("dark")));
        QVERIFY(caption->palette().color(QPalette::WindowText).lightness() > 200);
        QCOMPARE(caption->grab().toImage().pixelColor(2, caption->height() - 2),
                 models::LadderPalette::named(QStringLiteral("banner"), QStringLiteral("dark")));
        tools->setPresentationTheme(QStringLiteral("projector"));
        QCOMPARE(shown->property("backgroundColor").value<QColor>(), QColor(Qt::white));
        // A larger screen scales everything up.
        presentation()->resize(1920, 1080);
        QVERIFY(shown->property("fontScale").toDouble() > base * 1.3);
    }

    void presenterViewShowsNowNextNotesAndJumps() {
        widgets::PresenterView* view = m_window->lectureTools()->presenterView();
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view));
        stepper()->jumpTo(1);
        QCOMPARE(view->currentLabel()->text(),
                 QStringLiteral("The client calls close(): its FIN goes out and it enters "
                                "FIN_WAIT_1."));
        QCOMPARE(view->nextLabel()->text(), presentation()->beats()[2].captionEn);
        QCOMPARE(view->notesView()->toPlainText(),
                 QStringLiteral("Ask the room: which side will end up in TIME_WAIT?"));
        QCOMPARE(view->beatList()->currentRow(), 1);
        QListWidgetItem* fourth = view->beatList()->item(3);
        QTest::mouseClick(view->beatList()->viewport(), Qt::LeftButton, {},
                          view->beatList()->visualItemRect(fourth).center());
        QCOMPARE(stepper()->current(), 3);
        QCOMPARE(m_window->player()->timeUs(), kBeatTimes[3]);
        view->restartClock();
        QCOMPARE(view->elapsedText(), QStringLiteral("00:00"));
        view->hide();
    }

    void presentationOpensFullScreenAndEscLeaves() {
        presentation()->hide();
        widgets::LectureTools* tools = m_window->lectureTools();
        tools->presentAction()->trigger();
        QVERIFY(tools->isPresenting());
        QVERIFY(presentation()->isFullScreen());
        QCOMPARE(presentation()->screen(), tools->presentationScreen());
        QTest::keyClick(presentation(), Qt::Key_Escape);
        QVERIFY(!tools->isPresenting());
    }

    void presentationGoesToTheOtherScreenAndThePresenterViewStays() {
        const QList<QScreen*> screens = QGuiApplication::screens();
        if (screens.size() < 2)
            QSKIP("needs two screens: widgets.presentation_test.two_screens runs it on Xvfb");
        presentation()->hide();
        QScreen* own = m_window->screen();
        widgets::LectureTools* tools = m_window->lectureTools();
        tools->presentAction()->trigger();
        QVERIFY(QTest::qWaitForWindowExposed(presentation()));
        QVERIFY(presentation()->screen() != own);
        QVERIFY(presentation()->isFullScreen());
        QTRY_COMPARE(presentation()->geometry(), presentation()->screen()->geometry());
        widgets::PresenterView* view = tools->presenterView();
        QVERIFY(view->isVisible());
        QCOMPARE(view->screen(), own);
        // Keys typed in the presenter view step the projector's picture.
        QTest::keyClick(view->beatList(), Qt::Key_PageDown);
        QCOMPARE(stepper()->target(), 0);
        QTest::keyClick(presentation(), Qt::Key_Escape);
        QVERIFY(!tools->isPresenting());
        QVERIFY(!view->isVisible());
    }

    void handoutHasOnePagePerBeatAndEmbedsTheChineseFont_data() {
        QTest::addColumn<QString>("lang");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }
    void handoutHasOnePagePerBeatAndEmbedsTheChineseFont() {
        QFETCH(QString, lang);
        setLanguage(lang);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("handout.pdf"));
        QString error;
        QVERIFY2(m_window->lectureTools()->exportHandout(file, &error), qPrintable(error));
        QFile in(file);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QByteArray pdf = in.readAll();
        QVERIFY(pdf.startsWith("%PDF-"));
        QCOMPARE(pdfPageCount(pdf), 5 + 1);
        const bool chinese = lang == QLatin1String("zh_CN");
        // Text stays text: fonts are embedded (FontFile2), the Chinese one as Simplified Chinese.
        QVERIFY(pdf.contains("/FontFile2"));
        QCOMPARE(pdf.contains("/BaseFont /NotoSansCJKsc"), chinese);
        const QString pdffonts = QStandardPaths::findExecutable(QStringLiteral("pdffonts"));
        if (pdffonts.isEmpty())
            return;  // poppler-utils (setup.sh installs it) reads it back as well
        QProcess run;
        run.start(pdffonts, {file});
        QVERIFY(run.waitForFinished(10000));
        const QStringList rows = QString::fromUtf8(run.readAllStandardOutput()).split(u'\n');
        bool cjkEmbedded = false;
        for (const QString& row : rows) {
            if (row.startsWith(QLatin1String("NotoSansCJKsc")))
                cjkEmbedded = cjkEmbedded || row.split(u' ', Qt::SkipEmptyParts).contains(u"yes");
        }
        QCOMPARE(cjkEmbedded, chinese);
    }

    void handoutOfARunWithoutBeatsShowsTheWholeRun() {
        QVERIFY(m_window->openScenario(kNoBeatsScenario));
        QVERIFY(m_window->waitForIdle());
        QVERIFY(presentation()->beats().empty());
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("normal.pdf"));
        QVERIFY(m_window->lectureTools()->exportHandout(file));
        QFile in(file);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QCOMPARE(pdfPageCount(in.readAll()), 2);  // the title page and the whole run
        // An unwritable path is an error with a reason, not a crash.
        QString error;
        QVERIFY(!m_window->lectureTools()->exportHandout(dir.path(), &error));
        QVERIFY(error.contains(dir.path()));
    }
};

QTEST_MAIN(PresentationTest)
#include "presentation_test.moc"
