#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QSpinBox;

namespace closelab::widgets {

// The load parameters (the flags of `closelab-cli load`) as a form.
class LoadForm : public QWidget {
    Q_OBJECT
public:
    struct Values {
        double rate = 1000;  // connections per second; 0 with count > 0: back to back
        bool poisson = false;
        int count = 0;  // 0: no cap
        int durationS = 300;
        QString closer = QStringLiteral("client");     // client | server
        QString peerClose = QStringLiteral("normal");  // normal | never | delay:MS
        int pool = 0;
        int clients = 1;
        bool nat = false;
        int serverPorts = 1;
        double rttMs = 1;
        double lossPercent = 0;
        bool loopback = false;
        int sampleMs = 1000;
        int seed = 1;
    };

    explicit LoadForm(QWidget* parent = nullptr);

    Values values() const;
    void setValues(const Values& values);

signals:
    void runRequested();
    void pinRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QFormLayout* m_form = nullptr;
    QDoubleSpinBox* m_rate = nullptr;
    QCheckBox* m_poisson = nullptr;
    QSpinBox* m_count = nullptr;
    QSpinBox* m_duration = nullptr;
    QComboBox* m_closer = nullptr;
    QComboBox* m_peerClose = nullptr;
    QHBoxLayout* m_peerRow = nullptr;
    QSpinBox* m_peerDelay = nullptr;
    QSpinBox* m_pool = nullptr;
    QSpinBox* m_clients = nullptr;
    QCheckBox* m_nat = nullptr;
    QSpinBox* m_serverPorts = nullptr;
    QDoubleSpinBox* m_rtt = nullptr;
    QDoubleSpinBox* m_loss = nullptr;
    QCheckBox* m_loopback = nullptr;
    QSpinBox* m_sample = nullptr;
    QSpinBox* m_seed = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_pin = nullptr;
};

}  // namespace closelab::widgets
