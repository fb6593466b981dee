# Benchmarks (owner: load helper). Full figures by hand in a Release build (docs/performance.md);
# the CTest smoke run uses tiny sizes so the benchmarks never rot.
add_executable(load_bench ${CMAKE_CURRENT_LIST_DIR}/load_bench.cpp)
target_link_libraries(load_bench PRIVATE closelab_core benchmark::benchmark closelab_warnings)
if(CLOSELAB_BUILD_TESTS)
  add_test(NAME bench.load_smoke COMMAND load_bench --smoke)
  set_tests_properties(bench.load_smoke PROPERTIES LABELS core TIMEOUT 120)
endif()

# Sweeps of the default teaching load: --jobs 2 against --jobs 1, and a 20-point sweep.
add_executable(sweep_bench ${CMAKE_CURRENT_LIST_DIR}/sweep_bench.cpp)
target_link_libraries(sweep_bench PRIVATE closelab_core benchmark::benchmark closelab_warnings)
if(CLOSELAB_BUILD_TESTS)
  add_test(NAME bench.sweep_smoke COMMAND sweep_bench --smoke)
  set_tests_properties(bench.sweep_smoke PROPERTIES LABELS core TIMEOUT 120)
endif()

# The capture reader (reading + decoding + connection tracking), packets/s; a generated capture.
add_executable(capture_bench ${CMAKE_CURRENT_LIST_DIR}/capture_bench.cpp)
target_link_libraries(capture_bench PRIVATE closelab_capture benchmark::benchmark
  closelab_warnings)
if(CLOSELAB_BUILD_TESTS)
  add_test(NAME bench.capture_smoke COMMAND capture_bench --smoke)
  set_tests_properties(bench.capture_smoke PROPERTIES LABELS "capture" TIMEOUT 120)
endif()
