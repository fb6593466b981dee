# GoogleTest suites for src/kernel. Label kernel; tests needing root skip visibly without it
# (GTEST_SKIP; CTest lists them as skipped).
add_executable(kernel_tests
  ${CMAKE_CURRENT_LIST_DIR}/agreement_builtin_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/agreement_load_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/agreement_scenario_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/agreement_segments_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/import_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/kernel_behaviour_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/live_monitor_test.cpp
)
target_link_libraries(kernel_tests PRIVATE closelab_kernel GTest::gtest_main closelab_warnings)
target_compile_definitions(kernel_tests PRIVATE CLOSELAB_SOURCE_ROOT="${PROJECT_SOURCE_DIR}")
# RUN_SERIAL: the replays on real sockets read on a schedule; with another test compiling or
# simulating on the second core a read can come late, and close() then finds unread data and
# sends RST where the engine (correctly) sends FIN. Alone they take about two minutes.
gtest_discover_tests(kernel_tests PROPERTIES LABELS kernel RUN_SERIAL TRUE DISCOVERY_TIMEOUT 120)

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

# The CLI contract of import and live: JSON out, one line and exit 2 for bad input.
set(_data ${CMAKE_CURRENT_LIST_DIR}/data)
add_test(NAME kernel.cli.import_ss
  COMMAND closelab-cli import ${_data}/ss-tanp.txt)
set_tests_properties(kernel.cli.import_ss PROPERTIES LABELS kernel
  PASS_REGULAR_EXPRESSION "\"format\": \"ss-tan\"")
add_test(NAME kernel.cli.import_garbage_exits_2
  COMMAND sh -c "echo garbage | $<TARGET_FILE:closelab-cli> import -; test $? -eq 2")
set_tests_properties(kernel.cli.import_garbage_exits_2 PROPERTIES LABELS kernel)
add_test(NAME kernel.cli.import_missing_file_exits_2
  COMMAND sh -c "$<TARGET_FILE:closelab-cli> import /nonexistent/file; test $? -eq 2")
set_tests_properties(kernel.cli.import_missing_file_exits_2 PROPERTIES LABELS kernel)
add_test(NAME kernel.cli.live_two_samples
  COMMAND closelab-cli live --samples 2 --interval-ms 50 --top 3)
set_tests_properties(kernel.cli.live_two_samples PROPERTIES LABELS kernel
  PASS_REGULAR_EXPRESSION "\"fin_wait_2_orphaned\"")
add_test(NAME kernel.cli.live_bad_option_exits_2
  COMMAND sh -c "$<TARGET_FILE:closelab-cli> live --samples 0; test $? -eq 2")
set_tests_properties(kernel.cli.live_bad_option_exits_2 PROPERTIES LABELS kernel)
add_test(NAME kernel.cli.kernel_load_not_reproducible_exits_2
  COMMAND sh -c "$<TARGET_FILE:closelab-cli> kernel-load --count 5 --nat; test $? -eq 2")
set_tests_properties(kernel.cli.kernel_load_not_reproducible_exits_2 PROPERTIES LABELS kernel)
# Without CAP_NET_ADMIN: one line and exit 3 (run as nobody; skipped unless root with setpriv).
add_test(NAME kernel.cli.kernel_run_without_privileges_exits_3
  COMMAND sh -c "[ \"$(id -u)\" = 0 ] && command -v setpriv >/dev/null || exit 77; setpriv --reuid=65534 --regid=65534 --clear-groups $<TARGET_FILE:closelab-cli> kernel-run normal-close --until-ms 100; test $? -eq 3")
set_tests_properties(kernel.cli.kernel_run_without_privileges_exits_3 PROPERTIES LABELS kernel
  SKIP_RETURN_CODE 77)
