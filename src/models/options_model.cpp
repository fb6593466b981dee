#include "models/options_model.h"

#include <QCoreApplication>
#include <QFont>
#include <QRegularExpression>

#include "core/error.h"
#include "core/scenario.h"
#include "models/host_names.h"
#include "models/note_text.h"
#include "models/session.h"

namespace closelab::models {

namespace {

QString fromStd(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QString typeName(core::ValueType type) {
    switch (type) {
        case core::ValueType::Bool:
            return QStringLiteral("bool");
        case core::ValueType::Integer:
            return QStringLiteral("integer");
        case core::ValueType::Enum:
            return QStringLiteral("enum");
        case core::ValueType::PortRange:
            return QStringLiteral("portrange");
        case core::ValueType::Linger:
            return QStringLiteral("linger");
        case core::ValueType::PortList:
            return QStringLiteral("portlist");
    }
    return {};
}

QString groupTitle(core::OptionKind kind) {
    switch (kind) {
        case core::OptionKind::Sysctl:
            return OptionsModel::tr("Kernel parameters (sysctl)");
        case core::OptionKind::Socket:
            return OptionsModel::tr("Socket options");
        case core::OptionKind::Closelab:
            return OptionsModel::tr("Teaching knobs (not real kernel settings)");
    }
    return {};
}

QStringList profileNames() {
    QStringList names;
    for (auto p : core::kAllProfiles)
        names << fromStd(core::profileName(p));
    return names;
}

}  // namespace

OptionsModel::OptionsModel(Session* session, QObject* parent)
    : QAbstractItemModel(parent), m_session(session) {
    connect(m_session, &Session::scenarioChanged, this, &OptionsModel::rebuild);
    connect(m_session, &Session::optionsChanged, this, &OptionsModel::rebuild);
    rebuild();
}

void OptionsModel::rebuild() {
    const QString key = m_session->scenarioId() + u'|' +
                        fromStd(core::profileName(m_session->profile())) + u'|' +
                        m_session->hosts().join(u',');
    if (key == m_structureKey && !m_nodes.empty()) {
        refreshValues();
        return;
    }
    beginResetModel();
    m_structureKey = key;
    m_nodes.clear();
    m_top.clear();
    auto add = [this](Node n) {
        const int id = int(m_nodes.size());
        if (n.parent < 0) {
            n.row = int(m_top.size());
            m_top.push_back(id);
        } else {
            n.row = int(m_nodes[std::size_t(n.parent)].children.size());
            m_nodes[std::size_t(n.parent)].children.push_back(id);
        }
        m_nodes.push_back(std::move(n));
        return id;
    };
    Node profile;
    profile.kind = NodeKind::Profile;
    add(profile);
    // Each host first, with the value it really runs with (a scenario's per-host setting, such
    // as tw-bucket-overflow's client tcp_max_tw_buckets 5); the all-hosts defaults come last.
    QStringList scopes = m_session->hosts();
    scopes << QString();
    const core::KernelProfile kernel = m_session->profile();
    for (const QString& host : scopes) {
        Node scope;
        scope.kind = NodeKind::Scope;
        scope.host = host;
        const int scopeId = add(scope);
        for (auto kind :
             {core::OptionKind::Sysctl, core::OptionKind::Socket, core::OptionKind::Closelab}) {
            Node group;
            group.kind = NodeKind::Group;
            group.parent = scopeId;
            group.host = host;
            group.group = kind;
            const int groupId = add(group);
            for (const auto& spec : core::optionRegistry()) {
                if (spec.kind != kind || !core::optionInProfile(spec, kernel))
                    continue;
                Node opt;
                opt.kind = NodeKind::Option;
                opt.parent = groupId;
                opt.host = host;
                opt.group = kind;
                opt.spec = &spec;
                add(opt);
            }
        }
    }
    endResetModel();
}

void OptionsModel::refreshValues() {
    // Same tree: every value and default may have changed (one override can affect all hosts).
    for (int top : m_top) {
        const Node& n = m_nodes[std::size_t(top)];
        if (n.kind == NodeKind::Profile) {
            emit dataChanged(createIndex(n.row, 0, quintptr(top)),
                             createIndex(n.row, ColumnCount - 1, quintptr(top)));
            continue;
        }
        for (int g : n.children) {
            const Node& group = m_nodes[std::size_t(g)];
            if (group.children.empty())
                continue;
            const int first = group.children.front();
            const int last = group.children.back();
            emit dataChanged(
                createIndex(0, 0, quintptr(first)),
                createIndex(m_nodes[std::size_t(last)].row, ColumnCount - 1, quintptr(last)));
        }
    }
}

const OptionsModel::Node* OptionsModel::node(const QModelIndex& index) const {
    if (!index.isValid() || index.internalId() >= m_nodes.size())
        return nullptr;
    return &m_nodes[std::size_t(index.internalId())];
}

QString OptionsModel::valueOf(const Node& n) const {
    if (n.kind == NodeKind::Profile)
        return fromStd(core::profileName(m_session->profile()));
    if (n.kind != NodeKind::Option)
        return {};
    return QString::fromStdString(m_session->effectiveValue(n.host, fromStd(n.spec->name)));
}

QString OptionsModel::defaultOf(const Node& n) const {
    if (n.kind == NodeKind::Profile) {
        const auto scenario = m_session->scenario();
        return scenario ? fromStd(core::profileName(scenario->kernel)) : QString();
    }
    if (n.kind != NodeKind::Option)
        return {};
    return QString::fromStdString(core::defaultValue(*n.spec, m_session->profile()));
}

QModelIndex OptionsModel::index(int row, int column, const QModelIndex& parent) const {
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(m_top[std::size_t(row)]));
    const Node* p = node(parent);
    return createIndex(row, column, quintptr(p->children[std::size_t(row)]));
}

QModelIndex OptionsModel::parent(const QModelIndex& child) const {
    const Node* n = node(child);
    if (n == nullptr || n->parent < 0)
        return {};
    return createIndex(m_nodes[std::size_t(n->parent)].row, 0, quintptr(n->parent));
}

int OptionsModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid())
        return int(m_top.size());
    if (parent.column() != 0)
        return 0;
    const Node* n = node(parent);
    return n ? int(n->children.size()) : 0;
}

int OptionsModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

QVariant OptionsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node& n = *node(index);
    const bool isOption = n.kind == NodeKind::Option;
    const QString value = (isOption || n.kind == NodeKind::Profile) ? valueOf(n) : QString();
    const QString def = (isOption || n.kind == NodeKind::Profile) ? defaultOf(n) : QString();
    const bool changed = !def.isEmpty() && value != def;
    switch (role) {
        case Qt::DisplayRole:
        case Qt::EditRole:
            switch (Column(index.column())) {
                case NameColumn:
                    switch (n.kind) {
                        case NodeKind::Profile:
                            return tr("Kernel profile");
                        case NodeKind::Scope:
                            return n.host.isEmpty() ? tr("All hosts")
                                                    : hostDisplayName(n.host.toStdString());
                        case NodeKind::Group:
                            return groupTitle(n.group);
                        case NodeKind::Option:
                            return fromStd(n.spec->name);
                    }
                    return {};
                case ValueColumn: {
                    if (role != Qt::DisplayRole || !isOption)
                        return value;
                    const auto shown = [&n](const QString& v) {
                        if (n.spec->type == core::ValueType::Bool)
                            return v == QLatin1String("1") ? tr("on") : tr("off");
                        return v;
                    };
                    // An all-hosts row says where a host runs with something else.
                    QStringList others;
                    if (n.host.isEmpty()) {
                        for (const QString& host : m_session->hosts()) {
                            const QString v = QString::fromStdString(
                                m_session->effectiveValue(host, fromStd(n.spec->name)));
                            if (v != value)
                                others << tr("%1: %2").arg(hostDisplayName(host.toStdString()),
                                                           shown(v));
                        }
                    }
                    if (others.isEmpty())
                        return shown(value);
                    return tr("%1 (%2)").arg(shown(value), others.join(tr(", ")));
                }
                case DefaultColumn:
                    return def;
                case ColumnCount:
                    break;
            }
            return {};
        case Qt::CheckStateRole:
            if (index.column() == ValueColumn && isOption && n.spec->type == core::ValueType::Bool)
                return value == QLatin1String("1") ? Qt::Checked : Qt::Unchecked;
            return {};
        case Qt::FontRole:
            if (changed && index.column() != DefaultColumn) {
                QFont f;
                f.setBold(true);
                return f;
            }
            if (n.kind == NodeKind::Scope || n.kind == NodeKind::Profile) {
                QFont f;
                f.setBold(true);
                return f;
            }
            return {};
        case Qt::ToolTipRole:
        case DescriptionRole:
            if (isOption && n.spec->description != nullptr && *n.spec->description != '\0')
                return QCoreApplication::translate("closelab::Options", n.spec->description);
            return {};
        case NodeKindRole:
            switch (n.kind) {
                case NodeKind::Profile:
                    return QStringLiteral("profile");
                case NodeKind::Scope:
                    return QStringLiteral("scope");
                case NodeKind::Group:
                    return QStringLiteral("group");
                case NodeKind::Option:
                    return QStringLiteral("option");
            }
            return {};
        case OptionNameRole:
            return isOption ? fromStd(n.spec->name) : QString();
        case HostRole:
            return n.host;
        case ValueTypeRole:
            if (n.kind == NodeKind::Profile)
                return QStringLiteral("enum");
            return isOption ? typeName(n.spec->type) : QString();
        case ValueRole:
            return value;
        case DefaultRole:
            return def;
        case MinRole:
            return isOption ? QVariant(qint64(n.spec->min)) : QVariant();
        case MaxRole:
            return isOption ? QVariant(qint64(n.spec->max)) : QVariant();
        case EnumValuesRole: {
            if (n.kind == NodeKind::Profile)
                return profileNames();
            QStringList values;
            if (isOption) {
                for (auto v : n.spec->enumValues)
                    values << fromStd(v);
            }
            return values;
        }
        case UnitRole:
            return isOption ? fromStd(n.spec->unit) : QString();
        case IsChangedRole:
            return changed;
        case IsOverriddenRole:
            return isOption && m_session->overrideValue(n.host, fromStd(n.spec->name)).has_value();
        case KernelSourceRole:
            return isOption ? fromStd(n.spec->source) : QString();
        default:
            return {};
    }
}

