# Practice: the progress store (with a helper process the SIGKILL test kills), practice sessions.
add_executable(progress_writer ${CMAKE_CURRENT_LIST_DIR}/progress_writer.cpp)
target_link_libraries(progress_writer PRIVATE closelab_models closelab_qt_strict)

closelab_models_test(progress_store_test ${CMAKE_CURRENT_LIST_DIR}/progress_store_test.cpp)
target_compile_definitions(progress_store_test PRIVATE
  CLOSELAB_PROGRESS_WRITER="$<TARGET_FILE:progress_writer>")
add_dependencies(progress_store_test progress_writer)

closelab_models_test(practice_session_test ${CMAKE_CURRENT_LIST_DIR}/practice_session_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/fake_question_source.h)

closelab_models_test(core_question_source_test
  ${CMAKE_CURRENT_LIST_DIR}/core_question_source_test.cpp)
