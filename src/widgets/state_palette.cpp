#include "widgets/state_palette.h"

#include <QHash>

namespace closelab::widgets {

QColor stateColor(const QString& stateName) {
    static const QHash<QString, QColor> kColors{
        {QStringLiteral("ESTABLISHED"), QColor(0x2e, 0x7d, 0x32)},
        {QStringLiteral("SYN_SENT"), QColor(0x90, 0xa4, 0xae)},
        {QStringLiteral("SYN_RECV"), QColor(0x60, 0x7d, 0x8b)},
        {QStringLiteral("FIN_WAIT_1"), QColor(0xf9, 0xa8, 0x25)},
        {QStringLiteral("FIN_WAIT_2"), QColor(0xef, 0x6c, 0x00)},
        {QStringLiteral("TIME_WAIT"), QColor(0xc6, 0x28, 0x28)},
        {QStringLiteral("CLOSE_WAIT"), QColor(0x6a, 0x1b, 0x9a)},
        {QStringLiteral("LAST_ACK"), QColor(0x15, 0x65, 0xc0)},
        {QStringLiteral("CLOSING"), QColor(0xad, 0x14, 0x57)},
        {QStringLiteral("LISTEN"), QColor(0x00, 0x83, 0x8f)},
        {QStringLiteral("CLOSED"), QColor(0x75, 0x75, 0x75)},
    };
    const auto it = kColors.constFind(stateName);
    if (it != kColors.constEnd())
        return *it;
    return QColor::fromHsv(int(qHash(stateName) % 360), 120, 150);
}

}  // namespace closelab::widgets
