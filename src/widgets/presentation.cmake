# Teaching: presentation mode, presenter view, the main window's lecture tools, handouts.
target_sources(closelab_widgets PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/handout_writer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/handout_writer.h
  ${CMAKE_CURRENT_LIST_DIR}/lecture_tools.cpp
  ${CMAKE_CURRENT_LIST_DIR}/lecture_tools.h
  ${CMAKE_CURRENT_LIST_DIR}/presentation_window.cpp
  ${CMAKE_CURRENT_LIST_DIR}/presentation_window.h
  ${CMAKE_CURRENT_LIST_DIR}/presenter_view.cpp
  ${CMAKE_CURRENT_LIST_DIR}/presenter_view.h
)
