#include "capture/capture.h"

#include <pcap/pcap.h>
#include <sys/stat.h>

#include <cstdio>
#include <cstring>
#include <sstream>

#include "capture/tracker.h"
#include "core/recording_json.h"

namespace closelab::capture {

using core::ErrorId;
using core::InputError;

namespace {

struct PcapCloser {
    void operator()(pcap_t* p) const { pcap_close(p); }
};

CaptureWarning makeWarning(ErrorId id, InputError::Args args) {
    CaptureWarning w;
    w.id = id;
    w.text = InputError(id, args).what();
    w.args = std::move(args);
    return w;
}

// Reads every record of an open capture. `file` is owned by libpcap from here on.
CaptureResult readOpenFile(std::FILE* file, const std::string& name, const CaptureOptions& options,
                           bool pcapng) {
    char errbuf[PCAP_ERRBUF_SIZE] = {};
    std::unique_ptr<pcap_t, PcapCloser> pcap(
        pcap_fopen_offline_with_tstamp_precision(file, PCAP_TSTAMP_PRECISION_MICRO, errbuf));
    if (!pcap) {
        std::fclose(file);
        throw InputError(ErrorId::CaptureNotCapture, {{"path", name}, {"detail", errbuf}});
    }
    CaptureResult result;
    result.file = name;
    result.linkType = pcap_datalink(pcap.get());
    if (!linkTypeSupported(result.linkType)) {
        const char* linkName = pcap_datalink_val_to_name(result.linkType);
        throw InputError(ErrorId::CaptureLinkType,
                         {{"path", name},
                          {"linktype", std::to_string(result.linkType)},
                          {"name", linkName != nullptr ? linkName : "unknown"}});
    }
    Tracker tracker(options);
    std::uint64_t offset = 24;  // classic pcap: where the next record starts
    bool started = false;
    std::int64_t t0Sec = 0, t0Usec = 0;
    TcpPacket packet;
    for (;;) {
        pcap_pkthdr* header = nullptr;
        const std::uint8_t* data = nullptr;
        const int rc = pcap_next_ex(pcap.get(), &header, &data);
        if (rc == PCAP_ERROR_BREAK)
            break;
        if (rc != 1) {
            const std::string detail = pcap_geterr(pcap.get());
            const std::uint64_t at =
                pcapng ? static_cast<std::uint64_t>(std::ftell(pcap_file(pcap.get()))) : offset;
            if (detail.find("truncated") != std::string::npos) {
                result.warnings.push_back(makeWarning(
                    ErrorId::CaptureTruncated, {{"path", name},
                                                {"packet", std::to_string(result.packets + 1)},
                                                {"offset", std::to_string(at)},
                                                {"packets", std::to_string(result.packets)}}));
            } else {
                result.warnings.push_back(makeWarning(
                    ErrorId::CaptureCorruptRecord, {{"path", name},
                                                    {"packet", std::to_string(result.packets + 1)},
                                                    {"offset", std::to_string(at)},
                                                    {"detail", detail}}));
            }
            break;
        }
        ++result.packets;
        offset += 16 + header->caplen;
        if (header->caplen < header->len)
            ++result.truncated;
        if (!started) {
            started = true;
            t0Sec = header->ts.tv_sec;
            t0Usec = header->ts.tv_usec;
        }
        if (decodePacket(result.linkType, data, header->caplen, packet) != Decoded::Tcp)
            continue;
        packet.tUs = (static_cast<std::int64_t>(header->ts.tv_sec) - t0Sec) * 1'000'000 +
                     (static_cast<std::int64_t>(header->ts.tv_usec) - t0Usec);
        ++result.tcpPackets;
        tracker.add(packet);
    }
    result.peakLiveConnections = tracker.peakLive();
    result.connections = tracker.finish();
    return result;
}

bool looksPcapng(const unsigned char* magic, std::size_t n) {
    return n >= 4 && magic[0] == 0x0a && magic[1] == 0x0d && magic[2] == 0x0d && magic[3] == 0x0a;
}

}  // namespace

CaptureResult readCapture(const std::string& path, const CaptureOptions& options) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || S_ISDIR(st.st_mode))
        throw InputError(ErrorId::FileUnreadable, {{"path", path}});
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (file == nullptr)
        throw InputError(ErrorId::FileUnreadable, {{"path", path}});
    unsigned char magic[4] = {};
    const std::size_t n = std::fread(magic, 1, sizeof magic, file);
    if (n == 0) {
        std::fclose(file);
        throw InputError(ErrorId::CaptureEmpty, {{"path", path}});
    }
    std::rewind(file);
    return readOpenFile(file, path, options, looksPcapng(magic, n));
}

CaptureResult readCaptureBuffer(const void* data, std::size_t size, const std::string& name,
                                const CaptureOptions& options) {
    if (size == 0)
        throw InputError(ErrorId::CaptureEmpty, {{"path", name}});
    std::FILE* file = fmemopen(const_cast<void*>(data), size, "rb");
    if (file == nullptr)
        throw InputError(ErrorId::FileUnreadable, {{"path", name}});
    return readOpenFile(file, name, options,
                        looksPcapng(static_cast<const unsigned char*>(data), size));
}

