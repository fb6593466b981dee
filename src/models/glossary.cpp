#include "models/glossary.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
#include <QTranslator>

#include <algorithm>
#include <array>

#include "models/option_help.h"

namespace closelab::models {

namespace {

constexpr const char* kContext = "closelab::Glossary";

struct Term {
    const char* id;
    const char* term;        // English, translated in context closelab::Glossary
    const char* definition;  // English, one line
    const char* aliases;     // '|'-separated other spellings (lookup only, not linkified)
    const char* seeAlso;     // '|'-separated ids
};

// Teaching order: the close itself, its states, the things that go wrong, then the machinery.
// State names and errno names stay in English in both languages, as ss and netstat print them.
constexpr std::array kTerms{
    Term{"four-way-close", QT_TRANSLATE_NOOP("closelab::Glossary", "four-way close"),
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "The usual TCP teardown: each side sends a FIN and acknowledges the "
                           "other's; on Linux it is often three segments, because the second ACK "
                           "rides on the peer's FIN."),
         "four-way handshake|connection termination|teardown", "fin|time-wait|active-closer"},
    Term{"three-way-handshake", QT_TRANSLATE_NOOP("closelab::Glossary", "three-way handshake"),
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "How a connection opens: SYN, SYN-ACK, ACK; each side chooses its "
                           "initial sequence number."),
         "handshake", "sequence-number|syn-sent|syn-recv"},
    Term{"active-closer", QT_TRANSLATE_NOOP("closelab::Glossary", "active closer"),
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "The side that calls close() first and sends the first FIN; it is the "
                           "side that ends in TIME_WAIT."),
         "active close|active side", "passive-closer|time-wait"},
    Term{"passive-closer", QT_TRANSLATE_NOOP("closelab::Glossary", "passive closer"),
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "The side that receives the first FIN: CLOSE_WAIT until its application "
                           "closes, then LAST_ACK; it never enters TIME_WAIT."),
         "passive close|passive side", "active-closer|close-wait|last-ack"},
    Term{"half-close", QT_TRANSLATE_NOOP("closelab::Glossary", "half-close"),
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "shutdown(SHUT_WR) sends a FIN but keeps the socket open for reading, "
                           "so data still flows the other way; FIN_WAIT_2 then has no timer."),
         "half close|half-closed|SHUT_WR", "fin-wait-2"},
    Term{"simultaneous-close", QT_TRANSLATE_NOOP("closelab::Glossary", "simultaneous close"),
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "Both sides send a FIN before receiving the other's: both pass through "
                           "CLOSING and both end in TIME_WAIT."),
         "", "closing|time-wait"},
    Term{"closed", "CLOSED",
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "No connection: where every socket starts and ends."),
         "CLOSE|UNCONN", "listen|time-wait"},
    Term{"listen", "LISTEN",
         QT_TRANSLATE_NOOP("closelab::Glossary", "A server socket waiting for SYNs on its port."),
         "LISTENING", "syn-recv"},
    Term{"syn-sent", "SYN_SENT",
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "connect() has sent a SYN and waits for the SYN-ACK."),
         "SYN-SENT", "three-way-handshake"},
    Term{"syn-recv", "SYN_RECV",
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "A SYN arrived and was answered with a SYN-ACK; the handshake's last "
                           "ACK is awaited."),
         "SYN-RECV|SYN_RECEIVED|SYN-RECEIVED", "three-way-handshake"},
    Term{
        "established", "ESTABLISHED",
        QT_TRANSLATE_NOOP("closelab::Glossary", "The connection is open and data flows both ways."),
        "ESTAB", "four-way-close"},
    Term{"fin-wait-1", "FIN_WAIT_1",
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "close() was called and a FIN queued; Linux enters this state at once, "
                           "even while the FIN still waits behind unsent data."),
         "FIN_WAIT1|FIN-WAIT-1", "fin-wait-2|closing"},
    Term{"fin-wait-2", "FIN_WAIT_2",
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "Our FIN is acknowledged and the peer's FIN is awaited; an orphaned "
                           "socket lives tcp_fin_timeout here, a half-closed one has no timer."),
         "FIN_WAIT2|FIN-WAIT-2", "orphan|half-close|close-wait"},
    Term{"close-wait", "CLOSE_WAIT",
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "The peer has closed and our application has not yet; it never times "
                           "out, so many CLOSE_WAIT sockets mean an application that forgets "
                           "close()."),
         "CLOSE-WAIT", "passive-closer|last-ack"},
    Term{"closing", "CLOSING",
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "The two FINs crossed (simultaneous close) and ours is not yet "
                           "acknowledged."),
         "", "simultaneous-close|time-wait"},
    Term{"last-ack", "LAST_ACK",
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "The passive closer has sent its FIN and waits for the final ACK, "
                           "retransmitting the FIN if it is lost."),
         "LAST-ACK", "passive-closer|rto"},
    Term{"time-wait", "TIME_WAIT",
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "The active closer keeps the four-tuple for 60 s (TCP_TIMEWAIT_LEN, not "
                           "a sysctl) to re-acknowledge a lost last FIN and to absorb stray "
                           "segments."),
         "TIME-WAIT|TIMEWAIT|time wait", "active-closer|stray-segment|msl|timewait-socket"},
    Term{"stray-segment", QT_TRANSLATE_NOOP("closelab::Glossary", "stray segment"),
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "A delayed segment of an old connection that arrives after the same "
                           "four-tuple is in use again; TIME_WAIT and PAWS exist to drop it."),
         "delayed segment|old duplicate|wandering duplicate|stray", "incarnation|paws|time-wait"},
    Term{"incarnation", QT_TRANSLATE_NOOP("closelab::Glossary", "incarnation"),
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "A new connection on the same four-tuple as an earlier one; it must "
                           "not accept the earlier one's segments."),
         "", "four-tuple|stray-segment"},
    Term{"four-tuple", QT_TRANSLATE_NOOP("closelab::Glossary", "four-tuple"),
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "Source address and port, destination address and port: the key of one "
                           "TCP connection on a host."),
         "4-tuple", "ephemeral-port"},
    Term{"ephemeral-port", QT_TRANSLATE_NOOP("closelab::Glossary", "ephemeral port"),
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "The local port the kernel picks for connect() from ip_local_port_range "
                           "(32768–60999 by default, even ports first)."),
         "local port|source port", "port-exhaustion|four-tuple"},
    Term{"port-exhaustion", QT_TRANSLATE_NOOP("closelab::Glossary", "port exhaustion"),
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "connect() fails with EADDRNOTAVAIL because every ephemeral port "
                           "towards one destination is taken, usually by TIME_WAIT sockets."),
         "ports exhausted", "eaddrnotavail|ephemeral-port|time-wait"},
    Term{"msl", QT_TRANSLATE_NOOP("closelab::Glossary", "maximum segment lifetime (MSL)"),
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "RFC 793's assumed bound on how long a segment survives in the network; "
                           "TIME_WAIT is specified as 2 MSL, Linux simply uses 60 s."),
         "MSL|2MSL|maximum segment lifetime", "time-wait"},
    Term{"rto", QT_TRANSLATE_NOOP("closelab::Glossary", "retransmission timeout (RTO)"),
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "How long TCP waits for an ACK before resending: about 200 ms plus the "
                           "round-trip time on Linux, doubled after each retry, at most 120 s."),
         "RTO|retransmission timeout", "last-ack|orphan"},
    Term{"timestamps", QT_TRANSLATE_NOOP("closelab::Glossary", "TCP timestamps"),
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "The RFC 7323 option carrying the sender's clock (TSval) and the echo "
                           "of the peer's (TSecr); PAWS and tcp_tw_reuse need it."),
         "timestamp|TSval|TSecr", "paws"},
    Term{"paws", "PAWS",
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "Protection Against Wrapped Sequences: a segment whose timestamp is "
                           "older than the last one seen is dropped."),
         "", "timestamps|stray-segment"},
    Term{"sequence-number", QT_TRANSLATE_NOOP("closelab::Glossary", "sequence number"),
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "The number of the first byte a segment carries; SYN and FIN each use "
                           "one number as well."),
         "seq", "ack-number"},
    Term{"ack-number", QT_TRANSLATE_NOOP("closelab::Glossary", "acknowledgment number"),
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "The next sequence number the receiver expects; everything before it is "
                           "acknowledged."),
         "acknowledgement number|ack number", "sequence-number"},
    Term{"fin", "FIN",
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "The flag that says 'I will send no more data'; it uses one sequence "
                           "number and must be acknowledged."),
         "", "four-way-close"},
    Term{"rst", "RST",
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "The reset flag: the connection is aborted at once, without TIME_WAIT, "
                           "and the peer's next call fails with ECONNRESET."),
         "reset", "econnreset"},
    Term{"orphan", QT_TRANSLATE_NOOP("closelab::Glossary", "orphaned connection"),
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "A connection whose application has called close(): the kernel "
                           "finishes the close alone, bounded by tcp_fin_timeout and "
                           "tcp_orphan_retries."),
         "orphan|orphaned socket", "fin-wait-2"},
    Term{"timewait-socket", QT_TRANSLATE_NOOP("closelab::Glossary", "TIME_WAIT minisocket"),
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "The small object (256 bytes of slab on Linux 6.x) that replaces the "
                           "full socket of about 2.3 KB in TIME_WAIT and in orphaned FIN_WAIT_2."),
         "minisocket|mini-socket|timewait socket|inet_timewait_sock", "time-wait"},
    Term{"sysctl", QT_TRANSLATE_NOOP("closelab::Glossary", "kernel parameter"),
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "A setting under /proc/sys/net, written with sysctl and kept per "
                           "network namespace, such as net.ipv4.tcp_tw_reuse."),
         "sysctl|kernel option", "socket-option"},
    Term{"socket-option", QT_TRANSLATE_NOOP("closelab::Glossary", "socket option"),
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "A setting of one socket made with setsockopt(), such as SO_LINGER or "
                           "SO_REUSEADDR."),
         "setsockopt", "sysctl"},
    Term{"nat", QT_TRANSLATE_NOOP("closelab::Glossary", "network address translation (NAT)"),
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "Many private hosts share one public address; each keeps its own "
                           "timestamp clock, which is what broke tcp_tw_recycle."),
         "NAT", "timestamps"},
    Term{"mib-counter", QT_TRANSLATE_NOOP("closelab::Glossary", "MIB counter"),
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "A kernel statistic such as TCPTimeWaitOverflow or TWRecycled, read "
                           "with nstat or from /proc/net/netstat."),
         "counter|nstat", "sysctl"},
    Term{"connection-pool", QT_TRANSLATE_NOOP("closelab::Glossary", "connection pool"),
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "Keeping connections open for many requests, so no connection is "
                           "closed, and no TIME_WAIT created, per request."),
         "keep-alive|keepalive|pool", "time-wait|port-exhaustion"},
    Term{"eaddrnotavail", "EADDRNOTAVAIL",
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "connect() found no free local port towards that destination "
                           "(\"Cannot assign requested address\")."),
         "", "port-exhaustion"},
    Term{"eaddrinuse", "EADDRINUSE",
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "bind() found the port held by a socket it may not share with "
                           "(\"Address already in use\")."),
         "", "socket-option"},
    Term{"econnreset", "ECONNRESET",
         QT_TRANSLATE_NOOP("closelab::Glossary",
                           "The peer aborted the connection with an RST (\"Connection reset by "
                           "peer\")."),
         "", "rst"},
};

