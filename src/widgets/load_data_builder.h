#pragma once

#include <QCoreApplication>

#include "widgets/load_data.h"

namespace closelab::core {
struct LoadResult;
}

namespace closelab::widgets {

// Turns the load model's result into what the Load and Compare tabs draw, with the summary in
// the user's language (attempts, failures by errno, first failure, peaks, and the sustainable
// rate with the reason the ports allow it).
class LoadDataBuilder {
    Q_DECLARE_TR_FUNCTIONS(closelab::widgets::LoadDataBuilder)
public:
    static LoadData build(const core::LoadResult& result);
    static QString summaryHtml(const core::LoadResult& result);
    static QString reasonText(const QString& reasonId);
};

}  // namespace closelab::widgets
