#include "kernel/socket_text_import.h"

#include "kernel/text_fields.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kernel/import_error.h"
#include "kernel/tcp_state.h"

namespace closelab::kernel {

namespace {

enum class LineKind {
    Blank,
    SsHeader,
    SsRow,
    SsSummaryTcp,
    SsSummaryOther,
    NetstatHeader,
    NetstatRow,
    WindowsHeader,  // Windows `netstat -an` / `-ano`: "Active Connections", "Proto  Local Address"
    WindowsRow,
    AwkRow,
    Unknown,
};

std::optional<long long> parseCount(std::string_view text) {
    long long value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || ptr != text.data() + text.size() || value < 0) {
        return std::nullopt;
    }
    return value;
}

bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

// The port of "addr:port", "[v6]:port", ":::22", "127.0.0.1%lo:53": everything after the last ':'.
std::optional<std::string_view> localPortOf(std::string_view endpoint) {
    const auto colon = endpoint.rfind(':');
    if (colon == std::string_view::npos || colon + 1 >= endpoint.size() || colon == 0) {
        return std::nullopt;
    }
    const std::string_view port = endpoint.substr(colon + 1);
    if (port == "*") {
        return port;
    }
    if (const auto number = parseCount(port)) {
        if (*number > 65535) {
            return std::nullopt;
        }
        return port;
    }
    // ss and netstat print service names without -n; they are still one port.
    const bool serviceName = std::all_of(port.begin(), port.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '_' || c == '.';
    });
    if (!serviceName) {
        return std::nullopt;
    }
    return port;
}

bool isSsNetid(std::string_view word) {
    static constexpr std::array<std::string_view, 12> kNetids = {"tcp",   "udp",   "raw",  "u_str",
                                                                 "u_dgr", "u_seq", "nl",   "p_raw",
                                                                 "p_dgr", "mptcp", "sctp", "dccp"};
    return std::find(kNetids.begin(), kNetids.end(), word) != kNetids.end() ||
           startsWith(word, "v_") || startsWith(word, "xdp") || startsWith(word, "tipc");
}

bool isNetstatProto(std::string_view word) {
    return word == "tcp" || word == "tcp6" || word == "udp" || word == "udp6" || word == "raw" ||
           word == "raw6" || word == "udpl" || word == "udpl6" || word == "unix";
}

// A row is "netid? state recvq sendq local peer [process...]" (ss) or
// "proto recvq sendq local foreign state? [pid/program]" (netstat).
struct Row {
    bool tcp = true;
    std::optional<TcpState> state;
    std::string_view localPort;
    std::string_view unknownState;  // a netstat row whose state word no catalogue knows
};

// net-tools prints its state words through gettext: the translations Debian 12 ships
// (/usr/share/locale/*/LC_MESSAGES/net-tools.mo: de, cs, pt_BR; fr, et and ja keep the English).
std::optional<TcpState> parseNetToolsState(const std::vector<std::string_view>& w, std::size_t i) {
    if (auto state = parseStateText(w[i]))
        return state;
    static constexpr std::pair<std::string_view, TcpState> kTranslated[] = {
        {"VERBUNDEN", TcpState::Established},  // de
        {"SPOJENO", TcpState::Established},
        {"ZAVŘEN", TcpState::Closed},  // cs
        {"ZAVÍRÁ", TcpState::Closing},
        {"NASLOUCHÁ", TcpState::Listen},
        {"ESTABELECIDA", TcpState::Established},
        {"FECHAR", TcpState::Closed},  // pt_BR
        {"ESPERANDO_FECHAR", TcpState::CloseWait},
        {"FECHANDO", TcpState::Closing},
        {"ESPERA_FIN1", TcpState::FinWait1},
        {"ESPERA_FIN2", TcpState::FinWait2},
        {"SYN_RECEBIDO", TcpState::SynRecv},
        {"SYN_ENVIADO", TcpState::SynSent},
    };
    for (const auto& [word, state] : kTranslated) {
        if (word == w[i])
            return state;
    }
    // Czech LAST_ACK is two words, "POSLEDNÍ ACK".
    if (w[i] == "POSLEDNÍ" && i + 1 < w.size() && w[i + 1] == "ACK")
        return TcpState::LastAck;
    return std::nullopt;
}

