# QTest suites for the widgets and the app (label widgets), offscreen, failing on any Qt warning.
set(CLOSELAB_WIDGETS_TEST_ENV "QT_QPA_PLATFORM=offscreen;QT_QUICK_BACKEND=software")

add_library(closelab_widgets_test_support STATIC
  ${CMAKE_CURRENT_LIST_DIR}/warning_guard.h
  ${CMAKE_CURRENT_LIST_DIR}/warning_guard.cpp)
target_link_libraries(closelab_widgets_test_support PUBLIC Qt6::Core PRIVATE closelab_qt_strict)
target_include_directories(closelab_widgets_test_support PUBLIC ${CMAKE_CURRENT_LIST_DIR})

function(closelab_widgets_test name)
  add_executable(${name} ${ARGN})
  target_link_libraries(${name} PRIVATE closelab_widgets closelab_qmlplugin
    closelab_widgets_test_support Qt6::Test closelab_qt_strict)
  set_target_properties(${name} PROPERTIES AUTOMOC ON)
  add_test(NAME widgets.${name} COMMAND ${name})
  set_tests_properties(widgets.${name} PROPERTIES LABELS widgets
    ENVIRONMENT "${CLOSELAB_WIDGETS_TEST_ENV}")
endfunction()

closelab_widgets_test(widget_parts_test ${CMAKE_CURRENT_LIST_DIR}/widget_parts_test.cpp)
# qcustomplot.h 2.1 uses `foreach` in its templates.
set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/widget_parts_test.cpp
  PROPERTIES COMPILE_OPTIONS "-UQT_NO_FOREACH")

closelab_widgets_test(main_window_test ${CMAKE_CURRENT_LIST_DIR}/main_window_test.cpp)
