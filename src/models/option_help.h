#pragma once

#include <QString>
#include <QStringList>

namespace closelab::models {

// Help for every option of the engine's registry (core::optionRegistry()): what it really does,
// what its default means, and the folklore it is not. English sources in context
// "closelab::OptionHelp"; names are accepted in full ("net.ipv4.tcp_tw_reuse") or short
// ("tcp_tw_reuse").
class OptionHelp {
public:
    // Full option names that have help, in the registry's order.
    static QStringList names();
    // names() plus the short sysctl names without "net.ipv4.", for linking terms in text.
    static QStringList linkNames();
    static bool has(const QString& name);

    static QString what(const QString& name);
    static QString defaultText(const QString& name);
    // Empty when there is no common misbelief about the option.
    static QString folklore(const QString& name);
    // The kernel function or document the behaviour comes from; not translated.
    static QString source(const QString& name);
    // All of the above as rich text for the option editor and the glossary panel; empty for an
    // unknown name.
    static QString html(const QString& name);
};

}  // namespace closelab::models