std::optional<Row> parseSsRow(const std::vector<std::string_view>& w) {
    std::size_t i = 0;
    Row row;
    if (!w.empty() && isSsNetid(w[0])) {
        row.tcp = w[0] == "tcp";
        i = 1;
    }
    if (w.size() < i + 5) {
        return std::nullopt;
    }
    row.state = parseStateText(w[i]);
    if (!parseCount(w[i + 1]) || !parseCount(w[i + 2])) {
        return std::nullopt;
    }
    const auto port = localPortOf(w[i + 3]);
    if (!port || !localPortOf(w[i + 4])) {
        return std::nullopt;
    }
    if (!row.state && row.tcp) {
        return std::nullopt;
    }
    row.localPort = *port;
    return row;
}

// macOS / BSD `netstat -an -p tcp`: "tcp4 0 0 192.168.1.20.50312 17.57.146.52.5223
// ESTABLISHED", "tcp46 0 0 *.8080 *.* LISTEN": the port is after the last dot.
bool isBsdProto(std::string_view word) {
    return word == "tcp4" || word == "tcp46" || word == "udp4" || word == "udp46";
}

std::optional<std::string_view> bsdPortOf(std::string_view endpoint) {
    const auto dot = endpoint.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 >= endpoint.size())
        return std::nullopt;
    const std::string_view port = endpoint.substr(dot + 1);
    if (port == "*")
        return port;
    const auto number = parseCount(port);
    if (!number || *number > 65535)
        return std::nullopt;
    return port;
}

std::optional<Row> parseBsdRow(const std::vector<std::string_view>& w) {
    // tcp6 is shared with Linux; a BSD tcp6 row has dots, not a colon, before its port.
    const bool bsd = isBsdProto(w[0]) || ((w[0] == "tcp6" || w[0] == "udp6") && w.size() >= 5 &&
                                          bsdPortOf(w[3]) && !localPortOf(w[3]));
    if (!bsd || w.size() < 5 || !parseCount(w[1]) || !parseCount(w[2]))
        return std::nullopt;
    const auto port = bsdPortOf(w[3]);
    if (!port || !bsdPortOf(w[4]))
        return std::nullopt;
    Row row;
    row.tcp = startsWith(w[0], "tcp");
    row.localPort = *port;
    if (row.tcp) {
        if (w.size() < 6)
            return std::nullopt;
        row.state =
            w[5] == "SYN_RCVD" ? std::optional<TcpState>(TcpState::SynRecv) : parseStateText(w[5]);
        if (!row.state)
            row.unknownState = w[5];
    }
    return row;
}

std::optional<Row> parseNetstatRow(const std::vector<std::string_view>& w) {
    if (w.size() >= 5) {
        if (auto bsd = parseBsdRow(w))
            return bsd;
    }
    if (w.size() < 5 || !isNetstatProto(w[0]) || w[0] == "unix") {
        return std::nullopt;
    }
    Row row;
    row.tcp = w[0] == "tcp" || w[0] == "tcp6";
    if (!parseCount(w[1]) || !parseCount(w[2])) {
        return std::nullopt;
    }
    const auto port = localPortOf(w[3]);
    if (!port || !localPortOf(w[4])) {
        return std::nullopt;
    }
    row.localPort = *port;
    if (row.tcp) {
        if (w.size() < 6) {
            return std::nullopt;
        }
        row.state = parseNetToolsState(w, 5);
        if (!row.state) {
            // Proto, queues and addresses fit: a netstat row whose state word is unknown.
            row.unknownState = w[5];
        }
    }
    return row;
}

