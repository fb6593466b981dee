#include "app/capture_harness.h"

#include <QApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QImage>
#include <QTimer>

#include <cstdio>

#include "models/beat_stepper.h"
#include "widgets/lecture_tools.h"
#include "widgets/main_window.h"
#include "widgets/presentation_window.h"

namespace closelab::app {

namespace {

int fail(int code, const QString& message) {
    std::fprintf(stderr, "closelab: %s\n", qPrintable(message));
    return code;
}

// Lets the ladder's scrolling, label pass and fading settle (software Qt Quick, a few frames).
void settle(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// Moves the presentation to `beat` (1-based); false when the run has no such beat or step.
bool goToBeat(widgets::PresentationWindow& presentation, int beat) {
    models::BeatStepper* stepper = presentation.stepper();
    if (beat < 0 || beat > stepper->count())
        return false;
    if (beat == 0) {
        stepper->first();
        stepper->previous();  // from the first beat back to the start
    } else {
        stepper->jumpTo(beat - 1);
    }
    return true;
}

QString noSuchBeat(const widgets::PresentationWindow& presentation, int beat) {
    const int count = presentation.stepper()->count();
    return presentation.hasBeats()
               ? QCoreApplication::translate("closelab::App",
                                             "--beat must be 0 to %1 (this scenario has %1 "
                                             "beats), got '%2'")
                     .arg(count)
                     .arg(beat)
               : QCoreApplication::translate("closelab::App",
                                             "--beat must be 0 to %1 (this scenario has no "
                                             "beats: one step per event, %1 steps), got '%2'")
                     .arg(count)
                     .arg(beat);
}

}  // namespace

int renderPresentation(widgets::MainWindow& window, int beat, const QSize& size,
                       const QString& file) {
    widgets::PresentationWindow* presentation = window.lectureTools()->presentation();
    if (beat > presentation->stepper()->count())
        return fail(2, noSuchBeat(*presentation, beat));
    presentation->resize(size);
    presentation->show();
    QApplication::processEvents();
    goToBeat(*presentation, beat);
    QApplication::processEvents();
    settle(400);
    const QString target = QFileInfo(file).absoluteFilePath();
    if (!presentation->grab().save(target, "PNG"))
        return fail(
            1, QCoreApplication::translate("closelab::App", "cannot write the screenshot to %1")
                   .arg(target));
    return 0;
}

int startPresentation(widgets::MainWindow& window, int beat) {
    window.lectureTools()->startPresentation();
    widgets::PresentationWindow* presentation = window.lectureTools()->presentation();
    if (beat > 0 && !goToBeat(*presentation, beat))
        return fail(2, noSuchBeat(*presentation, beat));
    return 0;
}

int exportHandout(widgets::MainWindow& window, const QString& file) {
    QString error;
    if (!window.lectureTools()->exportHandout(QFileInfo(file).absoluteFilePath(), &error))
        return fail(1, error);
    return 0;
}

}  // namespace closelab::app
