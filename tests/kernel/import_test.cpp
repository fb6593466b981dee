#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "kernel/import_error.h"
#include "kernel/socket_text_import.h"

using closelab::kernel::ImportError;
using closelab::kernel::importSocketText;

namespace {

// The fixtures in data/ were captured from ss (iproute2 6.1) and netstat (net-tools) in a
// private netns holding 3 TIME_WAIT, 2 CLOSE_WAIT (port 5001), 2 orphaned FIN_WAIT_2,
// 2 listeners and 4 ESTABLISHED IPv6 sockets on port 8080.
std::string fixture(const std::string& name) {
    std::ifstream in(std::string(CLOSELAB_SOURCE_ROOT) + "/tests/kernel/data/" + name);
    EXPECT_TRUE(in.good()) << name;
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void expectFixtureCounts(const closelab::kernel::ImportResult& r) {
    EXPECT_EQ(r.counts.at("TIME_WAIT"), 3);
    EXPECT_EQ(r.counts.at("CLOSE_WAIT"), 2);
    EXPECT_EQ(r.counts.at("FIN_WAIT_2"), 2);
    EXPECT_EQ(r.counts.at("ESTABLISHED"), 4);
    EXPECT_EQ(r.counts.at("LISTEN"), 2);
    EXPECT_EQ(r.byLocalPort.at("5001").at("CLOSE_WAIT"), 2);
    EXPECT_EQ(r.byLocalPort.at("5001").at("LISTEN"), 1);
    EXPECT_EQ(r.byLocalPort.at("8080").at("ESTABLISHED"), 2);
}

}  // namespace

TEST(Import, SsTanCountsEveryStateAndLocalPort) {
    const auto r = importSocketText(fixture("ss-tan.txt"));
    EXPECT_EQ(r.format, "ss-tan");
    expectFixtureCounts(r);
    EXPECT_EQ(r.skippedTotal, 0u);
}

TEST(Import, SsTanpProcessColumnIsIgnored) {
    const auto r = importSocketText(fixture("ss-tanp.txt"));
    EXPECT_EQ(r.format, "ss-tan");
    expectFixtureCounts(r);
    EXPECT_EQ(r.skippedTotal, 0u);
}

TEST(Import, SsAnSkipsNonTcpNetidsWithAReason) {
    const auto r = importSocketText(fixture("ss-an.txt"));
    EXPECT_EQ(r.format, "ss-tan");
    expectFixtureCounts(r);
    ASSERT_EQ(r.skippedTotal, 9u);
    EXPECT_EQ(r.skipped[0].line, 2u);
    EXPECT_EQ(r.skipped[0].reason, "not a TCP socket");
}

TEST(Import, NetstatAnSkipsUnixSectionHeaders) {
    const auto r = importSocketText(fixture("netstat-an.txt"));
    EXPECT_EQ(r.format, "netstat-an");
    expectFixtureCounts(r);
    EXPECT_EQ(r.skippedTotal, 0u);
}

TEST(Import, NetstatAntpProgramColumnIsIgnored) {
    const auto r = importSocketText(fixture("netstat-antp.txt"));
    EXPECT_EQ(r.format, "netstat-an");
    expectFixtureCounts(r);
}

TEST(Import, NetstatAwkSummaryFromTheSeeds) {
    const auto r = importSocketText(fixture("seed-awk.txt"));
    EXPECT_EQ(r.format, "netstat-awk");
    EXPECT_EQ(r.counts.at("TIME_WAIT"), 1669);
    EXPECT_EQ(r.counts.at("FIN_WAIT_1"), 28);
    EXPECT_EQ(r.counts.at("FIN_WAIT_2"), 3);
    EXPECT_EQ(r.counts.at("SYN_RECV"), 14);
    EXPECT_TRUE(r.byLocalPort.empty());
}

TEST(Import, NetstatAwkCapturedFixtureAndUniqCountOrder) {
    EXPECT_EQ(importSocketText(fixture("netstat-awk.txt")).counts.at("ESTABLISHED"), 4);
    const auto r = importSocketText("   1669 TIME_WAIT\n     12 CLOSE_WAIT\n");
    EXPECT_EQ(r.format, "netstat-awk");
    EXPECT_EQ(r.counts.at("TIME_WAIT"), 1669);
    EXPECT_EQ(r.counts.at("CLOSE_WAIT"), 12);
}

TEST(Import, SsSummaryTakesTheTcpLine) {
    const auto r = importSocketText(fixture("ss-s.txt"));
    EXPECT_EQ(r.format, "ss-s");
    EXPECT_EQ(r.counts.at("ESTABLISHED"), 6);
    // ss -s counts TIME_WAIT buckets, which include the 2 orphaned FIN_WAIT_2 mini-sockets.
    EXPECT_EQ(r.counts.at("TIME_WAIT"), 5);
    EXPECT_EQ(r.totals.at("total"), 14);
    EXPECT_EQ(r.totals.at("orphaned"), 0);
    EXPECT_EQ(r.skippedTotal, 0u);
}

TEST(Import, OldSsSummaryWithSynrecvAndBuckets) {
    const auto r = importSocketText(
        "Total: 1201 (kernel 1290)\n"
        "TCP:   8520 (estab 420, closed 8050, orphaned 3, synrecv 0, timewait 8049/0), ports 0\n");
    EXPECT_EQ(r.counts.at("TIME_WAIT"), 8049);
    EXPECT_EQ(r.counts.at("SYN_RECV"), 0);
    EXPECT_EQ(r.totals.at("closed"), 8050);
}

TEST(Import, GarbageLinesAreSkippedNotFatal) {
    const auto r = importSocketText(
        "State Recv-Q Send-Q Local Address:Port Peer Address:Port\n"
        "ESTAB 0 0 10.0.0.1:443 10.0.0.2:51000\n"
        "this line is garbage\n"
        "ESTAB x 0 10.0.0.1:443 10.0.0.2:51001\n"
        "TIME-WAIT 0 0 10.0.0.1:443 10.0.0.2:51002\n");
    EXPECT_EQ(r.counts.at("ESTABLISHED"), 1);
    EXPECT_EQ(r.counts.at("TIME_WAIT"), 1);
    ASSERT_EQ(r.skipped.size(), 2u);
    EXPECT_EQ(r.skipped[0].line, 3u);
    EXPECT_EQ(r.skipped[1].line, 4u);
    const auto json = toJson(r);
    EXPECT_EQ(json["skipped"][0]["line"], 3);
    EXPECT_EQ(json["by_local_port"]["443"]["TIME_WAIT"], 1);
}

TEST(Import, HeaderlessSsRowsAndCrlfLineEnds) {
    const auto r = importSocketText(
        "CLOSE-WAIT 1 0 [::ffff:10.0.0.1]:8080 [::ffff:10.0.0.9]:3\r\n"
        "CLOSE-WAIT 1 0 [::ffff:10.0.0.1]:8080 [::ffff:10.0.0.9]:4\r\n");
    EXPECT_EQ(r.format, "ss-tan");
    EXPECT_EQ(r.byLocalPort.at("8080").at("CLOSE_WAIT"), 2);
}

TEST(Import, EmptyInputIsAnError) {
    EXPECT_THROW(importSocketText(""), ImportError);
    EXPECT_THROW(importSocketText(" \n\t\n"), ImportError);
}

TEST(Import, UnrecognisedInputIsAnError) {
    EXPECT_THROW(importSocketText("hello world\nnothing here\n"), ImportError);
    EXPECT_THROW(importSocketText("State Recv-Q Send-Q\n"), ImportError);
}

TEST(Import, HugeCountsDoNotOverflow) {
    const auto r = importSocketText("TIME_WAIT 9223372036854775807\nTIME_WAIT 5\n");
    EXPECT_EQ(r.counts.at("TIME_WAIT"), 9223372036854775807LL);
    ASSERT_EQ(r.skipped.size(), 1u);
    EXPECT_EQ(r.skipped[0].reason, "count too large");
}

// What is not a socket listing is refused by name, never counted.
std::string refusal(const std::string& text) {
    try {
        const auto r = importSocketText(text);
        return "accepted as " + r.format;
    } catch (const ImportError& e) {
        return e.what();
    }
}

TEST(Import, NetstatStatisticsAreRefused) {
    const std::string text =
        "Ip:\n    Forwarding: 1\n    9113434 total packets received\nTcp:\n"
        "    81272 active connection openings\n    11843 passive connection openings\n"
        "    2047 failed connection attempts\n    120 connection resets received\n"
        "    25 connections established\n    9045872 segments received\n"
        "    9620544 segments sent out\nTcpExt:\n    15092 TCP sockets finished time wait in "
        "fast timer\n";
    EXPECT_NE(refusal(text).find("netstat -s"), std::string::npos) << refusal(text);
}

TEST(Import, ConntrackTableIsRefused) {
    const std::string text =
        "tcp      6 431999 ESTABLISHED src=10.0.0.5 dst=10.0.0.2 sport=51234 dport=443 "
        "src=10.0.0.2 dst=10.0.0.5 sport=443 dport=51234 [ASSURED] mark=0 use=1\n"
        "tcp      6 117 TIME_WAIT src=10.0.0.5 dst=10.0.0.2 sport=51230 dport=443 src=10.0.0.2 "
        "dst=10.0.0.5 sport=443 dport=51230 [ASSURED] mark=0 use=1\n"
        "conntrack v1.4.7 (conntrack-tools): 2 flow entries have been shown.\n";
    EXPECT_NE(refusal(text).find("connection-tracking"), std::string::npos) << refusal(text);
}

TEST(Import, PrometheusMetricsAreRefused) {
    const std::string text =
        "# HELP node_sockstat_TCP_tw Number of TCP sockets in state tw.\n"
        "# TYPE node_sockstat_TCP_tw gauge\nnode_sockstat_TCP_tw 1043\n"
        "# HELP node_netstat_Tcp_CurrEstab Statistic TcpCurrEstab.\n"
        "# TYPE node_netstat_Tcp_CurrEstab untyped\nnode_netstat_Tcp_CurrEstab 57\n";
    EXPECT_NE(refusal(text).find("Prometheus"), std::string::npos) << refusal(text);
}

TEST(Import, LsofOutputIsRefused) {
    const std::string text =
        "COMMAND   PID     USER   FD   TYPE  DEVICE SIZE/OFF NODE NAME\n"
        "nginx    1234 www-data    6u  IPv4  123456      0t0  TCP *:80 (LISTEN)\n"
        "nginx    1234 www-data   12u  IPv4  123999      0t0  TCP "
        "10.0.0.2:80->10.0.0.5:51234 (ESTABLISHED)\n"
        "java     4321      app   88u  IPv6  555555      0t0  TCP "
        "[::1]:8080->[::1]:40000 (CLOSE_WAIT)\n";
    EXPECT_NE(refusal(text).find("lsof"), std::string::npos) << refusal(text);
}

TEST(Import, AListingMentioningOtherToolsIsStillRead) {
    // A real listing with a header is read even if a line elsewhere looks like another tool's.
    const std::string text =
        "State  Recv-Q Send-Q Local Address:Port Peer Address:Port\n"
        "ESTAB  0      0      10.0.0.2:80        10.0.0.5:51234\n"
        "# HELP this line is noise\n";
    EXPECT_EQ(refusal(text), "accepted as ss-tan");
}

// net-tools prints state words through gettext; Debian 12's catalogues (de, cs, pt_BR).
TEST(Import, GermanNetToolsEstablishedIsVerbunden) {
    const std::string text =
        "Aktive Internetverbindungen (Server und stehende Verbindungen)\n"
        "Proto Recv-Q Send-Q Local Address           Foreign Address         State\n"
        "tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN\n"
        "tcp        0     36 10.0.0.2:22             10.0.0.5:51234          VERBUNDEN\n"
        "tcp        0      0 10.0.0.2:80             10.0.0.5:51230          TIME_WAIT\n"
        "tcp6       0      0 :::80                   :::*                    LISTEN\n";
    const auto r = importSocketText(text);
    EXPECT_EQ(r.format, "netstat-an");
    EXPECT_EQ(r.counts.at("ESTABLISHED"), 1);
    EXPECT_EQ(r.counts.at("LISTEN"), 2);
    EXPECT_EQ(r.counts.at("TIME_WAIT"), 1);
    EXPECT_EQ(r.skippedTotal, 0u);
}

TEST(Import, CzechAndBrazilianNetToolsStates) {
    const std::string cs =
        "Proto Recv-Q Send-Q Local Address           Foreign Address         State\n"
        "tcp        0      0 0.0.0.0:22              0.0.0.0:*               NASLOUCHÁ\n"
        "tcp        0      0 10.0.0.2:22             10.0.0.5:51234          SPOJENO\n"
        "tcp        0      1 10.0.0.2:80             10.0.0.5:51230          POSLEDNÍ ACK\n";
    const auto r = importSocketText(cs);
    EXPECT_EQ(r.counts.at("LISTEN"), 1);
    EXPECT_EQ(r.counts.at("ESTABLISHED"), 1);
    EXPECT_EQ(r.counts.at("LAST_ACK"), 1);
    const std::string pt =
        "Proto Recv-Q Send-Q Local Address           Foreign Address         State\n"
        "tcp        0      0 10.0.0.2:22             10.0.0.5:51234          ESTABELECIDA\n"
        "tcp        1      0 10.0.0.2:8080           10.0.0.5:40000          ESPERANDO_FECHAR\n"
        "tcp        0      0 10.0.0.2:80             10.0.0.5:51230          ESPERA_FIN2\n";
    const auto p = importSocketText(pt);
    EXPECT_EQ(p.counts.at("ESTABLISHED"), 1);
    EXPECT_EQ(p.counts.at("CLOSE_WAIT"), 1);
    EXPECT_EQ(p.counts.at("FIN_WAIT_2"), 1);
}

TEST(Import, AnUnknownStateWordIsReportedWithTheWord) {
    const std::string text =
        "Proto Recv-Q Send-Q Local Address           Foreign Address         State\n"
        "tcp        0      0 10.0.0.2:22             10.0.0.5:51234          ESTABLISHED\n"
        "tcp        0      0 10.0.0.2:80             10.0.0.5:51230          HALBOFFEN\n";
    const auto r = importSocketText(text);
    EXPECT_EQ(r.counts.at("ESTABLISHED"), 1);
    ASSERT_EQ(r.skipped.size(), 1u);
    EXPECT_EQ(r.skipped[0].line, 3u);
    EXPECT_EQ(r.skipped[0].reason, "unknown state word 'HALBOFFEN'");
}

TEST(Import, WindowsNetstatAnEnglish) {
    const std::string text =
        "\r\nActive Connections\r\n\r\n"
        "  Proto  Local Address          Foreign Address        State\r\n"
        "  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING\r\n"
        "  TCP    0.0.0.0:445            0.0.0.0:0              LISTENING\r\n"
        "  TCP    10.0.0.5:51234         10.0.0.2:443           ESTABLISHED\r\n"
        "  TCP    10.0.0.5:51230         10.0.0.2:443           TIME_WAIT\r\n"
        "  TCP    10.0.0.5:51229         10.0.0.2:443           CLOSE_WAIT\r\n"
        "  TCP    [::]:135               [::]:0                 LISTENING\r\n"
        "  TCP    [::1]:49670            [::1]:49671            ESTABLISHED\r\n"
        "  UDP    0.0.0.0:123            *:*                    \r\n"
        "  UDP    [::]:500               *:*                    \r\n";
    const auto r = importSocketText(text);
    EXPECT_EQ(r.format, "netstat-windows");
    EXPECT_EQ(r.counts.at("LISTEN"), 3);
    EXPECT_EQ(r.counts.at("ESTABLISHED"), 2);
    EXPECT_EQ(r.counts.at("TIME_WAIT"), 1);
    EXPECT_EQ(r.counts.at("CLOSE_WAIT"), 1);
    EXPECT_EQ(r.byLocalPort.at("135").at("LISTEN"), 2);
    EXPECT_EQ(r.skippedTotal, 2u);  // the UDP rows: not TCP
}

TEST(Import, WindowsNetstatAnoChineseHeaders) {
    const std::string text =
        "\r\n活动连接\r\n\r\n"
        "  协议  本地地址          外部地址        状态           PID\r\n"
        "  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       1044\r\n"
        "  TCP    192.168.1.20:50312     20.198.119.84:443      ESTABLISHED     6724\r\n"
        "  TCP    192.168.1.20:50999     52.98.1.1:443          SYN_SENT        6724\r\n"
        "  TCP    192.168.1.20:51000     52.98.1.1:443          FIN_WAIT_2      6724\r\n"
        "  UDP    0.0.0.0:5353           *:*                                    2360\r\n";
    const auto r = importSocketText(text);
    EXPECT_EQ(r.format, "netstat-windows");
    EXPECT_EQ(r.counts.at("LISTEN"), 1);
    EXPECT_EQ(r.counts.at("ESTABLISHED"), 1);
    EXPECT_EQ(r.counts.at("SYN_SENT"), 1);
    EXPECT_EQ(r.counts.at("FIN_WAIT_2"), 1);
}

TEST(Import, MacosNetstatAnPTcp) {
    const std::string text =
        "Active Internet connections (including servers)\n"
        "Proto Recv-Q Send-Q  Local Address          Foreign Address        (state)\n"
        "tcp4       0      0  192.168.1.20.50312     17.57.146.52.5223      ESTABLISHED\n"
        "tcp4       0      0  192.168.1.20.50310     140.82.112.25.443      TIME_WAIT\n"
        "tcp4      31      0  192.168.1.20.50299     151.101.1.69.443       CLOSE_WAIT\n"
        "tcp6       0      0  fe80::1%lo0.49153      fe80::1%lo0.49152      ESTABLISHED\n"
        "tcp46      0      0  *.8080                 *.*                    LISTEN\n"
        "tcp4       0      0  127.0.0.1.631          *.*                    LISTEN\n"
        "tcp4       0      0  192.168.1.20.50400     10.0.0.9.22            SYN_RCVD\n";
    const auto r = importSocketText(text);
    EXPECT_EQ(r.format, "netstat-an");
    EXPECT_EQ(r.counts.at("ESTABLISHED"), 2);
    EXPECT_EQ(r.counts.at("TIME_WAIT"), 1);
    EXPECT_EQ(r.counts.at("CLOSE_WAIT"), 1);
    EXPECT_EQ(r.counts.at("LISTEN"), 2);
    EXPECT_EQ(r.counts.at("SYN_RECV"), 1);
    EXPECT_EQ(r.byLocalPort.at("8080").at("LISTEN"), 1);
    EXPECT_EQ(r.byLocalPort.at("49153").at("ESTABLISHED"), 1);
    EXPECT_EQ(r.skippedTotal, 0u);
}

TEST(Import, SsStateFilterWithoutStateColumn) {
    const std::string text =
        "$ ss -tan state time-wait\n"
        "Recv-Q Send-Q Local Address:Port  Peer Address:Port Process\n"
        "0      0      10.0.0.2:80         10.0.0.5:51230\n"
        "0      0      10.0.0.2:80         10.0.0.5:51232\n"
        "0      0      10.0.0.2:443        10.0.0.7:40001\n";
    const auto r = importSocketText(text);
    EXPECT_EQ(r.format, "ss-tan");
    EXPECT_EQ(r.counts.at("TIME_WAIT"), 3);
    EXPECT_EQ(r.byLocalPort.at("80").at("TIME_WAIT"), 2);
    // Without the command the state is unknown: refused, saying what to paste.
    const std::string bare = text.substr(text.find('\n') + 1);
    try {
        (void)importSocketText(bare);
        ADD_FAILURE() << "accepted";
    } catch (const ImportError& e) {
        EXPECT_NE(std::string(e.what()).find("no State column"), std::string::npos) << e.what();
    }
}

TEST(Import, SeveralListingsInOnePaste) {
    // netstat -tlpn, then ss -tlpn: each row is read under its own format.
    const std::string text =
        "$ sudo netstat -tlpn\n"
        "Active Internet connections (only servers)\n"
        "Proto Recv-Q Send-Q Local Address           Foreign Address         State       "
        "PID/Program name\n"
        "tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      "
        "812/sshd: /usr/sbin\n"
        "tcp6       0      0 :::80                   :::*                    LISTEN      "
        "1290/nginx: master\n"
        "$ sudo ss -tlpn\n"
        "State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process\n"
        "LISTEN 0      128    0.0.0.0:22         0.0.0.0:*         "
        "users:((\"sshd\",pid=812,fd=3))\n"
        "LISTEN 0      511    [::]:80            [::]:*            "
        "users:((\"nginx\",pid=1290,fd=7))\n"
        "LISTEN 0      4096   127.0.0.1:9090     0.0.0.0:*         "
        "users:((\"prometheus\",pid=2001,fd=8))\n";
    const auto r = importSocketText(text);
    EXPECT_EQ(r.format, "netstat-an+ss-tan");
    EXPECT_EQ(r.counts.at("LISTEN"), 5);
    EXPECT_EQ(r.byLocalPort.at("9090").at("LISTEN"), 1);
    EXPECT_EQ(r.byLocalPort.at("22").at("LISTEN"), 2);
}
