# The question bank: selector language, loader, grading of every kind, variants, quiz check.
# Its own executable (label core) so the engine suites do not rebuild for question work.
add_executable(quiz_tests
  ${CMAKE_CURRENT_LIST_DIR}/quiz_selector_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/quiz_loader_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/quiz_grading_test.cpp
)
target_link_libraries(quiz_tests PRIVATE closelab_core GTest::gtest_main closelab_warnings)
gtest_discover_tests(quiz_tests PROPERTIES LABELS core DISCOVERY_TIMEOUT 60)
