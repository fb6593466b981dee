// ladder-frames: plays built-in scenarios in the QML ladder with the software Qt Quick backend and
// reports the time each frame costs (synchronise + render + flush) and the interval between frames.
//   ladder-frames [--seconds S] [--speed X] [--size WxH] [SCENARIO_ID...]
#include <QtQml/qqmlextensionplugin.h>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QQuickItem>
#include <QQuickView>
#include <QRegularExpression>
#include <QSGRendererInterface>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "core/recording.h"
#include "core/scenario.h"
#include "core/simulate.h"
#include "models/ladder_scene.h"
#include "models/player.h"

Q_IMPORT_QML_PLUGIN(CloselabPlugin)

namespace {

double percentile(std::vector<double> v, double p) {
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    const auto i = std::size_t(std::clamp(p * double(v.size() - 1), 0.0, double(v.size() - 1)));
    return v[i];
}

struct Measurement {
    std::vector<double> costMs;      // GUI-thread work of one frame: bindings + sync + render
    std::vector<double> renderMs;    // sync + render + flush only
    std::vector<double> intervalMs;  // between two frames on screen
};

Measurement measure(const QString& id, double seconds, double speed, QSize size) {
    using namespace closelab;
    auto rec = std::make_shared<const core::Recording>(
        core::simulate(core::builtinScenario(id.toStdString()), core::RunConfig{}));
    models::Player player;
    models::LadderScene scene(&player);
    scene.setRecording(rec);

    Measurement m;
    double bindingsMs = 0.0;  // QML bindings + model updates since the last frame
    QQuickView view;
    view.setResizeMode(QQuickView::SizeRootObjectToView);
    view.setSource(QUrl(QString::fromLatin1(models::LadderScene::kQmlUrl)));
    view.rootObject()->setProperty("scene", QVariant::fromValue(&scene));
    view.resize(size);
    view.show();
    QElapsedTimer frame;
    QElapsedTimer sinceLast;
    QObject::connect(
        &view, &QQuickWindow::beforeSynchronizing, &view, [&]() { frame.start(); },
        Qt::DirectConnection);
    QObject::connect(
        &view, &QQuickWindow::frameSwapped, &view,
        [&]() {
            if (frame.isValid()) {
                const double render = double(frame.nsecsElapsed()) / 1e6;
                m.renderMs.push_back(render);
                m.costMs.push_back(render + bindingsMs);
                bindingsMs = 0.0;
            }
            if (sinceLast.isValid())
                m.intervalMs.push_back(double(sinceLast.nsecsElapsed()) / 1e6);
            sinceLast.start();
        },
        Qt::DirectConnection);
    // Drive the Player as its own frame timer does, timing advance(): the QML bindings of every
    // delegate run synchronously inside it. Loop the run so sends, arrivals, breaks and scrolling
    // are all exercised.
    player.setSpeed(speed);
    QElapsedTimer wall;
    wall.start();
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(16);
    QObject::connect(&tick, &QTimer::timeout, &player, [&]() {
        const double dt = double(wall.nsecsElapsed()) / 1e9;
        wall.restart();
        QElapsedTimer t;
        t.start();
        if (player.atEnd())
            player.jumpToStart();
        else
            player.advance(dt);
        bindingsMs += double(t.nsecsElapsed()) / 1e6;
    });
    tick.start();
    QEventLoop loop;
    QTimer::singleShot(int(seconds * 1000), &loop, &QEventLoop::quit);
    loop.exec();
    tick.stop();
    std::printf(
        "%-27s segments %4zu frames %4zu  frame cost p50 %5.2f p95 %5.2f max %6.2f ms"
        "  (render p95 %5.2f)  interval p50 %5.2f p95 %5.2f ms\n",
        qPrintable(id), rec->segments.size(), m.costMs.size(), percentile(m.costMs, 0.5),
        percentile(m.costMs, 0.95), percentile(m.costMs, 1.0), percentile(m.renderMs, 0.95),
        percentile(m.intervalMs, 0.5), percentile(m.intervalMs, 0.95));
    return m;
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Frame times of the closelab ladder in the software Qt Quick backend."));
    parser.addHelpOption();
    const QCommandLineOption secondsOpt(QStringLiteral("seconds"),
                                        QStringLiteral("Wall seconds per scenario (default 5)."),
                                        QStringLiteral("S"), QStringLiteral("5"));
    const QCommandLineOption speedOpt(QStringLiteral("speed"),
                                      QStringLiteral("Playback speed 0.25-8 (default 8)."),
                                      QStringLiteral("X"), QStringLiteral("8"));
    const QCommandLineOption sizeOpt(QStringLiteral("size"),
                                     QStringLiteral("Window size (default 1366x768)."),
                                     QStringLiteral("WxH"), QStringLiteral("1366x768"));
    parser.addOptions({secondsOpt, speedOpt, sizeOpt});
    parser.addPositionalArgument(QStringLiteral("scenario"),
                                 QStringLiteral("Built-in scenario ids (default: all)."));
    parser.process(app);

    bool ok = false;
    const double seconds = parser.value(secondsOpt).toDouble(&ok);
    if (!ok || seconds <= 0 || seconds > 600) {
        std::fprintf(stderr, "ladder-frames: --seconds must be in (0, 600]\n");
        return 2;
    }
    const double speed = parser.value(speedOpt).toDouble(&ok);
    if (!ok || speed < 0.25 || speed > 8) {
        std::fprintf(stderr, "ladder-frames: --speed must be in [0.25, 8]\n");
        return 2;
    }
    static const QRegularExpression sizeRe(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
    const auto sm = sizeRe.match(parser.value(sizeOpt));
    if (!sm.hasMatch()) {
        std::fprintf(stderr, "ladder-frames: --size must look like 1366x768\n");
        return 2;
    }
    const QSize size(sm.captured(1).toInt(), sm.captured(2).toInt());

    QStringList ids = parser.positionalArguments();
    if (ids.isEmpty()) {
        for (const auto& b : closelab::core::builtinScenarios())
            ids << QString::fromUtf8(b.id.data(), qsizetype(b.id.size()));
    }
    std::vector<double> allCosts;
    for (const QString& id : ids) {
        try {
            const Measurement m = measure(id, seconds, speed, size);
            allCosts.insert(allCosts.end(), m.costMs.begin(), m.costMs.end());
        } catch (const std::exception& e) {
            std::fprintf(stderr, "ladder-frames: %s: %s\n", qPrintable(id), e.what());
            return 2;
        }
    }
    std::printf("ALL frames %zu  cost p50 %.2f ms  p95 %.2f ms  max %.2f ms\n", allCosts.size(),
                percentile(allCosts, 0.5), percentile(allCosts, 0.95), percentile(allCosts, 1.0));
    return 0;
}
