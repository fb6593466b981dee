#pragma once

#include <QModelIndex>
#include <QWidget>

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTextBrowser;
class QTreeView;

namespace closelab::widgets {

class OptionDelegate;

// The option tree (kernel profile, per-host sysctls, per-host socket options) with an editor per
// value type, a help text for the selected option, reset and sysctl.conf import. The model does
// the validation; this widget shows its verdict.
class OptionEditor : public QWidget {
    Q_OBJECT
public:
    explicit OptionEditor(QWidget* parent = nullptr);
    // The width that shows every option name and value whole.
    int preferredWidth() const;

    void setModel(QAbstractItemModel* model);
    QTreeView* view() const { return m_view; }
    void setProfiles(const QStringList& profiles, const QString& current);
    QString profile() const;
    // Shows a refusal (or an import report) under the tree.
    void showMessage(const QString& text, bool error);
    QModelIndex currentSourceIndex() const;

signals:
    void profileChanged(const QString& profile);
    void resetRequested(const QModelIndex& sourceIndex);
    void resetAllRequested();
    void importRequested();
    void valueRejected(const QModelIndex& sourceIndex, const QString& text);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void showHelp(const QModelIndex& proxyIndex);
    void expandAndSpan(const QModelIndex& parent = {});

    QComboBox* m_profile = nullptr;
    QLabel* m_profileLabel = nullptr;
    QLineEdit* m_filter = nullptr;
    QTreeView* m_view = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    OptionDelegate* m_delegate = nullptr;
    QPushButton* m_reset = nullptr;
    QPushButton* m_resetAll = nullptr;
    QPushButton* m_import = nullptr;
    QLabel* m_message = nullptr;
    QTextBrowser* m_help = nullptr;
};

}  // namespace closelab::widgets
