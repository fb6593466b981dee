#pragma once

#include <QWidget>

class QCheckBox;
class QSpinBox;

namespace closelab::widgets {

// Editor for SO_LINGER (struct linger {l_onoff, l_linger}); text form "on,secs" such as "1,0".
class LingerEditor : public QWidget {
    Q_OBJECT
public:
    explicit LingerEditor(QWidget* parent = nullptr);

    // Accepts "0|1,secs"; returns false and leaves the editor unchanged otherwise.
    bool setText(const QString& text);
    QString text() const;

signals:
    void editingFinished();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QCheckBox* m_on = nullptr;
    QSpinBox* m_seconds = nullptr;
};

}  // namespace closelab::widgets
