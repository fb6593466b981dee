# Spaced review of questions (SM-2), Qt-free; the practice progress store in src/models uses it.
target_sources(closelab_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/review_schedule.h
  ${CMAKE_CURRENT_LIST_DIR}/review_schedule.cpp
)
