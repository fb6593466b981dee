#pragma once

#include <QAbstractItemModel>
#include <QString>
#include <QStringList>

#include <vector>

#include "core/options.h"

namespace closelab::models {

class Session;

// The option editor's tree, read from and written to a Session:
//   Kernel profile                      (editable: linux-6 / linux-4.9 / rfc793)
//   All hosts | client | server ...     (scopes: "All hosts" = --set without a host prefix)
//     Kernel parameters (sysctl) | Socket options | closelab teaching knobs
//       net.ipv4.tcp_tw_reuse   value   default
// Values are validated by the engine's parser (core::parseOptionValue) before they reach the
// Session; a refused value leaves the model unchanged and Session::errorOccurred says why.
// Values that differ from the profile default are flagged (bold, IsChangedRole).
class OptionsModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Column { NameColumn, ValueColumn, DefaultColumn, ColumnCount };
    enum Role {
        NodeKindRole = Qt::UserRole + 1,  // "profile" "scope" "group" "option"
        OptionNameRole,                   // "net.ipv4.tcp_tw_reuse"
        HostRole,                         // "" for all hosts
        ValueTypeRole,                    // "bool" "integer" "enum" "portrange" "linger" "portlist"
        ValueRole,                        // canonical text of the effective value
        DefaultRole,                      // canonical default for the profile
        MinRole,                          // integer / port range bounds
        MaxRole,
        EnumValuesRole,    // QStringList (enum options; profile names on the profile row)
        UnitRole,          // "s", "ms", ...
        IsChangedRole,     // differs from the profile default
        IsOverriddenRole,  // the user set it here (not the scenario)
        DescriptionRole,   // one line, translated
        KernelSourceRole,  // "tcp_twsk_unique()"
    };
    Q_ENUM(Role)

    explicit OptionsModel(Session* session, QObject* parent = nullptr);

    // Reset every override (and the profile) to the scenario's own.
    void resetAll();
    // Reset one option (an option row) or every option of a scope (a scope row).
    void resetIndex(const QModelIndex& index);
    // Applies a sysctl.conf text ("name = value" lines, '#'/';' comments, '-' prefix, '/' as
    // separator) to `host` ("" = all hosts). Returns one translated line per refused or skipped
    // line; valid lines are applied.
    QStringList importSysctlConf(const QString& text, const QString& host = {});

    QModelIndex indexOfOption(const QString& host, const QString& name,
                              int column = NameColumn) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void retranslate();

private:
    enum class NodeKind { Profile, Scope, Group, Option };
    struct Node {
        NodeKind kind = NodeKind::Option;
        int parent = -1;  // node index, -1 for top level
        int row = 0;
        QString host;
        core::OptionKind group = core::OptionKind::Sysctl;
        const core::OptionSpec* spec = nullptr;
        std::vector<int> children;
    };

    void rebuild();
    void refreshValues();
    const Node* node(const QModelIndex& index) const;
    QString valueOf(const Node& n) const;
    QString defaultOf(const Node& n) const;

    Session* m_session;
    std::vector<Node> m_nodes;
    std::vector<int> m_top;
    QString m_structureKey;  // scenario id + profile + hosts: rebuild only when it changes
};

}  // namespace closelab::models
