#include "models/app_info.h"

#include <QCoreApplication>

namespace closelab::models {

QString applicationTitle() {
    return QCoreApplication::translate("AppInfo", "closelab — TCP close lab");
}

QString applicationSummary() {
    return QCoreApplication::translate(
        "AppInfo", "How TCP closes a connection, and what Linux really does around it.");
}

}  // namespace closelab::models
