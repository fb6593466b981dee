#include "widgets/main_window.h"

#include <QEvent>
#include <QLabel>

#include "models/app_info.h"

namespace closelab::widgets {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    auto* label = new QLabel(this);
    label->setAlignment(Qt::AlignCenter);
    label->setObjectName(QStringLiteral("summary"));
    setCentralWidget(label);
    retranslate();
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate() {
    setWindowTitle(models::applicationTitle());
    if (auto* label = findChild<QLabel*>(QStringLiteral("summary")))
        label->setText(models::applicationSummary());
}

}  // namespace closelab::widgets
