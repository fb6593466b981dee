#include "models/notes_model.h"

#include <QFont>
#include <QRegularExpression>

#include <algorithm>

#include "core/recording.h"
#include "models/current_note.h"
#include "models/note_text.h"
#include "models/time_format.h"

namespace closelab::models {

NotesModel::NotesModel(QObject* parent) : QAbstractListModel(parent) {}

void NotesModel::setRecording(std::shared_ptr<const core::Recording> recording) {
    beginResetModel();
    m_recording = std::move(recording);
    m_noteContext = m_recording ? NoteContext(*m_recording) : NoteContext();
    m_current = -2;
    endResetModel();
    const qint64 t = m_timeUs;
    m_timeUs = -1;
    setCurrentTime(t);
}

void NotesModel::setCurrentTime(qint64 us) {
    if (us == m_timeUs)
        return;
    m_timeUs = us;
    const int row = m_recording ? currentNoteIndex(m_recording->notes, us) : -1;
    if (row == m_current)
        return;
    const int old = m_current;
    m_current = row;
    if (rowCount() > 0) {
        const int first = std::clamp(std::min(old, row), 0, rowCount() - 1);
        const int last = std::clamp(std::max(old, row), 0, rowCount() - 1);
        emit dataChanged(index(first), index(last), {Qt::FontRole, IsCurrentRole, IsPastRole});
    }
    emit currentChanged();
}

qint64 NotesModel::timeOfRow(int row) const {
    if (!m_recording || row < 0 || row >= rowCount())
        return 0;
    return m_recording->notes[std::size_t(row)].t;
}

QString NotesModel::currentSentence() const {
    if (!m_recording || m_current < 0)
        return {};
    return noteSentence(m_recording->notes[std::size_t(m_current)], m_noteContext);
}

QString NotesModel::currentWhy() const {
    if (!m_recording || m_current < 0)
        return {};
    return noteWhy(m_recording->notes[std::size_t(m_current)], m_noteContext);
}

QString NotesModel::linkTerms(const QString& text) {
    // State names, sysctls (net.ipv4.*), socket options (SO_*, TCP_*) and closelab knobs.
    static const QRegularExpression terms(QStringLiteral(
        "\\b(CLOSED|LISTEN|SYN_SENT|SYN_RECV|ESTABLISHED|FIN_WAIT_1|FIN_WAIT_2|CLOSE_WAIT|CLOSING|"
        "LAST_ACK|TIME_WAIT|net\\.ipv4\\.[a-z0-9_]+|SO_[A-Z]+|TCP_[A-Z0-9_]+|closelab\\.[a-z_]+|"
        "PAWS|RST|FIN|SYN|MSL|RTO|NAT)\\b"));
    QString html;
    qsizetype last = 0;
    auto it = terms.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        html += text.mid(last, m.capturedStart() - last).toHtmlEscaped();
        html += QStringLiteral("<a href=\"glossary:%1\">%1</a>").arg(m.captured(1));
        last = m.capturedEnd();
    }
    html += text.mid(last).toHtmlEscaped();
    return html;
}

QString NotesModel::currentHtml() const {
    if (!m_recording || m_current < 0)
        return {};
    const core::Note& note = m_recording->notes[std::size_t(m_current)];
    QString html =
        QStringLiteral("<p><b>%1</b> %2</p>")
            .arg(formatTime(note.t).toHtmlEscaped(), linkTerms(noteSentence(note, m_noteContext)));
    const QString why = noteWhy(note, m_noteContext);
    if (!why.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(linkTerms(why));
    const char* source = core::noteSource(note.id);
    if (source != nullptr && *source != '\0')
        html += QStringLiteral("<p><i>%1</i></p>")
                    .arg(tr("Kernel source: %1").arg(QString::fromUtf8(source).toHtmlEscaped()));
    return html;
}

int NotesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_recording ? 0 : int(m_recording->notes.size());
}

QVariant NotesModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::Note& note = m_recording->notes[std::size_t(index.row())];
    switch (role) {
        case Qt::DisplayRole:
            return tr("%1  %2").arg(formatTime(note.t), noteSentence(note, m_noteContext));
        case Qt::ToolTipRole:
        case WhyRole:
            return noteWhy(note, m_noteContext);
        case Qt::FontRole:
            if (index.row() == m_current) {
                QFont f;
                f.setBold(true);
                return f;
            }
            return {};
        case TimeUsRole:
            return qint64(note.t);
        case SentenceRole:
            return noteSentence(note, m_noteContext);
        case SourceRole:
            return QString::fromUtf8(core::noteSource(note.id));
        case KeyRole:
            return QString::fromUtf8(core::noteKey(note.id).data(),
                                     qsizetype(core::noteKey(note.id).size()));
        case HostRole: {
            const auto host = note.arg("host");
            return QString::fromUtf8(host.data(), qsizetype(host.size()));
        }
        case IsCurrentRole:
            return index.row() == m_current;
        case IsPastRole:
            return index.row() <= m_current;
        default:
            return {};
    }
}

QHash<int, QByteArray> NotesModel::roleNames() const {
    auto names = QAbstractListModel::roleNames();
    names.insert({
        {TimeUsRole, "timeUs"},
        {SentenceRole, "sentence"},
        {WhyRole, "why"},
        {SourceRole, "source"},
        {KeyRole, "key"},
        {HostRole, "host"},
        {IsCurrentRole, "isCurrent"},
        {IsPastRole, "isPast"},
    });
    return names;
}

void NotesModel::retranslate() {
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1));
    emit currentChanged();
}

}  // namespace closelab::models
