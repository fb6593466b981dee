#include "models/scenario_list_model.h"

#include <QCoreApplication>

#include <array>
#include <utility>

#include "core/error.h"

namespace closelab::models {

namespace {

constexpr quintptr kTopicRow = 0;  // internalId of topic rows; scenario rows store topic + 1

constexpr std::array<std::pair<const char*, const char*>, 8> kTopics{{
    {"basics", QT_TRANSLATE_NOOP("closelab::Topics", "Basics: the four-way close")},
    {"time_wait", QT_TRANSLATE_NOOP("closelab::Topics", "TIME_WAIT")},
    {"close_wait", QT_TRANSLATE_NOOP("closelab::Topics", "CLOSE_WAIT")},
    {"options", QT_TRANSLATE_NOOP("closelab::Topics", "Kernel and socket options")},
    {"ports", QT_TRANSLATE_NOOP("closelab::Topics", "Ephemeral ports")},
    {"nat", QT_TRANSLATE_NOOP("closelab::Topics", "NAT and timestamps")},
    {"abort", QT_TRANSLATE_NOOP("closelab::Topics", "Resets and aborts")},
    {"user", QT_TRANSLATE_NOOP("closelab::Topics", "Opened files")},
}};

}  // namespace

ScenarioListModel::ScenarioListModel(QObject* parent) : QAbstractItemModel(parent) {}

QString ScenarioListModel::topicTitle(const QString& key) {
    for (const auto& [k, text] : kTopics) {
        if (key == QLatin1String(k))
            return QCoreApplication::translate("closelab::Topics", text);
    }
    return key;
}

int ScenarioListModel::loadBuiltins() {
    beginResetModel();
    m_topics.clear();
    int loaded = 0;
    for (const auto& builtin : core::builtinScenarios()) {
        try {
            const core::Scenario s = core::parseScenario(builtin.json, builtin.id);
            const QString key = QString::fromStdString(s.topic);
            auto it = std::find_if(m_topics.begin(), m_topics.end(),
                                   [&](const Topic& t) { return t.key == key; });
            if (it == m_topics.end())
                it = m_topics.insert(m_topics.end(), Topic{key, {}});
            it->entries.push_back({s.id, s.title, s.description, s.lesson, {}});
            ++loaded;
        } catch (const core::InputError&) {
            // A broken built-in is an engine bug caught by its own tests; skip it here.
        }
    }
    endResetModel();
    return loaded;
}

QModelIndex ScenarioListModel::addScenario(const core::Scenario& scenario, const QString& source) {
    const QString key = QStringLiteral("user");
    auto topicIt = std::find_if(m_topics.begin(), m_topics.end(),
                                [&](const Topic& t) { return t.key == key; });
    if (topicIt == m_topics.end()) {
        const int row = int(m_topics.size());
        beginInsertRows({}, row, row);
        m_topics.push_back(Topic{key, {}});
        endInsertRows();
        topicIt = m_topics.end() - 1;
    }
    const int topicRow = int(topicIt - m_topics.begin());
    const QModelIndex topicIndex = index(topicRow, 0);
    Entry entry{scenario.id, scenario.title, scenario.description, scenario.lesson, source};
    auto& entries = topicIt->entries;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (entries[i].id == scenario.id) {
            entries[i] = std::move(entry);
            const QModelIndex idx = index(int(i), 0, topicIndex);
            emit dataChanged(idx, idx);
            return idx;
        }
    }
    const int row = int(entries.size());
    beginInsertRows(topicIndex, row, row);
    entries.push_back(std::move(entry));
    endInsertRows();
    return index(row, 0, topicIndex);
}

void ScenarioListModel::setLanguage(const QString& code) {
    if (code == m_language)
        return;
    m_language = code;
    retranslate();
}

void ScenarioListModel::retranslate() {
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    for (int t = 0; t < int(m_topics.size()); ++t) {
        const QModelIndex topic = index(t, 0);
        emit dataChanged(topic, topic);
        if (!m_topics[std::size_t(t)].entries.empty()) {
            emit dataChanged(index(0, 0, topic),
                             index(int(m_topics[std::size_t(t)].entries.size()) - 1, 0, topic));
        }
    }
}

