// libFuzzer target for the ss / netstat text importers: any input must either parse or throw
// ImportError, never crash, hang or trip ASan/UBSan.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "kernel/import_error.h"
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
    return 0;
}