QString translate(const char* text) {
    return QCoreApplication::translate(kContext, text);
}

// The zh_CN catalogue, loaded once, so Chinese terms are known whatever language is installed.
const QTranslator& chineseCatalogue() {
    static QTranslator* translator = [] {
        auto* t = new QTranslator;
        (void)t->load(QStringLiteral(":/i18n/closelab_zh_CN.qm"));
        return t;
    }();
    return *translator;
}

bool isUiChinese() {
    // LanguageManager sets the default locale together with the catalogues.
    return QLocale().language() == QLocale::Chinese;
}

QString normalise(const QString& text) {
    QString key = text.trimmed().toCaseFolded();
    key.replace(QLatin1Char('-'), QLatin1Char('_'));
    key.replace(QLatin1Char(' '), QLatin1Char('_'));
    return key;
}

const Term* findTerm(const QString& idOrTerm) {
    const QString key = normalise(idOrTerm);
    if (key.isEmpty())
        return nullptr;
    for (const Term& t : kTerms) {
        if (normalise(QLatin1String(t.id)) == key || normalise(QString::fromUtf8(t.term)) == key ||
            normalise(translate(t.term)) == key ||
            normalise(chineseCatalogue().translate(kContext, t.term)) == key)
            return &t;
        const auto aliases = QString::fromUtf8(t.aliases).split(u'|', Qt::SkipEmptyParts);
        for (const QString& alias : aliases) {
            if (normalise(alias) == key)
                return &t;
        }
    }
    return nullptr;
}