bool OptionsModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || index.column() != ValueColumn)
        return false;
    const Node& n = *node(index);
    if (n.kind == NodeKind::Profile) {
        if (role != Qt::EditRole)
            return false;
        const auto profile = core::parseProfile(value.toString().toStdString());
        if (!profile) {
            emit m_session->errorOccurred(errorMessage(core::InputError(
                core::ErrorId::UnknownKernel, {{"kernel", value.toString().toStdString()}})));
            return false;
        }
        m_session->setProfile(*profile);
        return true;
    }
    if (n.kind != NodeKind::Option)
        return false;
    QString text;
    if (role == Qt::CheckStateRole)
        text = value.toInt() == Qt::Checked ? QStringLiteral("1") : QStringLiteral("0");
    else if (role == Qt::EditRole)
        text = value.typeId() == QMetaType::Bool
                   ? (value.toBool() ? QStringLiteral("1") : QStringLiteral("0"))
                   : value.toString().trimmed();
    else
        return false;
    const QString name = fromStd(n.spec->name);
    if (text.isEmpty()) {
        m_session->clearOption(n.host, name);
        return true;
    }
    // Session::setOption validates; the tree refreshes through optionsChanged.
    return m_session->setOption(n.host, name, text);
}

Qt::ItemFlags OptionsModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    const Node& n = *node(index);
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (n.kind == NodeKind::Option)
        f |= Qt::ItemNeverHasChildren;
    if (index.column() == ValueColumn) {
        if (n.kind == NodeKind::Profile)
            f |= Qt::ItemIsEditable;
        if (n.kind == NodeKind::Option) {
            f |= Qt::ItemIsEditable;
            if (n.spec->type == core::ValueType::Bool)
                f |= Qt::ItemIsUserCheckable;
        }
    }
    return f;
}

