# Load model tests (owner: load helper). Part of core_tests (label core).
target_sources(core_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/load_kernel_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/load_analytic_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/load_properties_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/load_spec_test.cpp
)
target_include_directories(core_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR})
