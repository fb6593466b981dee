#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/recording.h"

namespace closelab::capture {

struct CaptureOptions {
    // 1-based index of the connection whose segments, inferred transitions and notes are kept
    // (0: none). Other connections are summarized only.
    int connection = 0;
    // Keep the detail of every connection, up to `detailSegmentCap` segments in all (the text
    // format); connections beyond the cap are summarized only.
    bool keepAll = false;
    std::size_t detailSegmentCap = 200000;
};

// A warning about the file (it stops early, a record is corrupt): typed like an InputError.
struct CaptureWarning {
    core::ErrorId id = core::ErrorId::CaptureTruncated;
    core::InputError::Args args;
    std::string text;  // English
};

struct ConnectionSummary {
    int index = 0;       // 1-based, in order of the connection's first packet
    std::string client;  // "ip:port" (IPv6 as "[addr]:port")
    std::string server;
    std::string firstClose = "none";     // "client" | "server" | "both" | "none"
    std::string close = "open";          // "fin" | "rst" | "half" | "open"
    std::string timeWaitSide = "none";   // "client" | "server" | "both" | "none"
    std::vector<std::string> anomalies;  // note keys, in order of first occurrence
    std::uint64_t segments = 0;
    std::int64_t firstUs = 0;  // from the capture's first packet
    std::int64_t lastUs = 0;
    bool midStream = false;  // the handshake is not in the capture
    // The connection's Recording ("source":"capture", times from its first packet) when its
    // detail was kept.
    std::shared_ptr<const core::Recording> recording;
};

struct CaptureResult {
    std::string file;
    int linkType = 0;
    std::uint64_t packets = 0;
    std::uint64_t tcpPackets = 0;
    std::uint64_t truncated = 0;          // packets cut by the snaplen (what is there is used)
    std::size_t peakLiveConnections = 0;  // most connections tracked at once (memory bound)
    std::vector<CaptureWarning> warnings;
    std::vector<ConnectionSummary> connections;
};

// Reads a pcap or pcapng file and tracks its TCP connections. Throws core::InputError
// (FileUnreadable, CaptureEmpty, CaptureNotCapture, CaptureLinkType); a file that stops early or
// holds a corrupt record yields what was whole plus a warning.
CaptureResult readCapture(const std::string& path, const CaptureOptions& options = {});
// The same for a capture in memory (`name` stands for the path in messages).
CaptureResult readCaptureBuffer(const void* data, std::size_t size, const std::string& name,
                                const CaptureOptions& options = {});

// {"source":"capture","file","packets","tcp_packets","truncated","warnings":[...],
//  "connections":[...]}
nlohmann::ordered_json toJson(const CaptureResult& result);
// One connection's Recording as `closelab-cli run` writes it, "source":"capture", each
// transition marked "inferred": true.
nlohmann::ordered_json connectionJson(const CaptureResult& result, const ConnectionSummary& c);
// tcpdump-like lines, the inferred states of both ends beside each segment.
std::string toText(const CaptureResult& result);

}  // namespace closelab::capture