// Windows `netstat -an` (and `-ano`, a PID column after the state): "TCP 10.0.0.5:51234
// 10.0.0.2:443 ESTABLISHED [PID]", "UDP 0.0.0.0:123 *:* [PID]". The state words are English in
// every Windows language.
std::optional<Row> parseWindowsRow(const std::vector<std::string_view>& w) {
    if (w.size() < 3 || (w[0] != "TCP" && w[0] != "UDP"))
        return std::nullopt;
    const auto port = localPortOf(w[1]);
    if (!port || !(w[2] == "*:*" || localPortOf(w[2])))
        return std::nullopt;
    Row row;
    row.tcp = w[0] == "TCP";
    row.localPort = *port;
    if (!row.tcp)
        return w.size() <= 4 ? std::optional<Row>(row) : std::nullopt;
    if (w.size() < 4 || w.size() > 5 || (w.size() == 5 && !parseCount(w[4])))
        return std::nullopt;
    static constexpr std::pair<std::string_view, TcpState> kWindows[] = {
        {"LISTENING", TcpState::Listen},
        {"SYN_RECEIVED", TcpState::SynRecv},
        {"ESTABLISHED", TcpState::Established},
        {"CLOSED", TcpState::Closed},
    };
    for (const auto& [word, state] : kWindows) {
        if (word == w[3])
            row.state = state;
    }
    if (!row.state)
        row.state = parseStateText(w[3]);
    if (!row.state)
        row.unknownState = w[3];
    return row;
}

// "TIME_WAIT 1669" (awk print key, count) or "1669 TIME_WAIT" (sort | uniq -c).
std::optional<std::pair<TcpState, long long>> parseAwkRow(const std::vector<std::string_view>& w) {
    if (w.size() != 2) {
        return std::nullopt;
    }
    if (auto state = parseStateText(w[0])) {
        if (auto count = parseCount(w[1])) {
            return std::pair{*state, *count};
        }
    }
    if (auto state = parseStateText(w[1])) {
        if (auto count = parseCount(w[0])) {
            return std::pair{*state, *count};
        }
    }
    return std::nullopt;
}

bool isSsSummaryOther(const std::vector<std::string_view>& w) {
    if (w.empty()) {
        return false;
    }
    if (w[0] == "Total:" || (w[0] == "Transport" && w.size() >= 2 && w[1] == "Total")) {
        return true;
    }
    static constexpr std::array<std::string_view, 6> kRows = {"RAW",  "UDP",  "TCP",
                                                              "INET", "FRAG", "MPTCP"};
    if (std::find(kRows.begin(), kRows.end(), w[0]) != kRows.end() && w.size() >= 2) {
        return std::all_of(w.begin() + 1, w.end(), [](std::string_view x) {
            return parseCount(x).has_value() || x == "-";
        });
    }
    return false;
}

LineKind classify(std::string_view line, const std::vector<std::string_view>& w) {
    if (w.empty()) {
        return LineKind::Blank;
    }
    if (w[0] == "TCP:" && line.find('(') != std::string_view::npos) {
        return LineKind::SsSummaryTcp;
    }
    if (isSsSummaryOther(w)) {
        return LineKind::SsSummaryOther;
    }
    if ((w[0] == "State" || w[0] == "Netid") && line.find("Recv-Q") != std::string_view::npos) {
        return LineKind::SsHeader;
    }
    if ((w[0] == "Proto" && (line.find("Recv-Q") != std::string_view::npos ||
                             line.find("RefCnt") != std::string_view::npos)) ||
        startsWith(line, "Active Internet connections") ||
        startsWith(line, "Aktive Internetverbindungen") || startsWith(line, "Active UNIX") ||
        startsWith(line, "Active Bluetooth")) {
        return LineKind::NetstatHeader;
    }
    if (startsWith(line, "Active Connections") || line.find("活动连接") != std::string_view::npos ||
        ((w[0] == "Proto" || w[0] == "协议") &&
         (line.find("Local Address") != std::string_view::npos ||
          line.find("本地地址") != std::string_view::npos))) {
        return LineKind::WindowsHeader;
    }
    if (parseNetstatRow(w)) {
        return LineKind::NetstatRow;
    }
    if (parseWindowsRow(w)) {
        return LineKind::WindowsRow;
    }
    if (parseSsRow(w)) {
        return LineKind::SsRow;
    }
    if (parseAwkRow(w)) {
        return LineKind::AwkRow;
    }
    return LineKind::Unknown;
}

std::string_view stateKey(TcpState state) {
    return *stateName(static_cast<int>(state));
}

