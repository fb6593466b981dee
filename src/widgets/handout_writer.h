#pragma once

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace closelab::core {
struct Recording;
}

namespace closelab::models {
struct HandoutContent;
}

namespace closelab::widgets {

// Writes a lesson handout as an A4 PDF: a title page (title, description, lesson, the options
// that differ from the defaults, the date) and one page per beat with the ladder up to that
// beat (vector drawing through LadderPainter) and the beat's caption and speaker notes. A run
// without beats gets one page with its whole ladder. Text stays text (fonts embedded, Chinese
// included), so the PDF prints sharply and can be searched.
class HandoutWriter {
    Q_DECLARE_TR_FUNCTIONS(closelab::widgets::HandoutWriter)
public:
    // false when the file cannot be written; the reason is in *error (translated).
    static bool write(const QString& file, const models::HandoutContent& content,
                      std::shared_ptr<const core::Recording> recording, QString* error = nullptr);
    // How many pages write() produces for this content.
    static int pageCount(const models::HandoutContent& content);
};

}  // namespace closelab::widgets