Glossary::Entry makeEntry(const Term& t) {
    Glossary::Entry e;
    e.id = QLatin1String(t.id);
    e.term = translate(t.term);
    e.englishTerm = QString::fromUtf8(t.term);
    const QString zh = chineseCatalogue().translate(kContext, t.term);
    e.chineseTerm = zh.isEmpty() ? e.englishTerm : zh;
    e.definition = translate(t.definition);
    e.seeAlso = QString::fromLatin1(t.seeAlso).split(u'|', Qt::SkipEmptyParts);
    return e;
}

}  // namespace

QStringList Glossary::ids() {
    QStringList list;
    for (const Term& t : kTerms)
        list << QLatin1String(t.id);
    return list;
}

std::optional<Glossary::Entry> Glossary::entry(const QString& idOrTerm) {
    if (const Term* t = findTerm(idOrTerm))
        return makeEntry(*t);
    return std::nullopt;
}

QString Glossary::idFor(const QString& term) {
    const Term* t = findTerm(term);
    return t ? QLatin1String(t->id) : QString();
}

QString Glossary::otherLanguageTerm(const Entry& entry) {
    return isUiChinese() ? entry.englishTerm : entry.chineseTerm;
}

QString Glossary::entryHtml(const QString& idOrTerm) {
    const auto e = entry(idOrTerm);
    if (!e) {
        // Option names (tcp_tw_reuse, SO_LINGER) link here too; their help is the entry.
        return OptionHelp::html(idOrTerm);
    }
    QString html = QStringLiteral("<p><b>%1</b>").arg(e->term.toHtmlEscaped());
    const QString other = otherLanguageTerm(*e);
    if (other != e->term)
        html += QStringLiteral(" (%1)").arg(other.toHtmlEscaped());
    html += QStringLiteral("</p><p>%1</p>").arg(linkify(e->definition.toHtmlEscaped()));
    if (!e->seeAlso.isEmpty()) {
        QStringList links;
        for (const QString& id : e->seeAlso) {
            if (const Term* t = findTerm(id))
                links << QStringLiteral("<a href=\"glossary:%1\">%2</a>")
                             .arg(id, translate(t->term).toHtmlEscaped());
        }
        html += QStringLiteral("<p>%1 %2</p>")
                    .arg(QCoreApplication::translate("closelab::Glossary", "See also:"),
                         links.join(QCoreApplication::translate("closelab::Glossary", ", ")));
    }
    return html;
}

