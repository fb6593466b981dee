// libFuzzer target for the capture reader (src/capture): any bytes must either be read (what is
// whole, plus warnings) or rejected with a core::InputError. Nothing may crash, hang or trip
// ASan/UBSan. Every connection's detail is kept so the Recording and text paths run too.
#include <cstddef>
#include <cstdint>

#include "capture/capture.h"
#include "core/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    closelab::capture::CaptureOptions options;
    options.keepAll = true;
    options.detailSegmentCap = 10000;
    try {
        const auto result = closelab::capture::readCaptureBuffer(data, size, "fuzz", options);
        (void)closelab::capture::toJson(result).dump();
        (void)closelab::capture::toText(result);
        for (const auto& c : result.connections)
            (void)closelab::capture::connectionJson(result, c).dump();
    } catch (const closelab::core::InputError&) {
    }
    return 0;
}
