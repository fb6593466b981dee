# Engine tests (issue 3): scenario pins, input validation, properties; CLI contract checks.
target_sources(core_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/engine_scenarios_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/engine_input_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/engine_property_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/beats_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/builtin_lessons_test.cpp
)
target_include_directories(core_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR})

# closelab-cli list/run contract: JSON, --set scoping, bad input -> exit 2 with one line,
# malformed files with line:column, byte-identical output for a seed.
foreach(_check IN ITEMS list_json run_json_contract run_text set_scoped_to_one_host
        same_seed_same_bytes bad_value inverted_range unknown_id unknown_option unknown_host
        removed_option bad_seed malformed_file semantic_file)
  add_test(NAME cli.${_check}
    COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/engine_cli_test.sh $<TARGET_FILE:closelab-cli> ${_check})
  set_tests_properties(cli.${_check} PROPERTIES LABELS core
    WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
endforeach()
