#!/usr/bin/env bash
# Builds the capture-reader fuzzer with clang (libFuzzer + ASan + UBSan) and runs it over the
# corpus (tests/fuzz/capture-corpus: the test captures of tests/data/captures) for a bounded time.
# Usage: run-fuzz-capture.sh SOURCE_ROOT WORK_DIR [SECONDS]. Exit 77 (CTest "skipped") when clang
# or libFuzzer is not installed.
set -euo pipefail
root=$1 work=$2 seconds=${3:-20}
cxx=$(command -v clang++-14 || command -v clang++ || true)
if [ -z "$cxx" ]; then
  echo "SKIPPED: clang++ not installed (setup.sh installs clang-14 and libclang-rt-14-dev)"; exit 77
fi
mkdir -p "$work/new-corpus"
if ! echo 'extern "C" int LLVMFuzzerTestOneInput(const char*, unsigned long){return 0;}' |
    "$cxx" -x c++ -fsanitize=fuzzer - -o "$work/probe" 2>/dev/null; then
  echo "SKIPPED: $cxx cannot link libFuzzer (install libclang-rt-14-dev)"; exit 77
fi
core="$root/src/core"
"$cxx" -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -I"$root/src" "$root/tests/fuzz/fuzz_capture.cpp" \
  "$root/src/capture/packet_decode.cpp" "$root/src/capture/tracker.cpp" \
  "$root/src/capture/capture.cpp" "$core/recording.cpp" "$core/recording_json.cpp" \
  "$core/note_catalog.cpp" "$core/error_catalog.cpp" "$core/tcp_state.cpp" \
  "$core/counters.cpp" "$core/kernel_profile.cpp" -lpcap -o "$work/fuzz_capture"
# New inputs go to a scratch directory so the committed corpus never changes during a test run.
exec "$work/fuzz_capture" -max_total_time="$seconds" -max_len=8192 -timeout=5 -rss_limit_mb=1024 \
  -print_final_stats=1 "$work/new-corpus" "$root/tests/fuzz/capture-corpus"
