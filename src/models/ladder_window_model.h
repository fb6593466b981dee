#pragma once

#include <QSortFilterProxyModel>

namespace closelab::models {

// The items of a LadderItemModel that intersect a range of display positions: the QML ladder
// instantiates delegates only for what is on screen (plus a margin), so a run with thousands of
// segments costs per frame what a short one does. The range is snapped to half-window steps, so
// scrolling re-filters a few times per screen, not on every pixel.
class LadderWindowModel : public QSortFilterProxyModel {
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    explicit LadderWindowModel(QObject* parent = nullptr);

    // Visible display range [from, to]; returns true when the filtered rows changed.
    bool setRange(double from, double to);
    double from() const { return m_from; }
    double to() const { return m_to; }
    int count() const { return rowCount(); }

signals:
    void countChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    double m_from = 0.0;
    double m_to = -1.0;  // empty until the view tells its range
    bool m_all = true;   // no range yet: everything passes
};

}  // namespace closelab::models
