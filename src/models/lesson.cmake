# Lesson beats and the stepper that presentation mode drives the Player with.
target_sources(closelab_models PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/beat_stepper.cpp
  ${CMAKE_CURRENT_LIST_DIR}/beat_stepper.h
  ${CMAKE_CURRENT_LIST_DIR}/handout_content.cpp
  ${CMAKE_CURRENT_LIST_DIR}/handout_content.h
  ${CMAKE_CURRENT_LIST_DIR}/lesson_beats.cpp
  ${CMAKE_CURRENT_LIST_DIR}/lesson_beats.h
)
