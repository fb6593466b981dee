// closelab-cli capture: a pcap/pcapng file's TCP connections with inferred states.
#include <iostream>
#include <string>

#include "capture/capture.h"
#include "cli/cli_args.h"
#include "cli/commands.h"
#include "core/error.h"
#include "core/recording_json.h"

namespace closelab::cli {

namespace {

constexpr const char* kCaptureHelp =
    R"(usage: closelab-cli capture FILE [--connection N] [--format json|text]

Reads a pcap or pcapng capture (tcpdump -w, tcpdump -i any, Wireshark) and rebuilds its TCP
connections, one per 4-tuple and incarnation, with each end's states inferred as Linux would
have them from what the capture point saw (a segment seen there may not have arrived).

Link types: Ethernet (802.1Q/QinQ tags), Linux cooked v1 and v2, raw IPv4/IPv6, loopback.

  --connection N     that connection's Recording, in the schema of `closelab-cli run`
                     ("source": "capture", segments, inferred transitions, notes)
  --format json      (default) JSON: {source, file, packets, tcp_packets, truncated, warnings,
                     connections: [{index, client, server, first_close, close, time_wait_side,
                     anomalies, segments}]}
  --format text      one line per segment like tcpdump, the inferred states beside it

A file cut short gives what is whole and a warning; an empty, garbage or unsupported file
gives one line and exit code 2.
)";

}  // namespace

int cmdCapture(const Args& args) {
    std::string file;
    std::string format = "json";
    int connection = 0;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "-h" || a == "--help") {
            std::cout << kCaptureHelp;
            return 0;
        }
        if (a == "--connection" || a == "--format") {
            if (i + 1 >= args.size())
                throw UsageError(a + " needs a value");
            const std::string& v = args[++i];
            if (a == "--connection") {
                connection = static_cast<int>(parseInteger(a, v, 1, 1'000'000'000));
            } else {
                if (v != "json" && v != "text")
                    throw UsageError("--format must be json or text, got '" + v + "'");
                format = v;
            }
            continue;
        }
        if (!a.empty() && a[0] == '-')
            throw UsageError("unknown option '" + a + "' for capture (try capture --help)");
        if (!file.empty())
            throw UsageError("capture takes one FILE, got '" + a + "' too");
        file = a;
    }
    if (file.empty())
        throw UsageError("capture needs a FILE (a pcap or pcapng capture)");

    capture::CaptureOptions options;
    options.connection = connection;
    options.keepAll = format == "text" && connection == 0;
    capture::CaptureResult result;
    try {
        result = capture::readCapture(file, options);
        if (connection > 0 && static_cast<std::size_t>(connection) > result.connections.size()) {
            throw core::InputError(core::ErrorId::CaptureNoConnection,
                                   {{"index", std::to_string(connection)},
                                    {"count", std::to_string(result.connections.size())}});
        }
    } catch (const core::InputError& e) {
        throw UsageError(e.what());
    }
    for (const auto& w : result.warnings)
        std::cerr << "closelab-cli: warning: " << w.text << '\n';
    if (connection > 0) {
        const auto& c = result.connections[static_cast<std::size_t>(connection - 1)];
        if (format == "text") {
            capture::CaptureResult one = result;
            one.connections = {c};
            std::cout << capture::toText(one);
        } else {
            std::cout << capture::connectionJson(result, c).dump(2) << '\n';
        }
        return 0;
    }
    if (format == "text")
        std::cout << capture::toText(result);
    else
        std::cout << capture::toJson(result).dump(2) << '\n';
    return 0;
}

}  // namespace closelab::cli
