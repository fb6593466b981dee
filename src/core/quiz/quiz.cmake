# The question bank: loader, selector language, variants, grading, quiz check. Qt-free.
target_sources(closelab_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/topics.cpp
  ${CMAKE_CURRENT_LIST_DIR}/question_bank.cpp
  ${CMAKE_CURRENT_LIST_DIR}/quiz_run.cpp
  ${CMAKE_CURRENT_LIST_DIR}/selector.cpp
  ${CMAKE_CURRENT_LIST_DIR}/variant.cpp
  ${CMAKE_CURRENT_LIST_DIR}/grader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/quiz_check.cpp
)

# Question files (resources/questions/*.json) and the scenario files questions may run
# (resources/questions/scenarios/*.json) are embedded as raw string literals, in file-name order,
# like the built-in scenarios; adding a file re-runs the configure step (CONFIGURE_DEPENDS).
file(GLOB _closelab_question_files CONFIGURE_DEPENDS
  ${PROJECT_SOURCE_DIR}/resources/questions/*.json)
file(GLOB _closelab_question_scenarios CONFIGURE_DEPENDS
  ${PROJECT_SOURCE_DIR}/resources/questions/scenarios/*.json)
list(SORT _closelab_question_files)
list(SORT _closelab_question_scenarios)
set(CLOSELAB_EMBEDDED_QUESTIONS "")
foreach(_file IN LISTS _closelab_question_files)
  get_filename_component(_name "${_file}" NAME)
  file(READ "${_file}" _text)
  string(APPEND CLOSELAB_EMBEDDED_QUESTIONS
    "        {\"${_name}\", R\"closelab_json(${_text})closelab_json\"},\n")
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${_file}")
endforeach()
set(CLOSELAB_EMBEDDED_QUESTION_SCENARIOS "")
foreach(_file IN LISTS _closelab_question_scenarios)
  get_filename_component(_name "${_file}" NAME)
  file(READ "${_file}" _text)
  string(APPEND CLOSELAB_EMBEDDED_QUESTION_SCENARIOS
    "        {\"${_name}\", R\"closelab_json(${_text})closelab_json\"},\n")
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${_file}")
endforeach()
configure_file(${CMAKE_CURRENT_LIST_DIR}/builtin_questions.cpp.in
  ${CMAKE_CURRENT_BINARY_DIR}/builtin_questions.cpp @ONLY)
target_sources(closelab_core PRIVATE ${CMAKE_CURRENT_BINARY_DIR}/builtin_questions.cpp)
