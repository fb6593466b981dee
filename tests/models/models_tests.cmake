# One QTest executable per suite; all run offscreen with the software Qt Quick backend.
function(closelab_models_test name)
  add_executable(${name} ${ARGN} ${CMAKE_CURRENT_SOURCE_DIR}/test_support.h)
  target_link_libraries(${name} PRIVATE closelab_models Qt6::Test closelab_qt_strict)
  target_include_directories(${name} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
  set_target_properties(${name} PROPERTIES AUTOMOC ON)
  add_test(NAME models.${name} COMMAND ${name})
  set_tests_properties(models.${name} PROPERTIES LABELS models
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_QUICK_BACKEND=software")
endfunction()

closelab_models_test(time_axis_test ${CMAKE_CURRENT_SOURCE_DIR}/time_axis_test.cpp)
closelab_models_test(player_test ${CMAKE_CURRENT_SOURCE_DIR}/player_test.cpp)
closelab_models_test(item_models_test ${CMAKE_CURRENT_SOURCE_DIR}/item_models_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_recordings.h)
closelab_models_test(session_test ${CMAKE_CURRENT_SOURCE_DIR}/session_test.cpp)
closelab_models_test(ladder_test ${CMAKE_CURRENT_SOURCE_DIR}/ladder_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_recordings.h)
target_link_libraries(ladder_test PRIVATE Qt6::Quick closelab_qmlplugin)
