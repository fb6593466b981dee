// Every committed capture of tests/data/captures is read and its inferred results checked.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "capture/capture.h"
#include "core/error.h"
#include "pcap_writer.h"

namespace {

using closelab::capture::CaptureOptions;
using closelab::capture::CaptureResult;
using closelab::capture::readCapture;
using closelab::capture::readCaptureBuffer;
using closelab::core::ErrorId;
using closelab::core::InputError;
using closelab::core::TcpState;

const std::string kDir = CLOSELAB_CAPTURE_DATA;

struct Expect {
    std::string firstClose, close, twSide;
    std::vector<std::string> anomalies;
    std::uint64_t segments;
};
struct FileExpect {
    std::uint64_t packets, truncated;
    std::vector<Expect> connections;
    std::size_t warnings = 0;
};

const std::map<std::string, FileExpect>& expectations() {
    static const std::map<std::string, FileExpect> m = {
        {"ethernet-client-close.pcap", {11, 0, {{"client", "fin", "client", {}, 11}}}},
        {"sll-server-close.pcap", {9, 0, {{"server", "fin", "server", {}, 9}}}},
        {"sll2-ipv6-hop-by-hop.pcap", {11, 0, {{"client", "fin", "client", {}, 11}}}},
        {"qinq-client-close.pcapng", {11, 0, {{"client", "fin", "client", {}, 11}}}},
        {"raw-ipv4-server-close.pcap", {9, 0, {{"server", "fin", "server", {}, 9}}}},
        {"null-loopback-client-close.pcap", {11, 0, {{"client", "fin", "client", {}, 11}}}},
        {"snaplen-64.pcap", {9, 9, {{"server", "fin", "server", {}, 9}}}},
        {"loop-lost-final-ack.pcap",
         {9, 0, {{"client", "fin", "client", {"capture.fin_retrans"}, 9}}}},
        {"rst-linger0.pcap", {6, 0, {{"client", "rst", "none", {"capture.rst_close"}, 6}}}},
        {"rst-unread-data.pcap", {6, 0, {{"server", "rst", "none", {"capture.rst_close"}, 6}}}},
        {"data-after-fin-rst.pcap",
         {7, 0, {{"client", "rst", "none", {"capture.data_after_fin", "fw2.data_rst"}, 7}}}},
        {"close-wait-leak.pcap", {7, 0, {{"client", "half", "none", {}, 7}}}},
        {"simultaneous-close.pcap", {7, 0, {{"both", "fin", "both", {}, 7}}}},
        {"syn-on-time-wait.pcap",
         {18,
          0,
          {{"server", "fin", "server", {}, 9},
           {"server", "fin", "server", {"capture.syn_on_tw"}, 9}}}},
        {"challenge-ack.pcap",
         {11,
          0,
          {{"client", "rst", "none", {"rst.challenge_ack"}, 8}, {"none", "open", "none", {}, 3}}}},
        {"tw-recycle-syn-drop.pcap",
         {12,
          0,
          {{"server", "fin", "server", {}, 9},
           {"none", "open", "none", {"capture.syn_unanswered", "recycle.syn_drop"}, 3}}}},
        {"zero-window-keepalive.pcap",
         {7, 0, {{"none", "open", "none", {"capture.zero_window", "capture.keepalive"}, 7}}}},
        {"mid-stream-server-close.pcap", {5, 0, {{"server", "fin", "server", {}, 5}}}},
        {"two-connections.pcap",
         {20, 0, {{"client", "fin", "client", {}, 11}, {"server", "fin", "server", {}, 9}}}},
        {"truncated-file.pcap", {10, 0, {{"client", "fin", "client", {}, 10}}, 1}},
        // Real Linux traffic on lo (record_loopback): a client-first close, SO_LINGER {1,0},
        // a server close() with unread data.
        {"kernel-lo-three-closes.pcap",
         {22,
          0,
          {{"client", "fin", "client", {}, 10},
           {"client", "rst", "none", {"capture.rst_close"}, 6},
           {"server", "rst", "none", {"capture.rst_close"}, 6}}}},
    };
    return m;
}

const std::map<std::string, ErrorId>& badFiles() {
    static const std::map<std::string, ErrorId> m = {
        {"bad-empty.pcap", ErrorId::CaptureEmpty},
        {"bad-garbage.pcap", ErrorId::CaptureNotCapture},
        {"bad-header-version.pcap", ErrorId::CaptureNotCapture},
        {"bad-link-type-80211.pcap", ErrorId::CaptureLinkType},
    };
    return m;
}

std::string readBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(CaptureData, EveryCommittedCaptureIsChecked) {
    int seen = 0;
    for (const auto& entry : std::filesystem::directory_iterator(kDir)) {
        const std::string name = entry.path().filename().string();
        if (name == "README.md")
            continue;
        ++seen;
        EXPECT_TRUE(expectations().count(name) + badFiles().count(name) == 1)
            << name << " has no expected result in capture_test.cpp";
    }
    EXPECT_EQ(static_cast<std::size_t>(seen), expectations().size() + badFiles().size());
}

TEST(CaptureData, InferredResultsOfEachCapture) {
    for (const auto& [name, want] : expectations()) {
        SCOPED_TRACE(name);
        const CaptureResult r = readCapture(kDir + "/" + name);
        EXPECT_EQ(r.packets, want.packets);
        EXPECT_EQ(r.tcpPackets, want.packets);
        EXPECT_EQ(r.truncated, want.truncated);
        EXPECT_EQ(r.warnings.size(), want.warnings);
        ASSERT_EQ(r.connections.size(), want.connections.size());
        for (std::size_t i = 0; i < want.connections.size(); ++i) {
            const auto& c = r.connections[i];
            const auto& w = want.connections[i];
            SCOPED_TRACE("connection " + std::to_string(i + 1));
            EXPECT_EQ(c.index, static_cast<int>(i + 1));
            EXPECT_EQ(c.firstClose, w.firstClose);
            EXPECT_EQ(c.close, w.close);
            EXPECT_EQ(c.timeWaitSide, w.twSide);
            EXPECT_EQ(c.anomalies, w.anomalies);
            EXPECT_EQ(c.segments, w.segments);
        }
    }
}

TEST(CaptureData, BadFilesGiveTypedErrors) {
    for (const auto& [name, id] : badFiles()) {
        SCOPED_TRACE(name);
        try {
            (void)readCapture(kDir + "/" + name);
            ADD_FAILURE() << "no error";
        } catch (const InputError& e) {
            EXPECT_EQ(e.id(), id) << e.what();
            EXPECT_NE(std::string(e.what()).find(name), std::string::npos) << e.what();
        }
    }
    try {
        (void)readCapture(kDir + "/does-not-exist.pcap");
        ADD_FAILURE() << "no error";
    } catch (const InputError& e) {
        EXPECT_EQ(e.id(), ErrorId::FileUnreadable);
    }
}

TEST(CaptureData, ATruncatedFileNamesWhereItStopped) {
    const CaptureResult r = readCapture(kDir + "/truncated-file.pcap");
    ASSERT_EQ(r.warnings.size(), 1u);
    EXPECT_EQ(r.warnings[0].id, ErrorId::CaptureTruncated);
    const std::string& t = r.warnings[0].text;
    EXPECT_NE(t.find("packet 11"), std::string::npos) << t;
    EXPECT_NE(t.find("byte 1244"), std::string::npos) << t;
}

// Every prefix of a capture, and every single-byte corruption of its headers, reads without a
// crash: either what is whole plus a warning, or a typed error.
TEST(CaptureData, EveryPrefixAndByteFlipIsHandled) {
    for (const char* name :
         {"ethernet-client-close.pcap", "qinq-client-close.pcapng", "sll2-ipv6-hop-by-hop.pcap"}) {
        const std::string bytes = readBytes(kDir + "/" + name);
        for (std::size_t n = 0; n <= bytes.size(); ++n) {
            try {
                const auto r = readCaptureBuffer(bytes.data(), n, name);
                EXPECT_LE(r.packets, 11u);
            } catch (const InputError&) {
            }
        }
        for (std::size_t i = 0; i < std::min<std::size_t>(bytes.size(), 200); ++i) {
            std::string copy = bytes;
            copy[i] = static_cast<char>(copy[i] ^ 0xff);
            try {
                (void)readCaptureBuffer(copy.data(), copy.size(), name);
            } catch (const InputError&) {
            }
        }
    }
}

std::vector<std::pair<std::string, TcpState>> timeline(const CaptureResult& r, int conn,
                                                       const std::string& host) {
    std::vector<std::pair<std::string, TcpState>> out;
    for (const auto& t : r.connections[static_cast<std::size_t>(conn - 1)].recording->transitions) {
        if (t.host == host)
            out.emplace_back(t.cause, t.to);
    }
    return out;
}

TEST(CaptureStates, LostFinalAckKeepsTheServerInLastAckUntilTheReAck) {
    CaptureOptions o;
    o.connection = 1;
    const CaptureResult r = readCapture(kDir + "/loop-lost-final-ack.pcap", o);
    ASSERT_TRUE(r.connections[0].recording);
    const auto& rec = *r.connections[0].recording;
    EXPECT_EQ(rec.source, "capture");
    using S = TcpState;
    const std::vector<std::pair<std::string, TcpState>> server = {{"rcv SYN", S::SynRecv},
                                                                  {"rcv ACK", S::Established},
                                                                  {"rcv FIN", S::CloseWait},
                                                                  {"close()", S::LastAck},
                                                                  {"rcv ACK", S::Closed}};
    EXPECT_EQ(timeline(r, 1, "server"), server);
    const std::vector<std::pair<std::string, TcpState>> client = {
        {"connect()", S::SynSent}, {"rcv SYN-ACK", S::Established}, {"close()", S::FinWait1},
        {"rcv ACK", S::FinWait2},  {"rcv FIN", S::TimeWait},        {"timer", S::Closed}};
    EXPECT_EQ(timeline(r, 1, "client"), client);
    // The server closes at the second ACK (202.1 ms), the client's TIME_WAIT restarts at the
    // retransmitted FIN and ends 60 s later.
    for (const auto& t : rec.transitions) {
        if (t.host == "server" && t.to == S::Closed) {
            EXPECT_EQ(t.tUs, 202100);
        }
        if (t.host == "client" && t.to == S::Closed) {
            EXPECT_EQ(t.tUs, 202000 + 60'000'000);
        }
    }
    EXPECT_EQ(rec.segments.size(), 9u);
}

TEST(CaptureStates, SimultaneousCloseGoesThroughClosing) {
    CaptureOptions o;
    o.connection = 1;
    const CaptureResult r = readCapture(kDir + "/simultaneous-close.pcap", o);
    using S = TcpState;
    for (const char* host : {"client", "server"}) {
        std::vector<TcpState> states;
        for (const auto& [cause, to] : timeline(r, 1, host))
            states.push_back(to);
        SCOPED_TRACE(host);
        ASSERT_GE(states.size(), 4u);
        EXPECT_EQ(states[states.size() - 3], S::Closing);
        EXPECT_EQ(states[states.size() - 2], S::TimeWait);
        EXPECT_EQ(states.back(), S::Closed);
    }
}

TEST(CaptureStates, CloseWaitLeakStaysInCloseWait) {
    CaptureOptions o;
    o.connection = 1;
    const CaptureResult r = readCapture(kDir + "/close-wait-leak.pcap", o);
    const auto server = timeline(r, 1, "server");
    ASSERT_FALSE(server.empty());
    EXPECT_EQ(server.back().second, TcpState::CloseWait);
    EXPECT_EQ(timeline(r, 1, "client").back().second, TcpState::FinWait2);
}

TEST(CaptureStates, OnlyTheAskedConnectionKeepsItsDetail) {
    CaptureOptions o;
    o.connection = 2;
    const CaptureResult r = readCapture(kDir + "/two-connections.pcap", o);
    ASSERT_EQ(r.connections.size(), 2u);
    EXPECT_FALSE(r.connections[0].recording);
    ASSERT_TRUE(r.connections[1].recording);
    EXPECT_EQ(r.connections[1].recording->segments.size(), 9u);
    EXPECT_EQ(r.connections[1].client, "10.0.0.3:50000");
}

TEST(CaptureJson, SummaryHasTheContractFields) {
    const CaptureResult r = readCapture(kDir + "/syn-on-time-wait.pcap");
    const auto j = closelab::capture::toJson(r);
    EXPECT_EQ(j["source"], "capture");
    EXPECT_EQ(j["packets"], 18);
    EXPECT_EQ(j["tcp_packets"], 18);
    EXPECT_EQ(j["truncated"], 0);
    ASSERT_EQ(j["connections"].size(), 2u);
    const auto& c = j["connections"][1];
    for (const char* k : {"index", "client", "server", "first_close", "close", "time_wait_side",
                          "anomalies", "segments"})
        EXPECT_TRUE(c.contains(k)) << k;
    EXPECT_EQ(c["anomalies"][0], "capture.syn_on_tw");
}

// Memory follows the live connections: 3000 connections one after another, each closed by the
// client (TIME_WAIT 60 s), 100 ms apart, never hold more than ~600 in the tracker.
TEST(CaptureScale, ManySequentialConnectionsAreAllSummarized) {
    using namespace closelab::testcap;
    const std::string path =
        (std::filesystem::temp_directory_path() / "closelab-capture-scale.pcap").string();
    {
        PcapWriter w(path, 1);
        for (int i = 0; i < 3000; ++i) {
            const std::int64_t t0 = std::int64_t{i} * 100'000;
            Conv v(v4(10, 0, 1, static_cast<std::uint8_t>(1 + i % 200),
                      static_cast<std::uint16_t>(30000 + i / 200)),
                   v4(10, 0, 0, 2, 80), static_cast<std::uint32_t>(i * 7919),
                   static_cast<std::uint32_t>(i * 104729));
            v.handshake(t0);
            v.send(t0 + 300, true, F | A);
            v.send(t0 + 400, false, F | A);
            v.send(t0 + 500, true, A);
            for (const auto& s : v.segs)
                w.write(s.tUs, frame(s, {}));
        }
    }
    const CaptureResult r = readCapture(path);
    std::filesystem::remove(path);
    ASSERT_EQ(r.connections.size(), 3000u);
    for (const auto& c : r.connections) {
        ASSERT_EQ(c.close, "fin");
        ASSERT_EQ(c.timeWaitSide, "client");
    }
    EXPECT_LE(r.peakLiveConnections, 700u);
    EXPECT_GE(r.peakLiveConnections, 500u);
}

}  // namespace
