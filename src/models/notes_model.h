#pragma once

#include <QAbstractListModel>
#include <QString>

#include <memory>

#include "models/note_context.h"

namespace closelab::core {
struct Recording;
}

namespace closelab::models {

// The explanation panel's source: every note of the run as a sentence in the user's language,
// with "why it happens" and the kernel function or RFC section it comes from. The note at (or last
// before) the playback time is the current one; currentHtml() links state names, sysctl and socket
// option names to the glossary ("glossary:TIME_WAIT", "glossary:net.ipv4.tcp_tw_reuse").
class NotesModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int currentRow READ currentRow NOTIFY currentChanged)
    Q_PROPERTY(QString currentSentence READ currentSentence NOTIFY currentChanged)
    Q_PROPERTY(QString currentWhy READ currentWhy NOTIFY currentChanged)
    Q_PROPERTY(QString currentHtml READ currentHtml NOTIFY currentChanged)

public:
    enum Role {
        TimeUsRole = Qt::UserRole + 1,
        SentenceRole,  // translated
        WhyRole,       // translated, may be empty
        SourceRole,    // "tcp_time_wait()" (not translated)
        KeyRole,       // stable note key, "tw.enter"
        HostRole,      // host name argument, "" if none
        IsCurrentRole,
        IsPastRole,
    };
    Q_ENUM(Role)

    explicit NotesModel(QObject* parent = nullptr);

    void setRecording(std::shared_ptr<const core::Recording> recording);
    void setCurrentTime(qint64 us);
    qint64 timeOfRow(int row) const;

    int currentRow() const { return m_current; }
    QString currentSentence() const;
    QString currentWhy() const;
    // Sentence, why and source as rich text with glossary links, for a QTextBrowser.
    QString currentHtml() const;
    // Wraps known terms of `text` in glossary links; the rest is HTML-escaped.
    static QString linkTerms(const QString& text);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void retranslate();

signals:
    void currentChanged();

private:
    std::shared_ptr<const core::Recording> m_recording;
    NoteContext m_noteContext;
    qint64 m_timeUs = 0;
    int m_current = -1;
};

}  // namespace closelab::models
