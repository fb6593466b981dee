// Harness (not a test): how long an option change takes to re-simulate the default teaching load
// and re-plot it in the Load tab, and how much of that is the plotting. Prints min/median/p95.
//   QT_QPA_PLATFORM=offscreen build/.../tests/widgets/load_replot_harness [runs]
#include <QApplication>
#include <QElapsedTimer>
#include <algorithm>
#include <cstdio>
#include <vector>

#include "core/load/load_result.h"
#include "models/language_manager.h"
#include "models/session.h"
#include "widgets/load_data_builder.h"
#include "widgets/load_panel.h"
#include "widgets/main_window.h"

namespace {

void report(const char* what, std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    const auto at = [&ms](double q) { return ms[std::size_t(q * double(ms.size() - 1))]; };
    std::printf("%-44s min %7.1f ms  median %7.1f ms  p95 %7.1f ms  (n=%zu)\n", what, ms.front(),
                at(0.5), at(0.95), ms.size());
}

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(3, std::atoi(argv[1])) : 10;
    closelab::models::LanguageManager languages;
    languages.setLanguage(QStringLiteral("en"), false);
    closelab::widgets::MainWindow window(&languages);
    window.setInteractive(false);
    window.resize(1366, 768);
    window.show();
    window.openScenario(QStringLiteral("normal-close"));
    window.waitForIdle();
    window.showTab(closelab::widgets::MainWindow::Tab::Load);
    window.waitForIdle(60000);  // first (warm-up) run of the default load

    std::vector<double> total;
    std::vector<double> plot;
    for (int i = 0; i < runs; ++i) {
        // Alternate an option so every run is a real change.
        QElapsedTimer clock;
        clock.start();
        window.applyOption(i % 2 ? QStringLiteral("client.net.ipv4.tcp_tw_reuse=1")
                                 : QStringLiteral("client.net.ipv4.tcp_tw_reuse=0"));
        window.runLoad();
        window.waitForIdle(60000);
        total.push_back(double(clock.nsecsElapsed()) / 1e6);
        const auto result = window.session()->loadResult();
        clock.restart();
        window.loadPanel()->setData(closelab::widgets::LoadDataBuilder::build(*result));
        QApplication::processEvents();
        plot.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    report("option change -> simulated and plotted", total);
    report("of which: build plot data + replot", plot);
    return 0;
}