class Importer {
public:
    void skip(std::size_t line, std::string reason) {
        ++m_result.skippedTotal;
        if (m_result.skipped.size() < ImportResult::kMaxSkippedListed) {
            m_result.skipped.push_back({line, std::move(reason)});
        }
    }

    // Adds with a check: counts come from untrusted text and may be absurdly large.
    bool add(long long& total, long long value) {
        long long sum = 0;
        if (__builtin_add_overflow(total, value, &sum)) {
            return false;
        }
        total = sum;
        return true;
    }

    void addRow(std::size_t line, const Row& row) {
        if (!row.tcp) {
            skip(line, "not a TCP socket");
            return;
        }
        if (!row.state) {
            skip(line, "unknown state word '" + std::string(row.unknownState) + "'");
            return;
        }
        const std::string state(stateKey(*row.state));
        add(m_result.counts[state], 1);
        add(m_result.byLocalPort[std::string(row.localPort)][state], 1);
    }

    void addAwk(std::size_t line, TcpState state, long long count) {
        if (!add(m_result.counts[std::string(stateKey(state))], count)) {
            skip(line, "count too large");
        }
    }

    // "TCP:   250 (estab 14, closed 220, orphaned 0, timewait 220)" (older ss adds
    // "synrecv 0" and prints "timewait 220/0", the second figure being TW buckets).
    bool addSsSummary(std::size_t line, std::string_view text) {
        const auto tcp = text.find("TCP:");
        const auto open = text.find('(');
        const auto close = text.find(')', open);
        std::optional<long long> total;
        if (tcp != std::string_view::npos && open != std::string_view::npos && open > tcp) {
            const auto words = splitWords(text.substr(tcp + 4, open - tcp - 4));
            if (words.size() == 1) {
                total = parseCount(words[0]);
            }
        }
        if (!total || close == std::string_view::npos) {
            skip(line, "ss -s TCP line without a total and a (...) list");
            return false;
        }
        m_result.totals["total"] = *total;
        std::string_view inner = text.substr(open + 1, close - open - 1);
        bool any = false;
        while (!inner.empty()) {
            const auto comma = inner.find(',');
            const std::string_view item = inner.substr(0, comma);
            inner = comma == std::string_view::npos ? std::string_view{} : inner.substr(comma + 1);
            const auto words = splitWords(item);
            if (words.size() != 2) {
                continue;
            }
            const auto slash = words[1].find('/');
            const auto value = parseCount(words[1].substr(0, slash));
            if (!value) {
                continue;
            }
            any = true;
            if (words[0] == "estab") {
                m_result.counts["ESTABLISHED"] = *value;
            } else if (words[0] == "timewait") {
                m_result.counts["TIME_WAIT"] = *value;
            } else if (words[0] == "synrecv") {
                m_result.counts["SYN_RECV"] = *value;
            } else {
                m_result.totals[std::string(words[0])] = *value;
            }
        }
        if (!any) {
            skip(line, "ss -s TCP line without figures");
        }
        return any;
    }

