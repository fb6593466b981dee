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

QStringList LadderPalette::themes() {
    return {QStringLiteral("standard"), QStringLiteral("projector"), QStringLiteral("dark")};
}

QColor LadderPalette::state(const QString& stateName, const QString& theme) {
    if (theme != QLatin1String("projector") && theme != QLatin1String("dark"))
        return state(stateName);
    // Saturated versions of the families: pastel bands vanish on a projector's grey-white.
    static const QHash<QString, QColor> colors{
        {QStringLiteral("LISTEN"), QColor(0x60, 0xa5, 0xfa)},
        {QStringLiteral("SYN_SENT"), QColor(0x3b, 0x82, 0xf6)},
        {QStringLiteral("SYN_RECV"), QColor(0x3b, 0x82, 0xf6)},
        {QStringLiteral("ESTABLISHED"), QColor(0x16, 0xa3, 0x4a)},
        {QStringLiteral("FIN_WAIT_1"), QColor(0xea, 0xb3, 0x08)},
        {QStringLiteral("FIN_WAIT_2"), QColor(0xea, 0xb3, 0x08)},
        {QStringLiteral("CLOSING"), QColor(0xf9, 0x73, 0x16)},
        {QStringLiteral("LAST_ACK"), QColor(0xf9, 0x73, 0x16)},
        {QStringLiteral("CLOSE_WAIT"), QColor(0xdc, 0x26, 0x26)},
        {QStringLiteral("TIME_WAIT"), QColor(0x7c, 0x3a, 0xed)},
    };
    return colors.value(stateName, QColor(0x9c, 0xa3, 0xaf));
}

QColor LadderPalette::named(const QString& name, const QString& theme) {
    static const QHash<QString, QColor> projector{
        {QStringLiteral("background"), QColor(0xff, 0xff, 0xff)},
        {QStringLiteral("highlight"), QColor(0x00, 0x33, 0xcc)},
        {QStringLiteral("arrow"), QColor(0x00, 0x00, 0x00)},
        {QStringLiteral("lost"), QColor(0xd0, 0x00, 0x00)},
        {QStringLiteral("delayed"), QColor(0xa0, 0x40, 0x00)},
        {QStringLiteral("timer"), QColor(0x5b, 0x21, 0xb6)},
        {QStringLiteral("break"), QColor(0xe5, 0xe5, 0xe5)},
        {QStringLiteral("breakLine"), QColor(0x33, 0x33, 0x33)},
        {QStringLiteral("lifeline"), QColor(0x44, 0x44, 0x44)},
        {QStringLiteral("banner"), QColor(0xff, 0xff, 0xff)},
        {QStringLiteral("mark"), QColor(0x44, 0x44, 0x44)},
    };
    static const QHash<QString, QColor> dark{
        {QStringLiteral("background"), QColor(0x11, 0x18, 0x27)},
        {QStringLiteral("highlight"), QColor(0x7d, 0xb4, 0xff)},
        {QStringLiteral("arrow"), QColor(0xf3, 0xf4, 0xf6)},
        {QStringLiteral("lost"), QColor(0xff, 0x6b, 0x6b)},
        {QStringLiteral("delayed"), QColor(0xfb, 0xbf, 0x24)},
        {QStringLiteral("timer"), QColor(0xc4, 0xb5, 0xfd)},
        {QStringLiteral("break"), QColor(0x1f, 0x29, 0x37)},
        {QStringLiteral("breakLine"), QColor(0xb0, 0xb7, 0xc3)},
        {QStringLiteral("lifeline"), QColor(0x9c, 0xa3, 0xaf)},
        {QStringLiteral("banner"), QColor(0x1f, 0x29, 0x37)},
        {QStringLiteral("mark"), QColor(0x9c, 0xa3, 0xaf)},
    };
    if (theme == QLatin1String("projector"))
        return projector.value(name);
    if (theme == QLatin1String("dark"))
        return dark.value(name);
    if (name == QLatin1String("banner"))
        return QColor(0xee, 0xf2, 0xff);
    if (name == QLatin1String("mark"))
        return QColor(0x9c, 0xa3, 0xaf);
    return named(name);
}

}  // namespace closelab::models
