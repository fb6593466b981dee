// closelab: wires the libraries together; all behaviour lives in src/ libraries.
#include <QtQml/qqmlextensionplugin.h>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPixmap>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>
#include <QTranslator>

#include <cstdio>
#include <optional>

#include "app/capture_harness.h"
#include "core/error.h"
#include "core/kernel_profile.h"
#include "core/options.h"
#include "core/scenario.h"
#include "core/version.h"
#include "models/core_question_source.h"
#include "models/language_manager.h"
#include "models/note_text.h"
#include "models/player.h"
#include "models/progress_store.h"
#include "widgets/explanation_panel.h"
#include "widgets/main_window.h"
#include "widgets/practice_panel.h"

Q_IMPORT_QML_PLUGIN(CloselabPlugin)

namespace {

int usageError(const QString& message) {
    std::fprintf(stderr, "closelab: %s\n", qPrintable(message));
    return 2;
}

// The command line is checked before QApplication exists, so that bad arguments fail fast even
// without a display; no translator can be installed yet. Its errors are translated through the
// catalogue of the language the app would start in (LanguageManager's rule: --lang, then the
// saved choice, then the system locale), read directly.
class StartupLanguage {
public:
    explicit StartupLanguage(const QString& code) {
        // English is the source language; its catalogue holds only plural forms.
        if (code != QLatin1String("en"))
            m_loaded = m_catalogue.load(closelab::models::LanguageManager::catalogueFile(code));
    }
    // A message of the app's own (context "closelab::App").
    QString text(const char* source) const {
        const QString translated =
            m_loaded ? m_catalogue.translate("closelab::App", source) : QString();
        return translated.isEmpty() ? QString::fromUtf8(source) : translated;
    }
    // An error of the engine's catalogue, as the app shows it once it runs.
    QString error(const closelab::core::InputError& e) const {
        return closelab::models::errorMessage(e, m_catalogue);
    }

private:
    QTranslator m_catalogue;
    bool m_loaded = false;
};

}  // namespace

