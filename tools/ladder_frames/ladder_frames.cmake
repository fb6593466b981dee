# ladder-frames: frame-time harness of the QML ladder in the software Qt Quick backend.
# Not a test (timings do not belong in CTest); results go to docs/performance-ui.md.
qt_add_executable(ladder-frames ${CMAKE_CURRENT_LIST_DIR}/main.cpp)
target_link_libraries(ladder-frames PRIVATE closelab_models closelab_qmlplugin Qt6::Quick
  closelab_qt_strict)
