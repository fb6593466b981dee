# The Practice tab (questions, confidence, feedback, mock interview summary, progress).
target_sources(closelab_widgets PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/practice_panel.h
  ${CMAKE_CURRENT_LIST_DIR}/practice_panel.cpp
)