QString Glossary::linkify(const QString& html) {
    // Terms as written in the current language plus the state and option names; longest first
    // so "FIN_WAIT_2" wins over "FIN".
    QStringList words;
    for (const Term& t : kTerms) {
        words << translate(t.term);
        const auto aliases = QString::fromUtf8(t.aliases).split(u'|', Qt::SkipEmptyParts);
        for (const QString& alias : aliases) {
            // Upper-case spellings only (TIME-WAIT, FIN_WAIT2): common words stay plain text.
            if (alias == alias.toUpper() && alias.size() > 2)
                words << alias;
        }
    }
    words << OptionHelp::linkNames();
    words.removeDuplicates();
    std::sort(words.begin(), words.end(),
              [](const QString& a, const QString& b) { return a.size() > b.size(); });
    QStringList escaped;
    for (const QString& w : std::as_const(words))
        escaped << QRegularExpression::escape(w.toHtmlEscaped());
    // ASCII boundaries only: Chinese is written without spaces, so a Chinese term is matched
    // wherever it occurs.
    const QRegularExpression termRe(
        QStringLiteral("(?<![A-Za-z0-9_.])(%1)(?![A-Za-z0-9_])").arg(escaped.join(u'|')));
    static const QRegularExpression tagRe(QStringLiteral("<[^>]*>"));

    QString out;
    int anchorDepth = 0;
    qsizetype pos = 0;
    auto linkText = [&](const QString& text) {
        if (anchorDepth > 0)
            return text;
        QString result;
        qsizetype last = 0;
        for (auto it = termRe.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            const QString word = m.captured(1);
            QString id = idFor(word);
            if (id.isEmpty())
                id = word;  // an option name: its help is the entry
            result += text.mid(last, m.capturedStart(1) - last);
            result += QStringLiteral("<a href=\"glossary:%1\">%2</a>").arg(id, word);
            last = m.capturedEnd(1);
        }
        result += text.mid(last);
        return result;
    };
    for (auto it = tagRe.globalMatch(html); it.hasNext();) {
        const auto m = it.next();
        out += linkText(html.mid(pos, m.capturedStart() - pos));
        const QString tag = m.captured();
        if (tag.startsWith(QLatin1String("<a "), Qt::CaseInsensitive) ||
            tag.compare(QLatin1String("<a>"), Qt::CaseInsensitive) == 0)
            ++anchorDepth;
        else if (tag.compare(QLatin1String("</a>"), Qt::CaseInsensitive) == 0 && anchorDepth > 0)
            --anchorDepth;
        out += tag;
        pos = m.capturedEnd();
    }
    out += linkText(html.mid(pos));
    return out;
}

}  // namespace closelab::models