QString ScenarioListModel::text(const core::LocalizedText& t) const {
    const bool chinese = m_language.startsWith(QLatin1String("zh"));
    const std::string& s = chinese && !t.zhCN.empty() ? t.zhCN : (t.en.empty() ? t.zhCN : t.en);
    return QString::fromStdString(s);
}

QModelIndex ScenarioListModel::indexOfId(const QString& id) const {
    const std::string wanted = id.toStdString();
    for (std::size_t t = 0; t < m_topics.size(); ++t) {
        const auto& entries = m_topics[t].entries;
        for (std::size_t i = 0; i < entries.size(); ++i) {
            if (entries[i].id == wanted)
                return index(int(i), 0, index(int(t), 0));
        }
    }
    return {};
}

QString ScenarioListModel::scenarioId(const QModelIndex& index) const {
    const Entry* e = entry(index);
    return e ? QString::fromStdString(e->id) : QString();
}

int ScenarioListModel::scenarioCount() const {
    int n = 0;
    for (const auto& t : m_topics)
        n += int(t.entries.size());
    return n;
}

const ScenarioListModel::Entry* ScenarioListModel::entry(const QModelIndex& index) const {
    if (!index.isValid() || index.internalId() == kTopicRow)
        return nullptr;
    const auto topic = std::size_t(index.internalId() - 1);
    if (topic >= m_topics.size() || index.row() >= int(m_topics[topic].entries.size()))
        return nullptr;
    return &m_topics[topic].entries[std::size_t(index.row())];
}

QModelIndex ScenarioListModel::index(int row, int column, const QModelIndex& parent) const {
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kTopicRow);
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex ScenarioListModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || child.internalId() == kTopicRow)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kTopicRow);
}

int ScenarioListModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid())
        return int(m_topics.size());
    if (parent.column() != 0 || parent.internalId() != kTopicRow)
        return 0;
    return int(m_topics[std::size_t(parent.row())].entries.size());
}

int ScenarioListModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

QVariant ScenarioListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == kTopicRow) {
        const Topic& topic = m_topics[std::size_t(index.row())];
        switch (role) {
            case Qt::DisplayRole:
            case TitleRole:
            case TopicTitleRole:
                return topicTitle(topic.key);
            case TopicRole:
                return topic.key;
            case IsTopicRole:
                return true;
            case IdRole:
                return QString();
            default:
                return {};
        }
    }
    const Entry* e = entry(index);
    if (e == nullptr)
        return {};
    const Topic& topic = m_topics[std::size_t(index.internalId() - 1)];
    switch (role) {
        case Qt::DisplayRole:
        case TitleRole:
            return text(e->title);
        case Qt::ToolTipRole:
        case DescriptionRole:
            return text(e->description);
        case LessonRole:
            return text(e->lesson);
        case IdRole:
            return QString::fromStdString(e->id);
        case TopicRole:
            return topic.key;
        case TopicTitleRole:
            return topicTitle(topic.key);
        case IsTopicRole:
            return false;
        case IsBuiltinRole:
            return e->source.isEmpty();
        case SourceRole:
            return e->source;
        default:
            return {};
    }
}

QVariant ScenarioListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section != TitleColumn)
        return {};
    return tr("Scenario");
}

Qt::ItemFlags ScenarioListModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.internalId() == kTopicRow)
        return Qt::ItemIsEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> ScenarioListModel::roleNames() const {
    auto names = QAbstractItemModel::roleNames();
    names.insert({
        {IdRole, "scenarioId"},
        {TitleRole, "title"},
        {DescriptionRole, "description"},
        {LessonRole, "lesson"},
        {TopicRole, "topic"},
        {TopicTitleRole, "topicTitle"},
        {IsTopicRole, "isTopic"},
        {IsBuiltinRole, "isBuiltin"},
        {SourceRole, "source"},
    });
    return names;
}

}  // namespace closelab::models
