#pragma once

#include <QAbstractItemModel>
#include <QString>

#include <string>
#include <vector>

#include "core/scenario.h"

namespace closelab::models {

// The scenario browser: a two-level tree, topics (translated) with their scenarios below. Titles,
// descriptions and lessons come from the scenario JSON in the current language, falling back to
// the language the file has. Built-ins are loaded with loadBuiltins(); opened files are added.
class ScenarioListModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Column { TitleColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,  // scenario id ("" on topic rows)
        TitleRole,
        DescriptionRole,
        LessonRole,
        TopicRole,       // topic key, e.g. "time_wait"
        TopicTitleRole,  // translated topic
        IsTopicRole,
        IsBuiltinRole,
        SourceRole,  // file path for opened files, "" for built-ins
    };
    Q_ENUM(Role)

    explicit ScenarioListModel(QObject* parent = nullptr);

    // Parses every embedded built-in (in teaching order). Returns how many were loaded.
    int loadBuiltins();
    // Adds (or replaces, same id) a scenario opened from a file; returns its index.
    QModelIndex addScenario(const core::Scenario& scenario, const QString& source);

    // "en" or "zh_CN": which language of the scenario texts to show.
    QString language() const { return m_language; }
    void setLanguage(const QString& code);

    QModelIndex indexOfId(const QString& id) const;
    QString scenarioId(const QModelIndex& index) const;
    int scenarioCount() const;
    // Translated name of a topic key ("time_wait" -> "TIME_WAIT", "ports" -> "Ports" ...).
    static QString topicTitle(const QString& key);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Headers and topic names in the new language (call on QEvent::LanguageChange).
    void retranslate();

private:
    struct Entry {
        std::string id;
        core::LocalizedText title;
        core::LocalizedText description;
        core::LocalizedText lesson;
        QString source;
    };
    struct Topic {
        QString key;
        std::vector<Entry> entries;
    };
    const Entry* entry(const QModelIndex& index) const;
    QString text(const core::LocalizedText& t) const;

    std::vector<Topic> m_topics;
    QString m_language = QStringLiteral("en");
};

}  // namespace closelab::models
