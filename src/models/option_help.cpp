#include "models/option_help.h"

#include <QCoreApplication>

#include <array>

namespace closelab::models {

namespace {

struct Help {
    const char* name;
    const char* what;
    const char* defaults;
    const char* folklore;  // "" when none
    const char* source;    // not translated
};

// Facts from shared/reference/linux-tcp-close.md and kernel-measurements.md (Linux 6.18).
constexpr std::array kHelp{
    Help{
        "net.ipv4.tcp_tw_reuse",
        QT_TRANSLATE_NOOP(
            "closelab::OptionHelp",
            "Lets connect() take over one of this host's own TIME_WAIT four-tuples once "
            "that TIME_WAIT is older than tcp_tw_reuse_delay and carried timestamps. "
            "It only helps outgoing connections; a server gains nothing from it."),
        QT_TRANSLATE_NOOP("closelab::OptionHelp",
                          "2: reuse for loopback connections only (1: always, 0: never). Linux 4.9 "
                          "knows only 0 and 1, default 0."),
        QT_TRANSLATE_NOOP(
            "closelab::OptionHelp",
            "Not \"off by default\" and not a way to shorten TIME_WAIT: the default is "
            "2 on current kernels, TIME_WAIT still lasts 60 s, and without timestamps "
            "nothing is ever reused."),
        "tcp_twsk_unique(), net/ipv4/tcp_ipv4.c"},
    Help{"net.ipv4.tcp_tw_reuse_delay",
         QT_TRANSLATE_NOOP("closelab::OptionHelp",
                           "How old, in milliseconds, a TIME_WAIT must be before tcp_tw_reuse may "
                           "hand its four-tuple to a new connect() (Linux 6.14 and later)."),
         QT_TRANSLATE_NOOP("closelab::OptionHelp", "1000 ms; accepted values 1 to 60000."),
         QT_TRANSLATE_NOOP(
             "closelab::OptionHelp",
             "The \"reuse after one second\" of older articles was a hard-coded delay; "
             "it is this setting now, measured from entering TIME_WAIT."),
         "tcp_twsk_unique(), net/ipv4/tcp_ipv4.c"},
    Help{"net.ipv4.tcp_timestamps",
         QT_TRANSLATE_NOOP(
             "closelab::OptionHelp",
             "Offers the RFC 7323 timestamp option in SYNs. PAWS and tcp_tw_reuse rely "
             "on it; with 0 no connection carries timestamps."),
         QT_TRANSLATE_NOOP("closelab::OptionHelp",
                           "1: on, with a random offset per connection (2: on, without offsets)."),
         QT_TRANSLATE_NOOP("closelab::OptionHelp",
                           "Timestamps do not set any timeout; they let the kernel tell an old "
                           "segment from a new one."),
         "tcp_syn_options(), secure_tcp_seq_and_ts_off()"},
    Help{
        "net.ipv4.tcp_fin_timeout",
        QT_TRANSLATE_NOOP(
            "closelab::OptionHelp",
            "How long an orphaned connection (its application has already called "
            "close()) may wait in FIN_WAIT_2 for the peer's FIN. Above 60 s the orphan "
            "lives about 2·(T−60) s. A half-closed socket still held by its "
            "application has no such timer."),
        QT_TRANSLATE_NOOP("closelab::OptionHelp", "60 s."),
        QT_TRANSLATE_NOOP("closelab::OptionHelp",
                          "It does not change TIME_WAIT. TIME_WAIT is TCP_TIMEWAIT_LEN, 60 s, "
                          "compiled into the kernel: with tcp_fin_timeout=30 every TIME_WAIT still "
                          "lasts 60 s."),
        "tcp_fin_time(), tcp_time_wait(), include/net/tcp.h"},
    Help{
        "net.ipv4.tcp_max_tw_buckets",
        QT_TRANSLATE_NOOP(
            "closelab::OptionHelp",
            "The most TIME_WAIT sockets (orphaned FIN_WAIT_2 included) a host keeps. A "
            "connection that closes beyond it skips TIME_WAIT silently and "
            "TCPTimeWaitOverflow counts it."),
        QT_TRANSLATE_NOOP("closelab::OptionHelp",
                          "Half the established hash table, so it depends on memory (131072 on the "
                          "reference machine)."),
        QT_TRANSLATE_NOOP("closelab::OptionHelp",
                          "Overflowing connections are not reset, and current kernels log nothing; "
                          "they just lose the protection TIME_WAIT gives."),
        "inet_twsk_alloc(), tcp_time_wait()"},
    Help{
        "net.ipv4.tcp_rfc1337",
        QT_TRANSLATE_NOOP("closelab::OptionHelp",
                          "What a TIME_WAIT socket does with an in-window RST: 0 lets the RST kill "
                          "it (TIME_WAIT assassination), 1 ignores the RST as RFC 1337 asks."),
        QT_TRANSLATE_NOOP("closelab::OptionHelp", "0."),
        QT_TRANSLATE_NOOP("closelab::OptionHelp",
                          "The kernel documentation reads as if 0 protected TIME_WAIT; it is the "
                          "other way round."),
        "tcp_timewait_state_process(), net/ipv4/tcp_minisocks.c"},
    Help{"net.ipv4.tcp_orphan_retries",
         QT_TRANSLATE_NOOP(
             "closelab::OptionHelp",
             "How many times an orphaned socket retransmits its FIN before it gives up "
             "without a word."),
         QT_TRANSLATE_NOOP("closelab::OptionHelp",
                           "0, which means 8: about 102 s of retransmissions."),
         QT_TRANSLATE_NOOP("closelab::OptionHelp", "0 does not mean \"no retries\"."),
         "tcp_orphan_retries(), tcp_timer.c"},
    Help{"net.ipv4.tcp_retries2",
         QT_TRANSLATE_NOOP(
             "closelab::OptionHelp",
             "The retransmission budget of a socket its application still holds (after "
             "shutdown(), for example), as the time 15 doublings of the RTO would "
             "take."),
         QT_TRANSLATE_NOOP("closelab::OptionHelp", "15: about 924.6 s."), "",
         "tcp_write_timeout(), tcp_timer.c"},
    Help{
        "net.ipv4.tcp_syn_retries",
        QT_TRANSLATE_NOOP("closelab::OptionHelp",
                          "How many times connect() resends an unanswered SYN before it fails with "
                          "ETIMEDOUT."),
        QT_TRANSLATE_NOOP("closelab::OptionHelp", "6: about 127 s."),
        QT_TRANSLATE_NOOP("closelab::OptionHelp",
                          "A SYN dropped by tcp_tw_recycle behind NAT looks exactly like this: the "
                          "client just times out."),
        "tcp_write_timeout(), tcp_timer.c"},
    Help{"net.ipv4.tcp_tw_recycle",
         QT_TRANSLATE_NOOP(
             "closelab::OptionHelp",
             "Linux 4.11 and older only: TIME_WAIT lasts 3.5·RTO instead of 60 s, and a "
             "per-peer timestamp cache drops any SYN whose timestamp is older than the "
             "last one seen from that address."),
         QT_TRANSLATE_NOOP("closelab::OptionHelp", "0. Removed in Linux 4.12."),
         QT_TRANSLATE_NOOP(
             "closelab::OptionHelp",
             "\"Turn on tcp_tw_recycle\" is the most copied bad advice about TIME_WAIT. "
             "Hosts behind one NAT address have different timestamp clocks, so the "
             "server silently drops their SYNs (PAWSPassiveRejected) and clients time "
             "out; that is why it was removed."),
         "tcp_conn_request(), tcp_peer_is_proven() in Linux 4.9"},
    Help{
        "net.ipv4.tcp_invalid_ratelimit",
        QT_TRANSLATE_NOOP("closelab::OptionHelp",
                          "The shortest gap between two ACKs a TIME_WAIT socket sends in answer to "
                          "invalid segments."),
        QT_TRANSLATE_NOOP("closelab::OptionHelp", "500 ms."), "",
        "tcp_timewait_check_oow_rate_limit()"},
    Help{
        "net.ipv4.ip_local_port_range",
        QT_TRANSLATE_NOOP("closelab::OptionHelp",
                          "The ephemeral ports connect() chooses from. Exhaustion is per "
                          "destination: towards one address and port, each local port can hold one "
                          "connection or TIME_WAIT at a time."),
        QT_TRANSLATE_NOOP("closelab::OptionHelp",
                          "32768 60999: 28232 ports; connect() tries even ports first, then odd."),
        QT_TRANSLATE_NOOP("closelab::OptionHelp",
                          "The limit is not 65535 connections per host: the same local ports serve "
                          "every other destination again. Towards one destination the sustainable "
                          "close-first rate is ports ÷ 60 s."),
        "__inet_hash_connect(), net/ipv4/inet_hashtables.c"},
    Help{"net.ipv4.ip_local_reserved_ports",
         QT_TRANSLATE_NOOP("closelab::OptionHelp",
                           "Ports and ranges that connect() and bind() to port 0 never pick by "
                           "themselves; an explicit bind() may still use them."),
         QT_TRANSLATE_NOOP("closelab::OptionHelp", "Empty."), "", "inet_is_local_reserved_port()"},
    Help{"closelab.msl_ms",
         QT_TRANSLATE_NOOP("closelab::OptionHelp",
                           "A teaching knob, not a kernel setting: the maximum segment lifetime of "
                           "the rfc793 profile, whose TIME_WAIT lasts 2·MSL."),
         QT_TRANSLATE_NOOP("closelab::OptionHelp", "30000 ms, so TIME_WAIT is 60 s."),
         QT_TRANSLATE_NOOP(
             "closelab::OptionHelp",
             "Linux has no MSL setting; its TIME_WAIT is a fixed 60 s, not \"2 MSL = 4 "
             "minutes\"."),
         "RFC 793 / RFC 9293 §3.4.2"},
    Help{"closelab.time_wait_len_ms",
         QT_TRANSLATE_NOOP(
             "closelab::OptionHelp",
             "A teaching knob, not a kernel setting: shorten or remove TIME_WAIT to see "
             "what it protects against (a lost last ACK, stray segments)."),
         QT_TRANSLATE_NOOP("closelab::OptionHelp", "−1: the profile's own rule (60 s on Linux)."),
         QT_TRANSLATE_NOOP("closelab::OptionHelp",
                           "No Linux sysctl can do this: TCP_TIMEWAIT_LEN is compiled in."),
         "TCP_TIMEWAIT_LEN, include/net/tcp.h"},
    Help{"SO_LINGER",
         QT_TRANSLATE_NOOP(
             "closelab::OptionHelp",
             "{1,0}: close() sends an RST, discards unsent data and leaves no TIME_WAIT. "
             "{1,N}: close() blocks until the FIN is acknowledged or N seconds pass; "
             "then the close goes on normally."),
         QT_TRANSLATE_NOOP("closelab::OptionHelp",
                           "Off {0,0}: close() returns at once and the kernel still delivers the "
                           "remaining data and the FIN."),
         QT_TRANSLATE_NOOP("closelab::OptionHelp",
                           "{1,0} is no cure for TIME_WAIT: data the peer has not yet received is "
                           "lost and the peer reads ECONNRESET. A non-zero time on Linux discards "
                           "nothing."),
         "__tcp_close(), tcp_disconnect(), net/ipv4/tcp.c"},
    Help{"SO_REUSEADDR",
         QT_TRANSLATE_NOOP(
             "closelab::OptionHelp",
             "Lets a new listener bind a port that still has TIME_WAIT or connection "
             "residue, provided the old listener had it set as well. It never lets two "
             "listeners share a port."),
         QT_TRANSLATE_NOOP("closelab::OptionHelp", "Off."),
         QT_TRANSLATE_NOOP("closelab::OptionHelp",
                           "Setting it only on the restarted server is not enough: the old sockets "
                           "inherit the old listener's setting. It does not let connect() reuse "
                           "TIME_WAIT four-tuples either."),
         "inet_bind_conflict(), net/ipv4/inet_connection_sock.c"},
    Help{"SO_REUSEPORT",
         QT_TRANSLATE_NOOP(
             "closelab::OptionHelp",
             "Lets several sockets of the same user bind one port, listeners included, "
             "when every one of them sets it."),
         QT_TRANSLATE_NOOP("closelab::OptionHelp", "Off."),
         QT_TRANSLATE_NOOP(
             "closelab::OptionHelp",
             "It does not combine with SO_REUSEADDR on the other socket: mixing the two "
             "fails with EADDRINUSE."),
         "inet_bind_conflict(), net/ipv4/inet_connection_sock.c"},
    Help{
        "TCP_LINGER2",
        QT_TRANSLATE_NOOP("closelab::OptionHelp",
                          "A per-socket tcp_fin_timeout for an orphaned FIN_WAIT_2, in seconds, at "
                          "most 120; −1 aborts with an RST instead."),
        QT_TRANSLATE_NOOP("closelab::OptionHelp", "0: use tcp_fin_timeout."),
        QT_TRANSLATE_NOOP("closelab::OptionHelp",
                          "Not related to SO_LINGER, and it does not touch TIME_WAIT."),
        "do_tcp_setsockopt(), tcp_fin_time()"},
};

const Help* find(const QString& name) {
    const QString trimmed = name.trimmed();
    for (const Help& h : kHelp) {
        const QLatin1String full(h.name);
        if (trimmed == full ||
            (full.startsWith(QLatin1String("net.ipv4.")) && trimmed == full.sliced(9)))
            return &h;
    }
    return nullptr;
}

QString translate(const char* text) {
    return *text ? QCoreApplication::translate("closelab::OptionHelp", text) : QString();
}

}  // namespace

QStringList OptionHelp::names() {
    QStringList list;
    for (const Help& h : kHelp)
        list << QLatin1String(h.name);
    return list;
}

QStringList OptionHelp::linkNames() {
    QStringList list = names();
    for (const Help& h : kHelp) {
        const QLatin1String full(h.name);
        if (full.startsWith(QLatin1String("net.ipv4.")))
            list << full.sliced(9);
    }
    return list;
}

bool OptionHelp::has(const QString& name) {
    return find(name) != nullptr;
}

QString OptionHelp::what(const QString& name) {
    const Help* h = find(name);
    return h ? translate(h->what) : QString();
}

QString OptionHelp::defaultText(const QString& name) {
    const Help* h = find(name);
    return h ? translate(h->defaults) : QString();
}

QString OptionHelp::folklore(const QString& name) {
    const Help* h = find(name);
    return h ? translate(h->folklore) : QString();
}

QString OptionHelp::source(const QString& name) {
    const Help* h = find(name);
    return h ? QString::fromUtf8(h->source) : QString();
}

QString OptionHelp::html(const QString& name) {
    const Help* h = find(name);
    if (!h)
        return {};
    QString html = QStringLiteral("<p><b>%1</b></p><p>%2</p>")
                       .arg(QLatin1String(h->name), translate(h->what).toHtmlEscaped());
    html += QStringLiteral("<p><i>%1</i> %2</p>")
                .arg(QCoreApplication::translate("closelab::OptionHelp", "Default:"),
                     translate(h->defaults).toHtmlEscaped());
    if (*h->folklore) {
        html += QStringLiteral("<p><i>%1</i> %2</p>")
                    .arg(QCoreApplication::translate("closelab::OptionHelp", "Folklore check:"),
                         translate(h->folklore).toHtmlEscaped());
    }
    html += QStringLiteral("<p><small>%1 <code>%2</code></small></p>")
                .arg(QCoreApplication::translate("closelab::OptionHelp", "Source:"),
                     QString::fromUtf8(h->source).toHtmlEscaped());
    return html;
}

}  // namespace closelab::models
