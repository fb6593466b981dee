#include "models/practice_models.h"

#include <QLocale>

#include "models/question_source.h"

namespace closelab::models {

TopicProgressModel::TopicProgressModel(const ProgressStore* store, const QuestionSource* source,
                                       QObject* parent)
    : QAbstractTableModel(parent), m_store(store), m_source(source) {
    refresh();
    connect(store, &ProgressStore::changed, this, &TopicProgressModel::refresh);
}

void TopicProgressModel::refresh() {
    beginResetModel();
    m_rows = m_store->topicProgress();
    endResetModel();
}

void TopicProgressModel::retranslate() {
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

int TopicProgressModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TopicProgressModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TopicProgressModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TopicProgress& t = m_rows[index.row()];
    switch (role) {
        case TopicIdRole:
            return t.topic;
        case AccuracyRole:
            return t.accuracy();
        case Qt::TextAlignmentRole:
            return index.column() == TopicColumn ? QVariant()
                                                 : QVariant(Qt::AlignRight | Qt::AlignVCenter);
        case Qt::DisplayRole:
            switch (Column(index.column())) {
                case TopicColumn:
                    return m_source ? m_source->topicName(t.topic) : t.topic;
                case AttemptsColumn:
                    return t.attempts;
                case AccuracyColumn:
                    return tr("%1 %").arg(QLocale().toString(100.0 * t.accuracy(), 'f', 0));
                case ConfidentWrongColumn:
                    return t.confidentWrong;
                case ColumnCount:
                    break;
            }
            break;
        case Qt::ToolTipRole:
            if (index.column() == ConfidentWrongColumn)
                return tr("Answers you were sure of that were wrong: the misconceptions to fix");
            break;
        default:
            break;
    }
    return {};
}

QVariant TopicProgressModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
        case TopicColumn:
            return tr("Topic");
        case AttemptsColumn:
            return tr("Answers");
        case AccuracyColumn:
            return tr("Right");
        case ConfidentWrongColumn:
            return tr("Sure but wrong");
        case ColumnCount:
            break;
    }
    return {};
}

QHash<int, QByteArray> TopicProgressModel::roleNames() const {
    auto names = QAbstractTableModel::roleNames();
    names.insert(TopicIdRole, "topicId");
    names.insert(AccuracyRole, "accuracy");
    return names;
}

MistakesModel::MistakesModel(const ProgressStore* store, const QuestionSource* source,
                             QObject* parent)
    : QAbstractTableModel(parent), m_store(store), m_source(source) {
    readTitles();
    refresh();
    connect(store, &ProgressStore::changed, this, &MistakesModel::refresh);
}

void MistakesModel::readTitles() {
    m_titles.clear();
    if (!m_source)
        return;
    for (const QuestionInfo& q : m_source->questions(m_chinese))
        m_titles.insert(q.id, q.title);
}

void MistakesModel::refresh() {
    beginResetModel();
    m_rows = m_store->mistakes();
    endResetModel();
}

void MistakesModel::setChinese(bool chinese) {
    if (chinese == m_chinese)
        return;
    m_chinese = chinese;
    readTitles();
    retranslate();
}

void MistakesModel::retranslate() {
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

int MistakesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MistakesModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MistakesModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Mistake& m = m_rows[index.row()];
    switch (role) {
        case QuestionIdRole:
            return m.last.questionId;
        case ConfidentWrongRole:
            return m.last.confidentWrong();
        case VariantSeedRole:
            return QVariant::fromValue<qulonglong>(m.last.variantSeed);
        case Qt::DisplayRole:
            switch (Column(index.column())) {
                case QuestionColumn: {
                    const QString title = m_titles.value(m.last.questionId, m.last.questionId);
                    // The mark of an answer given with confidence that was wrong.
                    return m.last.confidentWrong() ? tr("⚠ %1").arg(title) : title;
                }
                case TopicColumn:
                    return m_source ? m_source->topicName(m.last.topic) : m.last.topic;
                case AnswerColumn:
                    return m.last.answer;
                case TimesColumn:
                    return m.wrongCount;
                case WhenColumn:
                    return QLocale().toString(m.last.answeredAt.toLocalTime(),
                                              QLocale::ShortFormat);
                case ColumnCount:
                    break;
            }
            break;
        case Qt::ToolTipRole:
            if (m.last.confidentWrong())
                return tr("You were sure of this answer, and it was wrong.");
            break;
        case Qt::TextAlignmentRole:
            return index.column() == TimesColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                 : QVariant();
        default:
            break;
    }
    return {};
}

QVariant MistakesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
        case QuestionColumn:
            return tr("Question");
        case TopicColumn:
            return tr("Topic");
        case AnswerColumn:
            return tr("Your answer");
        case TimesColumn:
            return tr("Wrong");
        case WhenColumn:
            return tr("Last tried");
        case ColumnCount:
            break;
    }
    return {};
}

QHash<int, QByteArray> MistakesModel::roleNames() const {
    auto names = QAbstractTableModel::roleNames();
    names.insert(QuestionIdRole, "questionId");
    names.insert(ConfidentWrongRole, "confidentWrong");
    names.insert(VariantSeedRole, "variantSeed");
    return names;
}

}  // namespace closelab::models
