#pragma once

#include <QObject>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

#include "models/language_manager.h"
#include "warning_guard.h"
#include "widgets/main_window.h"

namespace closelab::widgets::test {

// The main window as the widget tests use it: test-mode settings (cleared), the warning guard
// installed, English, not interactive, 1366x768, shown and exposed. `languages` is created with
// `owner` as its parent; the window belongs to the caller. Returns null when a step failed.
inline MainWindow* openTestWindow(QObject* owner, models::LanguageManager*& languages) {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    installWarningGuard();
    languages = new models::LanguageManager(owner);
    if (!languages->setLanguage(QStringLiteral("en"), false))
        return nullptr;
    auto* window = new MainWindow(languages);
    window->setInteractive(false);
    window->resize(1366, 768);
    window->show();
    if (!QTest::qWaitForWindowExposed(window)) {
        delete window;
        return nullptr;
    }
    return window;
}

}  // namespace closelab::widgets::test