QVariant OptionsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (Column(section)) {
        case NameColumn:
            return tr("Option");
        case ValueColumn:
            return tr("Value");
        case DefaultColumn:
            return tr("Default");
        case ColumnCount:
            break;
    }
    return {};
}

QHash<int, QByteArray> OptionsModel::roleNames() const {
    auto names = QAbstractItemModel::roleNames();
    names.insert({
        {NodeKindRole, "nodeKind"},
        {OptionNameRole, "optionName"},
        {HostRole, "host"},
        {ValueTypeRole, "valueType"},
        {ValueRole, "value"},
        {DefaultRole, "defaultValue"},
        {MinRole, "minimum"},
        {MaxRole, "maximum"},
        {EnumValuesRole, "enumValues"},
        {UnitRole, "unit"},
        {IsChangedRole, "isChanged"},
        {IsOverriddenRole, "isOverridden"},
        {DescriptionRole, "description"},
        {KernelSourceRole, "kernelSource"},
    });
    return names;
}

void OptionsModel::resetAll() {
    m_session->resetOptions();
}

void OptionsModel::resetIndex(const QModelIndex& index) {
    const Node* n = node(index);
    if (n == nullptr)
        return;
    if (n->kind == NodeKind::Option) {
        m_session->clearOption(n->host, fromStd(n->spec->name));
        return;
    }
    if (n->kind == NodeKind::Profile) {
        if (const auto scenario = m_session->scenario())
            m_session->setProfile(scenario->kernel);
        return;
    }
    const std::string host = n->host.toStdString();
    const auto overrides = m_session->overrides();
    for (const auto& o : overrides) {
        if (o.host == host && (n->kind == NodeKind::Scope || core::findOption(o.name) == nullptr ||
                               core::findOption(o.name)->kind == n->group))
            m_session->clearOption(n->host, QString::fromStdString(o.name));
    }
}

QStringList OptionsModel::importSysctlConf(const QString& text, const QString& host) {
    QStringList problems;
    static const QRegularExpression line(
        QStringLiteral("^\\s*(-?)\\s*([^=\\s]+)\\s*=\\s*(.*?)\\s*$"));
    const QStringList lines = text.split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QString raw = lines[i].trimmed();
        if (raw.isEmpty() || raw.startsWith(u'#') || raw.startsWith(u';'))
            continue;
        const auto m = line.match(raw);
        if (!m.hasMatch()) {
            problems << tr("line %1: expected name = value, got '%2'").arg(i + 1).arg(raw);
            continue;
        }
        QString name = m.captured(2);
        name.replace(u'/', u'.');
        const QString value = m.captured(3).simplified();
        const core::OptionSpec* spec = core::findOption(name.toStdString());
        if (spec == nullptr || spec->kind != core::OptionKind::Sysctl) {
            problems << tr("line %1: %2 is not modelled by closelab; skipped").arg(i + 1).arg(name);
            continue;
        }
        try {
            core::parseOptionValue(spec->name, value.toStdString(), m_session->profile());
        } catch (const core::InputError& e) {
            problems << tr("line %1: %2").arg(i + 1).arg(errorMessage(e));
            continue;
        }
        m_session->setOption(host, name, value);
    }
    return problems;
}

QModelIndex OptionsModel::indexOfOption(const QString& host, const QString& name,
                                        int column) const {
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        const Node& n = m_nodes[i];
        if (n.kind == NodeKind::Option && n.host == host && fromStd(n.spec->name) == name)
            return createIndex(n.row, column, quintptr(i));
    }
    return {};
}

void OptionsModel::retranslate() {
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    for (int top : m_top) {
        const Node& n = m_nodes[std::size_t(top)];
        emit dataChanged(createIndex(n.row, 0, quintptr(top)),
                         createIndex(n.row, ColumnCount - 1, quintptr(top)));
        for (int g : n.children) {
            const Node& group = m_nodes[std::size_t(g)];
            emit dataChanged(createIndex(group.row, 0, quintptr(g)),
                             createIndex(group.row, ColumnCount - 1, quintptr(g)));
        }
    }
    refreshValues();
}

}  // namespace closelab::models
