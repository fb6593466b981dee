# Load model tests (owner: load helper). Part of core_tests (label core).
target_sources(core_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/load_kernel_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/load_analytic_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/load_control_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/load_properties_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/load_spec_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/load_sweep_test.cpp
)
target_include_directories(core_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR})

# The CLI contract of `closelab-cli load` (runs the built binary).
add_executable(load_cli_tests ${CMAKE_CURRENT_LIST_DIR}/load_cli_test.cpp)
target_include_directories(load_cli_tests PRIVATE ${PROJECT_SOURCE_DIR}/tests)  # cli/cli_runner.h
target_link_libraries(load_cli_tests PRIVATE GTest::gtest_main nlohmann_json::nlohmann_json
  closelab_warnings)
target_compile_definitions(load_cli_tests PRIVATE CLOSELAB_CLI="$<TARGET_FILE:closelab-cli>")
add_dependencies(load_cli_tests closelab-cli)
gtest_discover_tests(load_cli_tests PROPERTIES LABELS core DISCOVERY_TIMEOUT 60)
