#pragma once

#include <QWidget>

class QLabel;
class QSpinBox;

namespace closelab::widgets {

// Editor for net.ipv4.ip_local_port_range: two spin boxes, text form "lo hi" as in
// /proc/sys/net/ipv4/ip_local_port_range.
class PortRangeEditor : public QWidget {
    Q_OBJECT
public:
    explicit PortRangeEditor(QWidget* parent = nullptr);

    // Accepts "lo hi" (tabs or spaces); returns false and leaves the editor unchanged otherwise.
    bool setText(const QString& text);
    QString text() const;
    int low() const;
    int high() const;

signals:
    void editingFinished();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QSpinBox* m_low = nullptr;
    QSpinBox* m_high = nullptr;
    QLabel* m_dash = nullptr;
};

}  // namespace closelab::widgets