    // Text that holds socket-related figures but is not a listing of sockets: refused by name,
    // so that its numbers are never read as socket counts. nullptr when none matches.
    static const char* notAListing(const std::vector<std::string_view>& lines) {
        bool statsSection = false, statsLine = false, conntrack = false, prometheus = false,
             lsofHeader = false, lsofRow = false;
        for (const auto line : lines) {
            const auto words = splitWords(line);
            if (words.empty())
                continue;
            const std::string_view first = words[0];
            if (words.size() == 1 && first.size() > 1 && first.back() == ':' &&
                (first == "Ip:" || first == "Icmp:" || first == "IcmpMsg:" || first == "Tcp:" ||
                 first == "Udp:" || first == "UdpLite:" || first == "TcpExt:" ||
                 first == "IpExt:" || first == "MPTcpExt:"))
                statsSection = true;
            if (line.find("connection openings") != std::string_view::npos ||
                line.find("segments received") != std::string_view::npos ||
                line.find("segments sen") != std::string_view::npos ||
                line.find("passive connection") != std::string_view::npos)
                statsLine = true;
            if (line.find("src=") != std::string_view::npos &&
                line.find("dst=") != std::string_view::npos &&
                line.find("sport=") != std::string_view::npos)
                conntrack = true;
            if (startsWith(line, "# HELP ") || startsWith(line, "# TYPE ") ||
                startsWith(first, "node_netstat_") || startsWith(first, "node_sockstat_"))
                prometheus = true;
            if (first == "COMMAND" && line.find("PID") != std::string_view::npos &&
                line.find("NAME") != std::string_view::npos)
                lsofHeader = true;
            if (line.find("->") != std::string_view::npos &&
                (line.find("(ESTABLISHED)") != std::string_view::npos ||
                 line.find("(CLOSE_WAIT)") != std::string_view::npos ||
                 line.find("(TIME_WAIT)") != std::string_view::npos))
                lsofRow = true;
        }
        if (statsSection && statsLine)
            return "this is `netstat -s` (protocol statistics since boot), not a listing of "
                   "sockets; paste `ss -tan` or `netstat -an`";
        if (conntrack)
            return "this is a connection-tracking table (`conntrack -L` or "
                   "/proc/net/nf_conntrack), not a listing of sockets: its entries are the "
                   "firewall's, not the TCP stack's; paste `ss -tan` or `netstat -an`";
        if (prometheus)
            return "this is a Prometheus metrics page, not a listing of sockets; paste `ss -tan` "
                   "or `netstat -an` from the machine itself";
        if (lsofHeader || lsofRow)
            return "this is `lsof` output, not a listing of sockets: lsof shows open files per "
                   "process and omits sockets without one (TIME_WAIT, orphans); paste `ss -tan` "
                   "or `netstat -an`";
        return nullptr;
    }

