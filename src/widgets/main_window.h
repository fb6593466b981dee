#pragma once

#include <QMainWindow>

namespace closelab::widgets {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
};

}  // namespace closelab::widgets
