#pragma once

#include <QSize>
#include <QString>

namespace closelab::widgets {
class MainWindow;
}

namespace closelab::app {

// What the command line renders without a user: presentation mode at one beat, the handout.
// Each returns the process exit code (0, 1 when the file cannot be written, 2 for a beat that
// does not exist) after printing one line on stderr for a failure.

// Presentation mode at beat `beat` (1-based; 0 = the start, before the first beat), the
// window at `size`, grabbed into the PNG `file`.
int renderPresentation(widgets::MainWindow& window, int beat, const QSize& size,
                       const QString& file);
// Opens presentation mode on the screen (interactive start with --present), at `beat` if > 0.
int startPresentation(widgets::MainWindow& window, int beat);
// The current run's handout (PDF) in the current language.
int exportHandout(widgets::MainWindow& window, const QString& file);

}  // namespace closelab::app
