#include "models/ladder_palette.h"

#include <QHash>

namespace closelab::models {

QColor LadderPalette::state(const QString& stateName) {
    static const QHash<QString, QColor> colors{
        {QStringLiteral("LISTEN"), QColor(0xbf, 0xdb, 0xfe)},
        {QStringLiteral("SYN_SENT"), QColor(0x93, 0xc5, 0xfd)},
        {QStringLiteral("SYN_RECV"), QColor(0x93, 0xc5, 0xfd)},
        {QStringLiteral("ESTABLISHED"), QColor(0x86, 0xef, 0xac)},
        {QStringLiteral("FIN_WAIT_1"), QColor(0xfd, 0xe6, 0x8a)},
        {QStringLiteral("FIN_WAIT_2"), QColor(0xfd, 0xe6, 0x8a)},
        {QStringLiteral("CLOSING"), QColor(0xfd, 0xba, 0x74)},
        {QStringLiteral("LAST_ACK"), QColor(0xfd, 0xba, 0x74)},
        {QStringLiteral("CLOSE_WAIT"), QColor(0xfc, 0xa5, 0xa5)},
        {QStringLiteral("TIME_WAIT"), QColor(0xc4, 0xb5, 0xfd)},
    };
    return colors.value(stateName, QColor(0xe5, 0xe7, 0xeb));
}

QColor LadderPalette::named(const QString& name) {
    static const QHash<QString, QColor> colors{
        {QStringLiteral("background"), QColor(0xfb, 0xfb, 0xf8)},
        {QStringLiteral("highlight"), QColor(0x1a, 0x56, 0xdb)},
        {QStringLiteral("arrow"), QColor(0x1f, 0x29, 0x37)},
        {QStringLiteral("lost"), QColor(0xc8, 0x1e, 0x1e)},
        {QStringLiteral("delayed"), QColor(0xb4, 0x53, 0x09)},
        {QStringLiteral("timer"), QColor(0x7e, 0x3a, 0xf2)},
        {QStringLiteral("break"), QColor(0xe5, 0xe7, 0xeb)},
        {QStringLiteral("breakLine"), QColor(0x6b, 0x72, 0x80)},
        {QStringLiteral("lifeline"), QColor(0x9c, 0xa3, 0xaf)},
    };
    return colors.value(name);
}

}  // namespace closelab::models
