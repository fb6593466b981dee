# Spaced review (SM-2) of practice questions.
target_sources(core_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/review_schedule_test.cpp)
