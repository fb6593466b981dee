# The engine: states, notes, errors, options, scenarios, the simulator and recordings.
target_sources(closelab_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/version.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tcp_state.cpp
  ${CMAKE_CURRENT_LIST_DIR}/kernel_profile.cpp
  ${CMAKE_CURRENT_LIST_DIR}/four_tuple.cpp
  ${CMAKE_CURRENT_LIST_DIR}/counters.cpp
  ${CMAKE_CURRENT_LIST_DIR}/note_catalog.cpp
  ${CMAKE_CURRENT_LIST_DIR}/error_catalog.cpp
  ${CMAKE_CURRENT_LIST_DIR}/options.cpp
  ${CMAKE_CURRENT_LIST_DIR}/json_node.cpp
  ${CMAKE_CURRENT_LIST_DIR}/scenario.cpp
  ${CMAKE_CURRENT_LIST_DIR}/simulate.cpp
  ${CMAKE_CURRENT_LIST_DIR}/beats.cpp
  ${CMAKE_CURRENT_LIST_DIR}/recording.cpp
  ${CMAKE_CURRENT_LIST_DIR}/recording_json.cpp
)

# Built-in scenarios: the JSON files are embedded as raw string literals, so the CLI and the app
# need no files at run time. The list is the teaching order.
set(CLOSELAB_SCENARIO_IDS
  four-way-close normal-close server-closes-first simultaneous-close half-close lost-final-ack
  lost-final-ack-no-timewait stray-segment close-wait-leak linger-zero reuseaddr-restart
  tw-reuse tw-bucket-overflow port-exhaustion nat-tw-recycle lb-web-db)
set(CLOSELAB_EMBEDDED_SCENARIOS "")
foreach(_id IN LISTS CLOSELAB_SCENARIO_IDS)
  set(_file "${PROJECT_SOURCE_DIR}/resources/scenarios/${_id}.json")
  if(EXISTS "${_file}")
    file(READ "${_file}" _text)
    string(APPEND CLOSELAB_EMBEDDED_SCENARIOS
      "        {\"${_id}\", R\"closelab_json(${_text})closelab_json\"},\n")
  endif()
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${_file}")
endforeach()
configure_file(${CMAKE_CURRENT_LIST_DIR}/builtin_scenarios.cpp.in
  ${CMAKE_CURRENT_BINARY_DIR}/builtin_scenarios.cpp @ONLY)
target_sources(closelab_core PRIVATE ${CMAKE_CURRENT_BINARY_DIR}/builtin_scenarios.cpp)
