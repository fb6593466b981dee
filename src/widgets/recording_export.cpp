#include "widgets/recording_export.h"

#include <QSaveFile>
#include <QStringList>

#include "core/recording.h"
#include "core/recording_json.h"
#include "models/sequence_numbers.h"

namespace closelab::widgets {

namespace {

QString field(const std::string& text) {
    QString s = QString::fromStdString(text);
    if (!s.contains(u',') && !s.contains(u'"') && !s.contains(u'\n'))
        return s;
    s.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + s + u'"';
}

bool writeFile(const QString& file, const QByteArray& bytes) {
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        return false;
    out.write(bytes);
    return out.commit();
}

}  // namespace

QString traceCsv(const core::Recording& recording) {
    QString csv = QStringLiteral(
        "t_us,from,to,src,dst,flags,seq,ack,len,tsval,tsecr,fate,arrive_us,reason,rel_seq,"
        "rel_ack\n");
    const models::SequenceNumbers numbers(recording);
    for (const core::RecSegment& s : recording.segments) {
        QStringList flags;
        for (const std::string& f : core::flagNames(s.flags))
            flags << QString::fromStdString(f);
        const QStringList row{
            QString::number(s.tUs),
            field(s.from),
            field(s.to),
            field(s.src),
            field(s.dst),
            flags.join(u'|'),
            QString::number(s.seq),
            QString::number(s.ack),
            QString::number(s.len),
            s.hasTs ? QString::number(s.tsval) : QString(),
            s.hasTs ? QString::number(s.tsecr) : QString(),
            field(std::string(core::fateName(s.fate))),
            s.arriveUs >= 0 ? QString::number(s.arriveUs) : QString(),
            field(s.reason),
            QString::number(numbers.seq(s)),
            QString::number(numbers.ack(s)),
        };
        csv += row.join(u',') + u'\n';
    }
    return csv;
}

bool writeTraceCsv(const core::Recording& recording, const QString& file) {
    return writeFile(file, traceCsv(recording).toUtf8());
}

bool writeRecordingJson(const core::Recording& recording, const QString& file) {
    // The CLI's document, with each segment's relative numbers beside the absolute ones.
    nlohmann::ordered_json json = core::toJson(recording);
    const models::SequenceNumbers numbers(recording);
    auto& segments = json["segments"];
    for (std::size_t i = 0; i < recording.segments.size() && i < segments.size(); ++i) {
        segments[i]["rel_seq"] = numbers.seq(recording.segments[i]);
        segments[i]["rel_ack"] = numbers.ack(recording.segments[i]);
    }
    const std::string text = json.dump(2) + '\n';
    return writeFile(file, QByteArray(text.data(), qsizetype(text.size())));
}

}  // namespace closelab::widgets