    ImportResult run(std::string_view text) {
        std::vector<std::string_view> lines;
        for (std::size_t start = 0; start <= text.size();) {
            const auto end = text.find('\n', start);
            lines.push_back(text.substr(
                start, end == std::string_view::npos ? text.size() - start : end - start));
            if (end == std::string_view::npos) {
                break;
            }
            start = end + 1;
        }
        std::vector<LineKind> kinds;
        kinds.reserve(lines.size());
        std::size_t ss = 0, netstat = 0, awk = 0, windows = 0, ssSummary = 0, nonBlank = 0;
        for (const auto line : lines) {
            const auto kind = classify(line, splitWords(line));
            kinds.push_back(kind);
            nonBlank += kind != LineKind::Blank;
            // A header is strong evidence; weigh it like many rows.
            ss += kind == LineKind::SsRow ? 1 : kind == LineKind::SsHeader ? 1000 : 0;
            netstat += kind == LineKind::NetstatRow      ? 1
                       : kind == LineKind::NetstatHeader ? 1000
                                                         : 0;
            awk += kind == LineKind::AwkRow;
            windows += kind == LineKind::WindowsRow      ? 1
                       : kind == LineKind::WindowsHeader ? 1000
                                                         : 0;
            ssSummary += kind == LineKind::SsSummaryTcp;
        }
        if (nonBlank == 0) {
            throw ImportError("the input is empty");
        }
        const bool listingHeader =
            std::find(kinds.begin(), kinds.end(), LineKind::SsHeader) != kinds.end() ||
            std::find(kinds.begin(), kinds.end(), LineKind::NetstatHeader) != kinds.end() ||
            std::find(kinds.begin(), kinds.end(), LineKind::WindowsHeader) != kinds.end();
        if (!listingHeader) {
            if (const char* why = notAListing(lines))
                throw ImportError(why);
        }
        LineKind row = LineKind::Unknown;
        if (ssSummary > 0) {
            m_result.format = "ss-s";
            row = LineKind::SsSummaryTcp;
        } else if (windows > ss && windows > netstat && windows >= awk) {
            m_result.format = "netstat-windows";
            row = LineKind::WindowsRow;
        } else if (ss == 0 && netstat == 0 && awk == 0) {
            throw ImportError(
                "no line looks like `ss -tan`, `ss -s`, `netstat -an` or the netstat | awk "
                "summary");
        } else if (ss >= netstat && ss >= awk) {
            m_result.format = "ss-tan";
            row = LineKind::SsRow;
        } else if (netstat >= awk) {
            m_result.format = "netstat-an";
            row = LineKind::NetstatRow;
        } else {
            m_result.format = "netstat-awk";
            row = LineKind::AwkRow;
        }
        // Several listings one after another (`netstat -tlpn`, then `ss -tlpn`): each row is
        // read under the format it belongs to.
        std::string mixedFormat;
        int listingKinds = 0;
        for (const auto header :
             {LineKind::NetstatHeader, LineKind::SsHeader, LineKind::WindowsHeader}) {
            const auto at = std::find(kinds.begin(), kinds.end(), header);
            if (at == kinds.end())
                continue;
            ++listingKinds;
        }
        const bool mixed = ssSummary == 0 && listingKinds >= 2;
        if (mixed) {
            for (const auto kind : kinds) {
                const char* name = kind == LineKind::NetstatHeader   ? "netstat-an"
                                   : kind == LineKind::SsHeader      ? "ss-tan"
                                   : kind == LineKind::WindowsHeader ? "netstat-windows"
                                                                     : nullptr;
                if (name != nullptr && mixedFormat.find(name) == std::string::npos)
                    mixedFormat += (mixedFormat.empty() ? "" : "+") + std::string(name);
            }
            m_result.format = mixedFormat;
        }
        std::size_t used = 0;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const std::size_t lineNo = i + 1;
            const auto kind = kinds[i];
            const auto words = splitWords(lines[i]);
            if (kind == LineKind::Blank) {
                continue;
            }
            if (mixed && (kind == LineKind::SsHeader || kind == LineKind::NetstatHeader ||
                          kind == LineKind::WindowsHeader)) {
                continue;
            }
            if (mixed && (kind == LineKind::SsRow || kind == LineKind::NetstatRow ||
                          kind == LineKind::WindowsRow)) {
                row = kind;
            }
            if (kind == row) {
                if (row == LineKind::SsRow) {
                    addRow(lineNo, *parseSsRow(words));
                } else if (row == LineKind::NetstatRow) {
                    const Row r = *parseNetstatRow(words);
                    addRow(lineNo, r);
                    if (r.tcp && !r.state)
                        continue;  // reported with its word, not used
                } else if (row == LineKind::WindowsRow) {
                    const Row r = *parseWindowsRow(words);
                    addRow(lineNo, r);
                    if (r.tcp && !r.state)
                        continue;
                } else if (row == LineKind::AwkRow) {
                    const auto [state, count] = *parseAwkRow(words);
                    addAwk(lineNo, state, count);
                } else if (!addSsSummary(lineNo, lines[i])) {
                    continue;
                }
                ++used;
                continue;
            }
            const bool ownHeader =
                (row == LineKind::SsRow && kind == LineKind::SsHeader) ||
                (row == LineKind::NetstatRow && kind == LineKind::NetstatHeader) ||
                (row == LineKind::WindowsRow && kind == LineKind::WindowsHeader) ||
                (row == LineKind::SsSummaryTcp && kind == LineKind::SsSummaryOther);
            if (ownHeader) {
                continue;
            }
            if (row == LineKind::NetstatRow && !words.empty() && words[0] == "unix") {
                skip(lineNo, "not a TCP socket");
            } else if (row == LineKind::SsRow && !words.empty() && isSsNetid(words[0]) &&
                       words[0] != "tcp") {
                skip(lineNo, "not a TCP socket");
            } else {
                skip(lineNo, "not a " + m_result.format + " line");
            }
        }
        if (used == 0) {
            throw ImportError("no usable line in the " + m_result.format + " input");
        }
        return std::move(m_result);
    }

private:
    ImportResult m_result;
};

}  // namespace

