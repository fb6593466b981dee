// libFuzzer target for the text parsers of src/kernel: the ss / netstat importers (any input
// must either parse or throw ImportError), and the /proc/net/tcp and /proc/net/netstat readers
// (malformed rows are skipped). Nothing may crash, hang or trip ASan/UBSan.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include <sys/socket.h>

#include "kernel/import_error.h"
#include "kernel/mib_counters.h"
#include "kernel/proc_net_tcp.h"
#include "kernel/socket_text_import.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const auto result = closelab::kernel::importSocketText(text);
        // Serialising must not throw either: every string in the result came from the input.
        (void)closelab::kernel::toJson(result).dump(-1, ' ', false,
                                                    nlohmann::json::error_handler_t::replace);
    } catch (const closelab::kernel::ImportError&) {
    }
    (void)closelab::kernel::ProcNetTcp::parse(text, AF_INET);
    (void)closelab::kernel::ProcNetTcp::parse(text, AF_INET6);
    (void)closelab::kernel::MibCounters::parse(text, "TcpExt");
    return 0;
}
