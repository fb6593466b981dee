# Presentation mode, presenter view, handouts: QTest offscreen, plus the app's --present
# screenshots and --export-handout read back with poppler's pdfinfo / pdffonts.
closelab_widgets_test(presentation_test ${CMAKE_CURRENT_LIST_DIR}/presentation_test.cpp)
target_compile_definitions(presentation_test PRIVATE
  CLOSELAB_TEST_DATA_DIR="${CMAKE_CURRENT_LIST_DIR}/data")

# Presentation mode at one beat of the built-in lost-final-ack (beats: the lost ACK, the FIN
# again, the re-ACK, LAST_ACK ends, TIME_WAIT ends), at the projector sizes of a lecture hall,
# in both languages.
set(CLOSELAB_BEATS_SCENARIO ${CMAKE_CURRENT_LIST_DIR}/data/lost-final-ack-beats.json)
closelab_screenshot_test(presentation-1024x768 SIZE 1024x768
  ARGS --present --scenario lost-final-ack --beat 1)
closelab_screenshot_test(presentation-1280x720 SIZE 1280x720
  ARGS --present --scenario lost-final-ack --beat 3)
closelab_screenshot_test(presentation-1920x1080 SIZE 1920x1080
  ARGS --present --scenario lost-final-ack --beat 5)
# Errors found once the run exists (after QApplication: Qt may add its own lines before).
function(closelab_app_error_test name expect stderr_regex)
  add_test(NAME app.${name}
    COMMAND ${CMAKE_COMMAND} "-DCMD=$<TARGET_FILE:closelab>;${ARGN}" -DEXPECT=${expect}
            "-DEXPECT_STDERR=${stderr_regex}" -P ${CMAKE_CURRENT_LIST_DIR}/expect_exit.cmake)
  set_tests_properties(app.${name} PROPERTIES LABELS widgets
    ENVIRONMENT "${CLOSELAB_WIDGETS_TEST_ENV};LC_ALL=C;LANGUAGE=;XDG_CONFIG_HOME=${CLOSELAB_SETTINGS_NONE}")
endfunction()
closelab_app_error_test(beat_out_of_range_exit_2 2
  "closelab: --beat must be 0 to 5 \\(this scenario has 5 beats\\), got '9'"
  --present --scenario ${CLOSELAB_BEATS_SCENARIO} --beat 9 --screenshot x.png)
closelab_app_exit_test(beat_not_a_number_exit_2 2 --present --beat two --screenshot x.png)
closelab_app_exit_test(beat_without_present_exit_2 2 --beat 2 --screenshot x.png)

# --export-handout: pages = beats + 1 (lost-final-ack has 5), the Chinese font embedded in zh_CN.
foreach(lang en zh_CN)
  set(file ${CLOSELAB_SHOT_DIR}/handout-lost-final-ack-${lang}.pdf)
  add_test(NAME app.export_handout.${lang}
    COMMAND ${CMAKE_COMMAND}
            "-DCMD=$<TARGET_FILE:closelab>;--lang;${lang};--scenario;lost-final-ack;--export-handout;${file}"
            -DPDF=${file} -DEXPECT_PAGES=6 -DLANG=${lang}
            -P ${CMAKE_CURRENT_LIST_DIR}/check_handout.cmake)
  set_tests_properties(app.export_handout.${lang} PROPERTIES LABELS widgets
    ENVIRONMENT "${CLOSELAB_WIDGETS_TEST_ENV}")
endforeach()
closelab_app_error_test(handout_unwritable_exit_1 1 "closelab: Cannot write .*screenshots"
  --scenario normal-close --export-handout ${CLOSELAB_SHOT_DIR})

# With two screens (Xvfb, xcb): the presentation goes full screen on the screen without the main
# window, the presenter view on the main window's.
add_test(NAME widgets.presentation_test.two_screens
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/run_on_two_screens.sh $<TARGET_FILE:presentation_test>
          presentationGoesToTheOtherScreenAndThePresenterViewStays)
set_tests_properties(widgets.presentation_test.two_screens PROPERTIES LABELS widgets
  ENVIRONMENT "QT_QUICK_BACKEND=software" TIMEOUT 120)
