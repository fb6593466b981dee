#pragma once

#include <QAbstractTableModel>
#include <QString>
#include <QVector>

#include <memory>
#include <vector>

namespace closelab::core {
struct LoadResult;
}

namespace closelab::models {

// The sampled series of a load run as a table: column 0 is the sample time (ms), then one column
// per series — per host, every state that is non-zero at some sample, then ports in use, connects
// that succeeded and failed per errno in each interval. Plots read it through columnValues() (or
// a QVXYModelMapper), the CSV export through the table.
class StateSeriesModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { TimeColumn, ColumnCount };  // series columns follow
    enum class SeriesKind { State, PortsInUse, ConnectOk, ConnectFailed, Memory };
    enum Role {
        ValueRole = Qt::UserRole + 1,  // double
        HostRole,                      // host name of the column (identifier)
        SeriesKeyRole,                 // state name ("TIME_WAIT"), "ports", "ok", errno name
        SeriesKindRole,                // int(SeriesKind)
    };
    Q_ENUM(Role)

    struct Series {
        QString host;
        SeriesKind kind = SeriesKind::State;
        QString key;  // state name, errno name, ...
        QVector<double> values;
    };

    explicit StateSeriesModel(QObject* parent = nullptr);

    void setResult(std::shared_ptr<const core::LoadResult> result);
    const core::LoadResult* result() const { return m_result.get(); }

    const QVector<double>& times() const { return m_times; }  // ms
    const std::vector<Series>& series() const { return m_series; }
    // Column of a series, -1 if the run has no such series.
    int columnOf(const QString& host, SeriesKind kind, const QString& key) const;
    QVector<double> columnValues(int column) const;
    // Translated legend text for a series column, e.g. "server TIME_WAIT".
    QString seriesTitle(int column) const;
    // Index of the last sample at or before t (ms), -1 before the first.
    int sampleAt(double tMs) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void retranslate();

private:
    std::shared_ptr<const core::LoadResult> m_result;
    QVector<double> m_times;
    std::vector<Series> m_series;
};

}  // namespace closelab::models
