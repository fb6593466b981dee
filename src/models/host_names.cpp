#include "models/host_names.h"

#include <QCoreApplication>

#include <array>
#include <utility>

namespace closelab::models {

namespace {

QString fromStd(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// lupdate sees these through QT_TRANSLATE_NOOP; the lookup happens at display time.
constexpr std::array<std::pair<const char*, const char*>, 7> kHosts{{
    {"client", QT_TRANSLATE_NOOP("closelab::Hosts", "Client")},
    {"client2", QT_TRANSLATE_NOOP("closelab::Hosts", "Client 2")},
    {"server", QT_TRANSLATE_NOOP("closelab::Hosts", "Server")},
    {"nat", QT_TRANSLATE_NOOP("closelab::Hosts", "NAT")},
    {"lb", QT_TRANSLATE_NOOP("closelab::Hosts", "Load balancer")},
    {"web", QT_TRANSLATE_NOOP("closelab::Hosts", "Web server")},
    {"db", QT_TRANSLATE_NOOP("closelab::Hosts", "Database")},
}};

constexpr std::array<std::pair<const char*, const char*>, 4> kFates{{
    {"delivered", QT_TRANSLATE_NOOP("closelab::Fates", "delivered")},
    {"lost", QT_TRANSLATE_NOOP("closelab::Fates", "lost")},
    {"dropped", QT_TRANSLATE_NOOP("closelab::Fates", "dropped")},
    {"delayed", QT_TRANSLATE_NOOP("closelab::Fates", "delayed")},
}};

// The reason codes the engine writes on segments (RecSegment::reason).
constexpr std::array<std::pair<const char*, const char*>, 6> kReasons{{
    {"loss", QT_TRANSLATE_NOOP("closelab::Reasons", "random loss")},
    {"fault", QT_TRANSLATE_NOOP("closelab::Reasons", "scripted fault")},
    {"hold", QT_TRANSLATE_NOOP("closelab::Reasons", "held by a fault")},
    {"dup", QT_TRANSLATE_NOOP("closelab::Reasons", "duplicate")},
    // Dropped by the receiving host's TCP (the segment arrived).
    {"paws", QT_TRANSLATE_NOOP("closelab::Reasons", "PAWS: old timestamp")},
    {"tw_recycle", QT_TRANSLATE_NOOP("closelab::Reasons", "tcp_tw_recycle timestamp check")},
}};

template <std::size_t N>
QString lookup(const std::array<std::pair<const char*, const char*>, N>& table, const char* context,
               std::string_view key) {
    for (const auto& [k, text] : table) {
        if (key == k)
            return QCoreApplication::translate(context, text);
    }
    return fromStd(key);
}

}  // namespace

QString hostDisplayName(std::string_view role) {
    for (const auto& [k, text] : kHosts) {
        if (role == k)
            return QCoreApplication::translate("closelab::Hosts", text);
    }
    // Load-model hosts client1..clientN.
    if (role.starts_with("client")) {
        bool ok = false;
        const int n = fromStd(role.substr(6)).toInt(&ok);
        if (ok)
            return QCoreApplication::translate("closelab::Hosts", "Client %1").arg(n);
    }
    return fromStd(role);
}

QString fateDisplayName(std::string_view fate) {
    return lookup(kFates, "closelab::Fates", fate);
}

QString reasonDisplayName(std::string_view reason) {
    return lookup(kReasons, "closelab::Reasons", reason);
}

}  // namespace closelab::models