nlohmann::ordered_json toJson(const CaptureResult& r) {
    using ojson = nlohmann::ordered_json;
    ojson j;
    j["source"] = "capture";
    j["file"] = r.file;
    j["link_type"] = r.linkType;
    j["packets"] = r.packets;
    j["tcp_packets"] = r.tcpPackets;
    j["truncated"] = r.truncated;
    ojson warnings = ojson::array();
    for (const auto& w : r.warnings) {
        ojson args = ojson::object();
        for (const auto& [k, v] : w.args)
            args[k] = v;
        warnings.push_back(
            {{"id", std::string(core::errorKey(w.id))}, {"args", args}, {"text", w.text}});
    }
    j["warnings"] = warnings;
    ojson conns = ojson::array();
    for (const auto& c : r.connections) {
        conns.push_back({{"index", c.index},
                         {"client", c.client},
                         {"server", c.server},
                         {"first_close", c.firstClose},
                         {"close", c.close},
                         {"time_wait_side", c.timeWaitSide},
                         {"anomalies", c.anomalies},
                         {"segments", c.segments},
                         {"first_us", c.firstUs},
                         {"last_us", c.lastUs},
                         {"mid_stream", c.midStream}});
    }
    j["connections"] = conns;
    return j;
}

nlohmann::ordered_json connectionJson(const CaptureResult& r, const ConnectionSummary& c) {
    nlohmann::ordered_json j;
    if (c.recording)
        j = core::toJson(*c.recording);
    j["source"] = "capture";
    j["file"] = r.file;
    j["connection"] = c.index;
    j["capture_start_us"] = c.firstUs;
    j["inferred"] =
        "states and transitions are inferred from what the capture point saw; a segment seen "
        "there may not have arrived";
    if (j.contains("transitions")) {
        for (auto& t : j["transitions"])
            t["inferred"] = true;
    }
    j["summary"] = {{"first_close", c.firstClose},
                    {"close", c.close},
                    {"time_wait_side", c.timeWaitSide},
                    {"anomalies", c.anomalies},
                    {"segments", c.segments}};
    return j;
}

namespace {

std::string tcpdumpEndpoint(const std::string& ep) {
    // "10.0.0.1:80" -> "10.0.0.1.80", "[::1]:80" -> "::1.80"
    const auto colon = ep.rfind(':');
    std::string host = ep.substr(0, colon);
    if (!host.empty() && host.front() == '[')
        host = host.substr(1, host.size() - 2);
    return host + '.' + ep.substr(colon + 1);
}

std::string timeText(std::int64_t us) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%lld.%06lld", static_cast<long long>(us / 1'000'000),
                  static_cast<long long>(us % 1'000'000));
    return buf;
}

void connectionText(std::ostringstream& out, const ConnectionSummary& c) {
    out << "connection " << c.index << ": " << c.client << " > " << c.server
        << "  first close: " << c.firstClose << ", close: " << c.close
        << ", TIME_WAIT: " << c.timeWaitSide << ", " << c.segments << " segments";
    if (!c.anomalies.empty()) {
        out << ", anomalies:";
        for (const auto& a : c.anomalies)
            out << ' ' << a;
    }
    out << '\n';
    if (!c.recording) {
        out << "  (segments not kept: ask for this one with --connection " << c.index << ")\n";
        return;
    }
    const core::Recording& rec = *c.recording;
    std::uint32_t isn[2] = {0, 0};
    bool isnKnown[2] = {false, false};
    for (const auto& s : rec.segments) {
        const int i = s.from == "client" ? 0 : 1;
        if (!isnKnown[i]) {
            isn[i] = s.seq;
            isnKnown[i] = true;
        }
    }
    core::TcpState state[2] = {
        rec.transitions.empty() ? core::TcpState::Closed : rec.transitions.front().from,
        core::TcpState::Closed};
    for (const auto& t : rec.transitions) {
        if (t.host == "server") {
            state[1] = t.from;
            break;
        }
    }
    for (const auto& t : rec.transitions) {
        if (t.host == "client") {
            state[0] = t.from;
            break;
        }
    }
    std::size_t ti = 0, ni = 0;
    auto flushNotes = [&](std::int64_t upTo) {
        while (ni < rec.notes.size() && rec.notes[ni].t <= upTo) {
            out << "    # " << core::renderNoteEn(rec.notes[ni]) << '\n';
            ++ni;
        }
    };
    for (const auto& s : rec.segments) {
        while (ti < rec.transitions.size() && rec.transitions[ti].tUs <= s.tUs) {
            state[rec.transitions[ti].host == "client" ? 0 : 1] = rec.transitions[ti].to;
            ++ti;
        }
        const int i = s.from == "client" ? 0 : 1;
        out << timeText(c.firstUs + s.tUs) << " IP " << tcpdumpEndpoint(s.src) << " > "
            << tcpdumpEndpoint(s.dst) << ": Flags [" << core::flagsShort(s.flags) << "], seq "
            << (s.seq - isn[i]);
        if (s.len > 0)
            out << ':' << (s.seq - isn[i] + s.len);
        if (s.flags & core::kAck)
            out << ", ack " << (s.ack - isn[1 - i]);
        out << ", win " << s.win << ", length " << s.len << "    [client "
            << core::stateName(state[0]) << ", server " << core::stateName(state[1])
            << " (inferred)]\n";
        flushNotes(s.tUs);
    }
    while (ti < rec.transitions.size()) {
        const auto& t = rec.transitions[ti++];
        out << timeText(c.firstUs + t.tUs) << "    " << t.host << ' ' << core::stateName(t.from)
            << " -> " << core::stateName(t.to) << " (" << t.cause << ", inferred)\n";
    }
    flushNotes(rec.endUs);
}

}  // namespace

std::string toText(const CaptureResult& r) {
    std::ostringstream out;
    out << r.file << ": " << r.packets << " packets, " << r.tcpPackets << " TCP, " << r.truncated
        << " cut by the snaplen, " << r.connections.size() << " connections\n";
    for (const auto& w : r.warnings)
        out << "warning: " << w.text << '\n';
    for (const auto& c : r.connections)
        connectionText(out, c);
    return out.str();
}

}  // namespace closelab::capture
