#pragma once

#include <QAbstractTableModel>
#include <QList>

#include "models/progress_store.h"

namespace closelab::models {

class QuestionSource;

// Accuracy per topic from the progress store, weakest first (the Practice tab's "weak topics").
class TopicProgressModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TopicColumn, AttemptsColumn, AccuracyColumn, ConfidentWrongColumn, ColumnCount };
    enum Role { TopicIdRole = Qt::UserRole + 1, AccuracyRole };

    TopicProgressModel(const ProgressStore* store, const QuestionSource* source,
                       QObject* parent = nullptr);

    // Re-reads the store (connected to ProgressStore::changed).
    void refresh();
    void retranslate();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    const ProgressStore* m_store;
    const QuestionSource* m_source;
    QList<TopicProgress> m_rows;
};

// The questions last answered wrong (错题本), newest first; confident-but-wrong ones marked.
class MistakesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { QuestionColumn, TopicColumn, AnswerColumn, TimesColumn, WhenColumn, ColumnCount };
    enum Role { QuestionIdRole = Qt::UserRole + 1, ConfidentWrongRole, VariantSeedRole };

    MistakesModel(const ProgressStore* store, const QuestionSource* source,
                  QObject* parent = nullptr);

    void refresh();
    // Titles follow the language.
    void setChinese(bool chinese);
    void retranslate();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void readTitles();

    const ProgressStore* m_store;
    const QuestionSource* m_source;
    bool m_chinese = false;
    QList<Mistake> m_rows;
    QHash<QString, QString> m_titles;
};

}  // namespace closelab::models
