#pragma once

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>
#include <cmath>

namespace closelab::widgets {

// One load run as the plots need it: sampled counts per host and state, failures by errno and
// the summary. Filled from the models layer's load result; plain data so plots stay testable.
struct LoadData {
    struct StateSeries {
        QString state;  // TIME_WAIT, as ss prints it
        QVector<double> values;
    };
    QVector<double> timesMs;
    QStringList hosts;
    QHash<QString, QList<StateSeries>> series;  // host -> one series per state
    QList<QPair<QString, double>> failuresByErrno;
    QList<QPair<double, double>> failureWindowsMs;
    double portCapacity = std::nan("");  // usable ephemeral ports of one client, NaN if none
    QStringList capacityHosts;           // the hosts the capacity line applies to (clients)
    QString summaryHtml;
    QString description;  // what this run was ("tcp_tw_reuse=1, rate 1000/s"), for compare

    bool isEmpty() const { return timesMs.isEmpty(); }
};

}  // namespace closelab::widgets