namespace {

// `ss -tan state time-wait` prints no State column: every row has the filtered state. The state
// is taken from the command line in the paste; the rows are then read as `ss -tan` rows.
std::optional<std::string> withStateColumn(std::string_view text) {
    std::vector<std::string_view> lines;
    for (std::size_t start = 0; start <= text.size();) {
        const auto end = text.find('\n', start);
        lines.push_back(
            text.substr(start, end == std::string_view::npos ? text.size() - start : end - start));
        if (end == std::string_view::npos)
            break;
        start = end + 1;
    }
    bool statelessHeader = false;
    for (const auto line : lines) {
        const auto w = splitWords(line);
        if (!w.empty() &&
            (w[0] == "Recv-Q" || (w[0] == "Netid" && w.size() > 1 && w[1] == "Recv-Q")) &&
            line.find("Local Address") != std::string_view::npos)
            statelessHeader = true;
    }
    if (!statelessHeader)
        return std::nullopt;
    static constexpr std::pair<std::string_view, std::string_view> kFilters[] = {
        {"established", "ESTAB"},     {"syn-sent", "SYN-SENT"},     {"syn-recv", "SYN-RECV"},
        {"fin-wait-1", "FIN-WAIT-1"}, {"fin-wait-2", "FIN-WAIT-2"}, {"time-wait", "TIME-WAIT"},
        {"closed", "UNCONN"},         {"close-wait", "CLOSE-WAIT"}, {"last-ack", "LAST-ACK"},
        {"listening", "LISTEN"},      {"closing", "CLOSING"},
    };
    std::string_view state;
    int filters = 0;
    for (const auto line : lines) {
        const auto w = splitWords(line);
        const bool ssCommand = std::find(w.begin(), w.end(), "ss") != w.end();
        for (std::size_t i = 0; ssCommand && i + 1 < w.size(); ++i) {
            if (w[i] != "state" && w[i] != "sport" && w[i] != "dport" && w[i] != "exclude")
                continue;
            if (w[i] == "exclude") {
                ++filters;
                continue;
            }
            if (w[i] != "state")
                continue;
            ++filters;
            for (const auto& [name, word] : kFilters) {
                if (w[i + 1] == name)
                    state = word;
            }
        }
    }
    if (state.empty() || filters != 1) {
        throw ImportError(
            filters > 1
                ? "this `ss` listing has no State column and its command filters several states: "
                  "the rows cannot be told apart; filter one state, or paste `ss -tan` without a "
                  "state filter"
                : "this `ss` listing has no State column (it was filtered with `state ...`): paste "
                  "the command line with it, e.g. `ss -tan state time-wait`, or the output of "
                  "`ss -tan`");
    }
    std::string out;
    for (std::size_t n = 0; n < lines.size(); ++n) {
        const auto line = lines[n];
        const auto w = splitWords(line);
        const std::size_t first = !w.empty() && isSsNetid(w[0]) ? 1 : 0;
        std::string rewritten(line);
        if (!w.empty() &&
            (w[0] == "Recv-Q" || (w[0] == "Netid" && w.size() > 1 && w[1] == "Recv-Q"))) {
            rewritten = "State " + std::string(line);
        } else if (w.size() >= first + 4 && parseCount(w[first]) && parseCount(w[first + 1]) &&
                   localPortOf(w[first + 2]) && localPortOf(w[first + 3])) {
            rewritten = (first == 1 ? std::string(w[0]) + ' ' : std::string()) +
                        std::string(state) + ' ' +
                        std::string(line.substr(first == 1 ? line.find(w[1]) : 0));
        }
        out += rewritten;
        if (n + 1 < lines.size())
            out += '\n';
    }
    return out;
}

}  // namespace

ImportResult importSocketText(std::string_view text) {
    if (const auto rewritten = withStateColumn(text))
        return Importer().run(*rewritten);
    return Importer().run(text);
}

nlohmann::json toJson(const ImportResult& result) {
    nlohmann::json skipped = nlohmann::json::array();
    for (const auto& s : result.skipped) {
        skipped.push_back({{"line", s.line}, {"reason", s.reason}});
    }
    nlohmann::json out = {
        {"format", result.format},
        {"counts", result.counts},
        {"by_local_port", result.byLocalPort},
        {"skipped", std::move(skipped)},
        {"skipped_total", result.skippedTotal},
    };
    if (!result.totals.empty()) {
        out["totals"] = result.totals;
    }
    return out;
}

}  // namespace closelab::kernel
