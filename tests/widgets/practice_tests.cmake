# The Practice tab: answered with the keyboard alone (a fixed question bank), and screenshots of a
# predict-next question before and after the reveal and of a mock-interview summary, both
# languages (docs/screenshots/ holds copies).
closelab_widgets_test(practice_panel_test ${CMAKE_CURRENT_LIST_DIR}/practice_panel_test.cpp)
target_include_directories(practice_panel_test PRIVATE ${PROJECT_SOURCE_DIR}/tests/models)

closelab_screenshot_test(practice-predict-before SIZE 1366x768
  ARGS --practice twp-retransmitted-fin)
closelab_screenshot_test(practice-predict-after SIZE 1366x768
  ARGS --practice twp-retransmitted-fin --practice-answer ACK)
closelab_screenshot_test(practice-interview-summary SIZE 1366x768 MIN_BYTES 30000
  ARGS --practice interview)
closelab_screenshot_test(practice-home SIZE 1024x768 MIN_BYTES 30000 ARGS --tab practice)
closelab_app_exit_test(unknown_practice_question_exit_2 2 --screenshot x.png --practice no-such-question)
closelab_app_exit_test(bad_practice_seed_exit_2 2 --practice-seed minus-one)