int main(int argc, char** argv) {
    QElapsedTimer startClock;
    startClock.start();
    // Parse before QApplication exists, so bad arguments fail fast even without a display.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("closelab — TCP close lab"));
    const QCommandLineOption helpOpt({QStringLiteral("h"), QStringLiteral("help")},
                                     QStringLiteral("Show this help and exit."));
    const QCommandLineOption versionOpt({QStringLiteral("v"), QStringLiteral("version")},
                                        QStringLiteral("Show the version and exit."));
    const QCommandLineOption langOpt(QStringLiteral("lang"),
                                     QStringLiteral("User interface language: en or zh_CN."),
                                     QStringLiteral("LANG"));
    const QCommandLineOption scenarioOpt(
        QStringLiteral("scenario"),
        QStringLiteral("Built-in scenario id or scenario JSON file (default: four-way-close)."),
        QStringLiteral("ID|FILE"));
    const QCommandLineOption kernelOpt(
        QStringLiteral("kernel"), QStringLiteral("Kernel profile: linux-6, linux-4.9, rfc793."),
        QStringLiteral("PROFILE"));
    const QCommandLineOption setOpt(
        QStringLiteral("set"),
        QStringLiteral("Set an option, e.g. client.net.ipv4.tcp_tw_reuse=1 (repeatable)."),
        QStringLiteral("NAME=VALUE"));
    const QCommandLineOption atOpt(QStringLiteral("at-time-us"),
                                   QStringLiteral("Move playback to this simulated time (µs)."),
                                   QStringLiteral("T"));
    const QCommandLineOption tabOpt(
        QStringLiteral("tab"), QStringLiteral("Tab to show: ladder, load, compare or practice."),
        QStringLiteral("TAB"));
    const QCommandLineOption practiceOpt(
        QStringLiteral("practice"),
        QStringLiteral("Show this question on the Practice tab (closelab-cli quiz list shows the "
                       "ids); 'interview' plays a mock interview to its summary."),
        QStringLiteral("ID"));
    const QCommandLineOption practiceSeedOpt(
        QStringLiteral("practice-seed"),
        QStringLiteral("With --practice: the variant seed (default 1)."), QStringLiteral("N"),
        QStringLiteral("1"));
    const QCommandLineOption practiceAnswerOpt(
        QStringLiteral("practice-answer"),
        QStringLiteral("With --practice ID: answer it (sure of it) and show the feedback."),
        QStringLiteral("ANSWER"));
    const QCommandLineOption compareSetOpt(
        QStringLiteral("compare-set"),
        QStringLiteral("With --tab compare: pin the load run, then set this option and run "
                       "again (repeatable)."),
        QStringLiteral("NAME=VALUE"));
    const QCommandLineOption shotOpt(
        QStringLiteral("screenshot"),
        QStringLiteral("Render the main window offscreen to FILE.png and exit."),
        QStringLiteral("FILE"));
    const QCommandLineOption svgOpt(
        QStringLiteral("export-svg"),
        QStringLiteral("Write the whole run's ladder as an SVG drawing to FILE.svg and exit."),
        QStringLiteral("FILE"));
    const QCommandLineOption sizeOpt(QStringLiteral("size"),
                                     QStringLiteral("Window size for --screenshot, e.g. 1366x768."),
                                     QStringLiteral("WxH"), QStringLiteral("1366x768"));
    const QCommandLineOption dialogOpt(
        QStringLiteral("dialog"),
        QStringLiteral("With --screenshot: open this dialog (shortcuts, about, or error: the "
                       "error of opening a broken scenario file) and render it instead."),
        QStringLiteral("NAME"));
    const QCommandLineOption glossaryOpt(
        QStringLiteral("glossary"),
        QStringLiteral("Show this term's glossary entry in the explanation panel."),
        QStringLiteral("TERM"));
    const QCommandLineOption scaleOpt(
        QStringLiteral("scale"),
        QStringLiteral("Interface scale, e.g. 2 on a 4K screen the desktop reports at 96 dpi "
                       "(the same as QT_SCALE_FACTOR; --size stays in logical pixels)."),
        QStringLiteral("FACTOR"));
    const QCommandLineOption timingOpt(
        QStringLiteral("print-startup-time"),
        QStringLiteral("Print the time from process start to the first painted window and exit."));
    const QCommandLineOption presentOpt(
        QStringLiteral("present"),
        QStringLiteral("Start in presentation mode (with --screenshot: render it instead of the "
                       "main window)."));
    const QCommandLineOption beatOpt(
        QStringLiteral("beat"),
        QStringLiteral("With --present: go to this lesson beat (1 = the first, 0 = the start)."),
        QStringLiteral("N"));
    const QCommandLineOption handoutOpt(
        QStringLiteral("export-handout"),
        QStringLiteral("Write the run's handout (title page, one page per beat) to FILE.pdf and "
                       "exit."),
        QStringLiteral("FILE"));
    parser.addOptions(
        {helpOpt,     versionOpt,  langOpt,         scenarioOpt,      kernelOpt,  setOpt,
         atOpt,       tabOpt,      compareSetOpt,   shotOpt,          sizeOpt,    dialogOpt,
         glossaryOpt, scaleOpt,    svgOpt,          timingOpt,        presentOpt, beatOpt,
         handoutOpt,  practiceOpt, practiceSeedOpt, practiceAnswerOpt});
    // A failed parse still keeps the options it understood (--lang among them), so even an
    // unknown option is reported in the user's language below.
    const bool parsed = parser.parse(arguments);
    const QByteArray version(closelab::core::version().data(),
                             qsizetype(closelab::core::version().size()));
    if (parsed && parser.isSet(helpOpt)) {
        // Without a QCoreApplication Qt cannot know the program's name and writes a stand-in.
        std::fputs(qPrintable(parser.helpText().replace(QStringLiteral("<executable_name>"),
                                                        QStringLiteral("closelab"))),
                   stdout);
        return 0;
    }
    if (parsed && parser.isSet(versionOpt)) {
        std::printf("closelab %s\n", version.constData());
        return 0;
    }
    // Set before anything reads QSettings: the saved language decides the errors' language.
    QCoreApplication::setApplicationName(QStringLiteral("closelab"));
    QCoreApplication::setOrganizationName(QStringLiteral("closelab"));
    QGuiApplication::setDesktopFileName(QStringLiteral(CLOSELAB_APP_ID));  // Wayland app id, icon
    using closelab::models::LanguageManager;
    const bool langValid =
        parser.isSet(langOpt) && LanguageManager::isSupported(parser.value(langOpt));
    const StartupLanguage startup(langValid ? parser.value(langOpt)
                                            : LanguageManager::initialLanguage());
    if (!parsed) {
        // Qt's own message would stay English (no translator can be installed yet); the usual
        // mistake, an unknown option, is named in the user's language, as written.
        const QStringList unknown = parser.unknownOptionNames();
        if (unknown.isEmpty())
            return usageError(parser.errorText());
        const QString name = unknown.first();
        return usageError(startup.text(QT_TRANSLATE_NOOP("closelab::App", "unknown option '%1'"))
                              .arg((name.size() == 1 ? u"-" : u"--") + name));
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            startup.text(QT_TRANSLATE_NOOP("closelab::App", "unexpected argument '%1'"))
                .arg(parser.positionalArguments().first()));
    if (parser.isSet(langOpt) && !langValid)
        return usageError(
            startup.text(QT_TRANSLATE_NOOP("closelab::App", "--lang must be en or zh_CN, got '%1'"))
                .arg(parser.value(langOpt)));
    static const QRegularExpression sizeRe(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
    const auto sizeMatch = sizeRe.match(parser.value(sizeOpt));
    if (!sizeMatch.hasMatch())
        return usageError(startup
                              .text(QT_TRANSLATE_NOOP("closelab::App",
                                                      "--size must look like 1366x768, got '%1'"))
                              .arg(parser.value(sizeOpt)));
    const QSize size(sizeMatch.captured(1).toInt(), sizeMatch.captured(2).toInt());
    const QStringList tabs{QStringLiteral("ladder"), QStringLiteral("load"),
                           QStringLiteral("compare"), QStringLiteral("practice")};
    const QString tab = parser.value(tabOpt);
    if (parser.isSet(tabOpt) && !tabs.contains(tab))
        return usageError(
            startup
                .text(QT_TRANSLATE_NOOP("closelab::App",
                                        "--tab must be ladder, load, compare or practice, got "
                                        "'%1'"))
                .arg(tab));
    const QStringList dialogs{QStringLiteral("shortcuts"), QStringLiteral("about"),
                              QStringLiteral("error")};
    const QString dialog = parser.value(dialogOpt);
    if (parser.isSet(dialogOpt) && !dialogs.contains(dialog))
        return usageError(
            startup
                .text(QT_TRANSLATE_NOOP("closelab::App",
                                        "--dialog must be shortcuts, about or error, got '%1'"))
                .arg(dialog));
    if (parser.isSet(scaleOpt)) {
        bool ok = false;
        const double scale = parser.value(scaleOpt).toDouble(&ok);
        if (!ok || scale < 0.5 || scale > 4)
            return usageError(
                startup
                    .text(QT_TRANSLATE_NOOP("closelab::App",
                                            "--scale must be a number from 0.5 to 4, got '%1'"))
                    .arg(parser.value(scaleOpt)));
        // Read by QGuiApplication when it creates the screens, so it must be set before.
        qputenv("QT_SCALE_FACTOR", QByteArray::number(scale));
    }
    {
        // The window is rendered into one image of size x scale pixels: past 16384 pixels a
        // side (1 GiB) the allocation fails and every paint reports an inactive painter.
        constexpr int kMaxPixels = 16384;
        bool ok = false;
        const double scale = qEnvironmentVariable("QT_SCALE_FACTOR").toDouble(&ok);
        const int maxSide = int(kMaxPixels / (ok && scale >= 1 ? scale : 1.0));
        if (size.width() > maxSide || size.height() > maxSide)
            return usageError(
                startup
                    .text(QT_TRANSLATE_NOOP(
                        "closelab::App",
                        "--size must be at most %1x%1 at this scale (16384 pixels a side), "
                        "got '%2'"))
                    .arg(maxSide)
                    .arg(parser.value(sizeOpt)));
    }
    bool practiceSeedOk = false;
    const std::uint64_t practiceSeed = parser.value(practiceSeedOpt).toULongLong(&practiceSeedOk);
    if (!practiceSeedOk)
        return usageError(
            startup
                .text(QT_TRANSLATE_NOOP(
                    "closelab::App", "--practice-seed must be a number from 0 to 2^64-1, got '%1'"))
                .arg(parser.value(practiceSeedOpt)));
    if (parser.isSet(practiceOpt) && parser.value(practiceOpt) != QLatin1String("interview")) {
        bool known = false;
        for (const auto& q : closelab::models::CoreQuestionSource().questions(false))
            known = known || q.id == parser.value(practiceOpt);
        if (!known)
            return usageError(
                startup.text(QT_TRANSLATE_NOOP("closelab::App", "unknown question '%1'"))
                    .arg(parser.value(practiceOpt)));
    }
    std::optional<qint64> atTime;
    if (parser.isSet(atOpt)) {
        bool ok = false;
        const qint64 t = parser.value(atOpt).toLongLong(&ok);
        if (!ok || t < 0)
            return usageError(
                startup
                    .text(QT_TRANSLATE_NOOP(
                        "closelab::App", "--at-time-us must be a non-negative integer, got '%1'"))
                    .arg(parser.value(atOpt)));
        atTime = t;
    }
    int beat = 0;
    if (parser.isSet(beatOpt)) {
        bool ok = false;
        beat = parser.value(beatOpt).toInt(&ok);
        if (!ok || beat < 0)
            return usageError(
                startup
                    .text(QT_TRANSLATE_NOOP("closelab::App",
                                            "--beat must be a non-negative integer, got '%1'"))
                    .arg(parser.value(beatOpt)));
        if (!parser.isSet(presentOpt))
            return usageError(
                startup.text(QT_TRANSLATE_NOOP("closelab::App", "--beat needs --present")));
    }
    // Scenario, kernel and options are checked with the engine's own parsers, so a bad value
    // gives the same one-line message as closelab-cli (in the user's language).
    auto profile = closelab::core::KernelProfile::Linux6;
    try {
        if (parser.isSet(scenarioOpt)) {
            const auto scenario =
                closelab::core::loadScenario(parser.value(scenarioOpt).toStdString());
            profile = scenario.kernel;
        }
        if (parser.isSet(kernelOpt)) {
            const auto parsed = closelab::core::parseProfile(parser.value(kernelOpt).toStdString());
            if (!parsed)
                throw closelab::core::InputError(
                    closelab::core::ErrorId::UnknownKernel,
                    {{"kernel", parser.value(kernelOpt).toStdString()}});
            profile = *parsed;
        }
        for (const QStringList& list : {parser.values(setOpt), parser.values(compareSetOpt)}) {
            for (const QString& assignment : list) {
                const auto o = closelab::core::parseOverride(assignment.toStdString());
                closelab::core::parseOptionValue(o.name, o.value, profile);
            }
        }
    } catch (const closelab::core::InputError& e) {
        return usageError(startup.error(e));
    }

    // --screenshot renders offscreen: pick the platform before QApplication exists.
    const bool exportOnly = parser.isSet(svgOpt) || parser.isSet(handoutOpt);
    const bool offscreen = parser.isSet(shotOpt) || parser.isSet(timingOpt) || exportOnly;
    const bool noDisplay =
        qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
    if ((parser.isSet(shotOpt) || exportOnly || (parser.isSet(timingOpt) && noDisplay)) &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (offscreen && qEnvironmentVariableIsEmpty("QT_QUICK_BACKEND"))
        qputenv("QT_QUICK_BACKEND", "software");
    QApplication app(argc, argv);
    QApplication::setApplicationVersion(QString::fromLatin1(version));

    LanguageManager languages;
    if (parser.isSet(langOpt)) {
        // An explicit --lang is for this run only (screenshots must not change the user's choice).
        if (!languages.setLanguage(parser.value(langOpt), false))
            return usageError(languages.errorString());
    } else {
        languages.restore();
    }

    closelab::widgets::MainWindow window(&languages);
    window.setInteractive(!offscreen);
    // Screenshots and timing runs answer into a private progress file, never the user's.
    QTemporaryDir privateProgress;
    window.openProgress(offscreen ? privateProgress.filePath(QStringLiteral("progress.sqlite"))
                                  : closelab::models::ProgressStore::defaultPath());
    if (parser.isSet(shotOpt) || parser.isSet(timingOpt) || exportOnly) {
        window.resize(size);
        if (!window.openScenario(parser.isSet(scenarioOpt) ? parser.value(scenarioOpt)
                                                           : QStringLiteral("four-way-close")))
            return usageError(window.lastError());
    } else {
        window.restoreSettings();
        if (parser.isSet(scenarioOpt) && !window.openScenario(parser.value(scenarioOpt)))
            return usageError(window.lastError());
    }
    if (parser.isSet(kernelOpt) && !window.setKernelProfile(parser.value(kernelOpt)))
        return usageError(window.lastError());
    for (const QString& assignment : parser.values(setOpt)) {
        if (!window.applyOption(assignment))
            return usageError(window.lastError());
    }
    window.waitForIdle();
    if (parser.isSet(shotOpt)) {
        // Lay the window out at its final size first, so the ladder scrolls to the playhead
        // with its real height.
        window.show();
        QApplication::processEvents();
    }
    if (atTime)
        window.player()->seekTime(*atTime);
    if (parser.isSet(tabOpt)) {
        using Tab = closelab::widgets::MainWindow::Tab;
        window.showTab(Tab(tabs.indexOf(tab)));
        if (tab != QLatin1String("ladder")) {
            window.runLoad();
            window.waitForIdle();
        }
        if (tab == QLatin1String("compare")) {
            window.pinLoad();
            for (const QString& assignment : parser.values(compareSetOpt)) {
                if (!window.applyOption(assignment))
                    return usageError(window.lastError());
            }
            window.runLoad();
            window.waitForIdle();
            window.showTab(Tab::Compare);
        }
    }

    if (parser.isSet(practiceOpt)) {
        using closelab::widgets::PracticePanel;
        window.showTab(closelab::widgets::MainWindow::Tab::Practice);
        PracticePanel* practice = window.practicePanel();
        const QString id = parser.value(practiceOpt);
        if (id == QLatin1String("interview")) {
            // A scripted learner: every third choice question answered wrong.
            practice->setRandomSeed(practiceSeed);
            if (!practice->playScriptedInterview(3))
                return usageError(startup.text(
                    QT_TRANSLATE_NOOP("closelab::App", "the mock interview could not be played")));
        } else {
            if (!practice->startQuestion(id, practiceSeed))
                return usageError(
                    startup.text(QT_TRANSLATE_NOOP("closelab::App", "unknown question '%1'"))
                        .arg(id));
            if (parser.isSet(practiceAnswerOpt)) {
                practice->answerNow(parser.value(practiceAnswerOpt),
                                    closelab::core::Confidence::High);
                practice->waitForIdle();
            }
        }
    }

    if (parser.isSet(svgOpt)) {
        if (!window.exportLadderSvg(parser.value(svgOpt))) {
            std::fprintf(stderr, "closelab: %s\n",
                         qPrintable(QCoreApplication::translate("closelab::App", "cannot write %1")
                                        .arg(parser.value(svgOpt))));
            return 1;
        }
        return 0;
    }
    if (parser.isSet(handoutOpt))
        return closelab::app::exportHandout(window, parser.value(handoutOpt));
    if (parser.isSet(presentOpt) && parser.isSet(shotOpt))
        return closelab::app::renderPresentation(window, beat, size, parser.value(shotOpt));
    if (parser.isSet(glossaryOpt))
        window.explanationPanel()->showGlossaryEntry(parser.value(glossaryOpt));

    if (parser.isSet(timingOpt)) {
        window.show();
        // The first paint has happened once the event loop has processed the expose.
        QTimer::singleShot(0, &window, [&] {
            window.repaint();
            std::printf("startup to first paint: %lld ms\n", qint64(startClock.elapsed()));
            QApplication::quit();
        });
        return QApplication::exec();
    }
    if (parser.isSet(shotOpt)) {
        window.show();
        QApplication::processEvents();
        window.waitForIdle();
        // Let the ladder's scrolling and fading settle (software Qt Quick, a few frames).
        QEventLoop settle;
        QTimer::singleShot(400, &settle, &QEventLoop::quit);
        settle.exec();
        const QString shotFile = QFileInfo(parser.value(shotOpt)).absoluteFilePath();
        QWidget* shown = &window;
        if (parser.isSet(dialogOpt)) {
            using Dialog = closelab::widgets::MainWindow::Dialog;
            if (dialog == QLatin1String("error")) {
                // A real failure: a scenario file with a syntax error (the dialog names it).
                // Opened by a relative name from a private directory, so the dialog reads the
                // same in every run (no random temporary path).
                QTemporaryDir dir;
                QDir::setCurrent(dir.path());
                const QString broken = QStringLiteral("my-lesson.json");
                QFile out(broken);
                if (out.open(QIODevice::WriteOnly))
                    out.write("{\n  \"id\": \"my-lesson\",\n  \"hosts\": [\n    {\"name\": }\n");
                out.close();
                window.openScenario(broken);
            }
            shown = window.showDialog(Dialog(dialogs.indexOf(dialog)));
            QApplication::processEvents();
        }
        // Resolved before the error dialog's example changes the working directory.
        const QString file = shotFile;
        if (!shown->grab().save(file, "PNG")) {
            std::fprintf(stderr, "closelab: %s\n",
                         qPrintable(QCoreApplication::translate("closelab::App",
                                                                "cannot write the screenshot to %1")
                                        .arg(file)));
            return 1;
        }
        return 0;
    }
    window.show();
    if (parser.isSet(presentOpt)) {
        if (const int rc = closelab::app::startPresentation(window, beat))
            return rc;
    }
    const int rc = QApplication::exec();
    return rc;
}
