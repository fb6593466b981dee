# GoogleTest suites for src/kernel. Label kernel; tests needing root skip visibly without it
# (GTEST_SKIP; CTest lists them as skipped).
add_executable(kernel_tests
  ${CMAKE_CURRENT_LIST_DIR}/agreement_builtin_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/agreement_load_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/agreement_scenario_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/import_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/kernel_behaviour_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/live_monitor_test.cpp
)
target_link_libraries(kernel_tests PRIVATE closelab_kernel GTest::gtest_main closelab_warnings)
target_compile_definitions(kernel_tests PRIVATE CLOSELAB_SOURCE_ROOT="${PROJECT_SOURCE_DIR}")
gtest_discover_tests(kernel_tests PROPERTIES LABELS kernel DISCOVERY_TIMEOUT 120)

# The 60 s TIME_WAIT lifetime: its own binary so the slow label is per test.
add_executable(kernel_slow_tests ${CMAKE_CURRENT_LIST_DIR}/kernel_slow_test.cpp)
target_link_libraries(kernel_slow_tests PRIVATE closelab_kernel GTest::gtest_main closelab_warnings)
add_test(NAME KernelSlow.TimeWaitLastsSixtySecondsWhateverFinTimeout COMMAND kernel_slow_tests)
set_tests_properties(KernelSlow.TimeWaitLastsSixtySecondsWhateverFinTimeout PROPERTIES
  LABELS "kernel;slow" TIMEOUT 180 SKIP_REGULAR_EXPRESSION "\\[  SKIPPED \\]")

# libFuzzer over the import parsers, built with clang by a script so the main build does not
# need clang; bounded to 20 s. Exit 77 (clang missing) shows as skipped.
add_test(NAME kernel.fuzz_import
  COMMAND ${PROJECT_SOURCE_DIR}/tests/fuzz/run-fuzz.sh ${PROJECT_SOURCE_DIR}
          ${CMAKE_CURRENT_BINARY_DIR}/fuzz 20)
set_tests_properties(kernel.fuzz_import PROPERTIES LABELS kernel SKIP_RETURN_CODE 77 TIMEOUT 300)

# Not a test: measures the live monitor's cost with many sockets (docs/kernel-lab.md).
add_executable(kernel_live_cost ${CMAKE_CURRENT_LIST_DIR}/live_cost_probe.cpp)
target_link_libraries(kernel_live_cost PRIVATE closelab_kernel closelab_warnings)

# Not a test: prints the engine-vs-kernel table of docs/kernel-agreement.md.
add_executable(kernel_agreement_report ${CMAKE_CURRENT_LIST_DIR}/agreement_report.cpp)
target_link_libraries(kernel_agreement_report PRIVATE closelab_kernel closelab_warnings)
