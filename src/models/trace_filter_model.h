#pragma once

#include <QSortFilterProxyModel>
#include <QString>

namespace closelab::models {

// Filters the TraceModel: by host (sender or receiver), by flag (e.g. "FIN", "RST"), by fate, and
// by free text matched against every visible column. Empty filters pass everything.
class TraceFilterModel : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit TraceFilterModel(QObject* parent = nullptr);

    QString hostFilter() const { return m_host; }
    void setHostFilter(const QString& host);
    QString flagFilter() const { return m_flag; }
    void setFlagFilter(const QString& flag);  // SYN FIN RST PSH ACK
    QString fateFilter() const { return m_fate; }
    void setFateFilter(const QString& fate);  // delivered lost dropped delayed
    QString textFilter() const { return m_text; }
    void setTextFilter(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_host;
    QString m_flag;
    QString m_fate;
    QString m_text;
};

}  // namespace closelab::models
