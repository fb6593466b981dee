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
closelab_widgets_test(load_cancel_test ${CMAKE_CURRENT_LIST_DIR}/load_cancel_test.cpp)

# The app's command line: bad input gives one line on stderr and exit code 2.
function(closelab_app_exit_test name expect)
  add_test(NAME app.${name}
    COMMAND ${CMAKE_COMMAND} "-DCMD=$<TARGET_FILE:closelab>;${ARGN}" -DEXPECT=${expect}
            -DONE_LINE=ON -P ${CMAKE_CURRENT_LIST_DIR}/expect_exit.cmake)
  set_tests_properties(app.${name} PROPERTIES LABELS widgets
    ENVIRONMENT "${CLOSELAB_WIDGETS_TEST_ENV}")
endfunction()
closelab_app_exit_test(unknown_option_exit_2 2 --no-such-option)
closelab_app_exit_test(unknown_scenario_exit_2 2 --scenario no-such-scenario)
closelab_app_exit_test(missing_scenario_file_exit_2 2 --scenario /nonexistent/closelab.json)
closelab_app_exit_test(bad_set_value_exit_2 2 --set net.ipv4.tcp_tw_reuse=7)
closelab_app_exit_test(unknown_set_name_exit_2 2 --set net.ipv4.no_such_thing=1)
closelab_app_exit_test(bad_port_range_exit_2 2 --set "client.net.ipv4.ip_local_port_range=61000 32768")
closelab_app_exit_test(bad_kernel_exit_2 2 --kernel linux-2.2)
closelab_app_exit_test(bad_lang_exit_2 2 --lang fr)
closelab_app_exit_test(bad_size_exit_2 2 --screenshot x.png --size huge)
closelab_app_exit_test(bad_tab_exit_2 2 --tab graphs)
closelab_app_exit_test(bad_time_exit_2 2 --at-time-us -5)
closelab_app_exit_test(stray_argument_exit_2 2 extra)
# A bad value on the command line is reported in the language the app would start in
# (LanguageManager's rule: --lang, then the saved choice, then the system locale), although it is
# found before QApplication exists: with no display (DISPLAY empty, xcb), creating the
# QApplication would abort, so these also show that no display is needed. SETTINGS is a
# QSettings directory (XDG_CONFIG_HOME): "zh" remembers zh_CN, "none" remembers nothing.
set(CLOSELAB_SETTINGS_ZH ${CMAKE_CURRENT_BINARY_DIR}/settings-zh)
set(CLOSELAB_SETTINGS_NONE ${CMAKE_CURRENT_BINARY_DIR}/settings-none)
file(WRITE ${CLOSELAB_SETTINGS_ZH}/closelab/closelab.conf "[ui]\nlanguage=zh_CN\n")
file(MAKE_DIRECTORY ${CLOSELAB_SETTINGS_NONE})
function(closelab_app_language_test name settings locale stderr_regex)
  add_test(NAME app.${name}
    COMMAND ${CMAKE_COMMAND} "-DCMD=$<TARGET_FILE:closelab>;${ARGN}" -DEXPECT=2 -DONE_LINE=ON
            "-DEXPECT_STDERR=${stderr_regex}" -P ${CMAKE_CURRENT_LIST_DIR}/expect_exit.cmake)
  set_tests_properties(app.${name} PROPERTIES LABELS widgets
    ENVIRONMENT "QT_QPA_PLATFORM=xcb;DISPLAY=;WAYLAND_DISPLAY=;XDG_CONFIG_HOME=${settings};LANGUAGE=;LC_ALL=${locale};LC_MESSAGES=;LANG=${locale}")
endfunction()
closelab_app_language_test(bad_set_value_in_lang_zh ${CLOSELAB_SETTINGS_NONE} C
  "^closelab: net.ipv4.tcp_tw_reuse 必须" --lang zh_CN --set net.ipv4.tcp_tw_reuse=7)
closelab_app_language_test(bad_kernel_in_saved_zh ${CLOSELAB_SETTINGS_ZH} C
  "^closelab: 未知内核配置“linux-2.2”" --kernel linux-2.2)
closelab_app_language_test(bad_scenario_in_system_zh ${CLOSELAB_SETTINGS_NONE} zh_CN.UTF-8
  "^closelab: 未知场景“no-such-scenario”" --scenario no-such-scenario)
closelab_app_language_test(missing_file_in_lang_zh ${CLOSELAB_SETTINGS_NONE} C
  "^closelab: 无法读取文件" --lang zh_CN --scenario /nonexistent/closelab.json)
closelab_app_language_test(bad_size_in_saved_zh ${CLOSELAB_SETTINGS_ZH} C
  "^closelab: --size .*实际为“huge”" --screenshot x.png --size huge)
closelab_app_language_test(unknown_option_in_lang_zh ${CLOSELAB_SETTINGS_NONE} C
  "^closelab: 未知选项“--no-such-option”" --lang zh_CN --no-such-option)
# --lang beats the saved choice, the saved choice beats the system locale.
closelab_app_language_test(bad_kernel_lang_en_over_saved_zh ${CLOSELAB_SETTINGS_ZH} zh_CN.UTF-8
  "^closelab: unknown kernel profile 'linux-2.2'" --lang en --kernel linux-2.2)
closelab_app_language_test(bad_set_value_in_system_en ${CLOSELAB_SETTINGS_NONE} C
  "^closelab: net.ipv4.tcp_tw_reuse must" --set net.ipv4.tcp_tw_reuse=7)
add_test(NAME app.version COMMAND closelab --version)
set_tests_properties(app.version PROPERTIES LABELS widgets PASS_REGULAR_EXPRESSION "^closelab [0-9]")

# Screenshots of the main views in both languages, rendered by the app itself (--screenshot),
# into the build directory; docs/screenshots/ holds copies of these (see docs/user-guide.md).
# Nothing is compared pixel by pixel: each test checks that the PNG was written, has the
# expected pixel size (logical size x scale) and is not blank (a one-colour window compresses to
# a few kilobytes). SIZE is the logical window size; SCALE 2 runs with QT_SCALE_FACTOR=2.
set(CLOSELAB_SHOT_DIR ${CMAKE_CURRENT_BINARY_DIR}/screenshots)
file(MAKE_DIRECTORY ${CLOSELAB_SHOT_DIR})
function(closelab_screenshot_test name)
  cmake_parse_arguments(SHOT "SCALE_BY_FLAG" "SIZE;SCALE;MIN_BYTES" "ARGS" ${ARGN})
  if(NOT SHOT_SCALE)
    set(SHOT_SCALE 1)
  endif()
  # With SCALE_BY_FLAG the app's --scale (in ARGS) must do the scaling, not the environment.
  set(env_scale ${SHOT_SCALE})
  if(SHOT_SCALE_BY_FLAG)
    set(env_scale 1)
  endif()
  if(NOT SHOT_MIN_BYTES)
    set(SHOT_MIN_BYTES 40000)
  endif()
  set(size_args "")
  set(png_size "")
  if(SHOT_SIZE)
    set(size_args "--size;${SHOT_SIZE}")
    string(REGEX MATCH "^([0-9]+)x([0-9]+)$" _ "${SHOT_SIZE}")
    math(EXPR w "${CMAKE_MATCH_1} * ${SHOT_SCALE}")
    math(EXPR h "${CMAKE_MATCH_2} * ${SHOT_SCALE}")
    set(png_size "${w}x${h}")
  endif()
  foreach(lang en zh_CN)
    set(file ${CLOSELAB_SHOT_DIR}/${name}-${lang}.png)
    add_test(NAME app.screenshot.${name}.${lang}
      COMMAND ${CMAKE_COMMAND}
              "-DCMD=$<TARGET_FILE:closelab>;--lang;${lang};--screenshot;${file};${size_args};${SHOT_ARGS}"
              -DEXPECT=0 -DEXPECT_FILE=${file} -DEXPECT_PNG_SIZE=${png_size}
              -DEXPECT_MIN_BYTES=${SHOT_MIN_BYTES}
              "-DFORBID_STDERR=QPainter::begin|paint buffer returned inactive|QCPLayer|Binding loop|qrc:/"
              -P ${CMAKE_CURRENT_LIST_DIR}/expect_exit.cmake)
    set_tests_properties(app.screenshot.${name}.${lang} PROPERTIES LABELS widgets
      ENVIRONMENT "${CLOSELAB_WIDGETS_TEST_ENV};QT_SCALE_FACTOR=${env_scale}")
  endforeach()
endfunction()
closelab_screenshot_test(ladder SIZE 1366x768 ARGS --scenario normal-close --at-time-us 40500)
closelab_screenshot_test(ladder-lb-web-db SIZE 1366x768
  ARGS --scenario lb-web-db --at-time-us 1031000)
closelab_screenshot_test(ladder-nat-tw-recycle SIZE 1366x768
  ARGS --scenario nat-tw-recycle --at-time-us 8005000)
closelab_screenshot_test(ladder-1920 SIZE 1920x1080
  ARGS --scenario lost-final-ack --at-time-us 60000)
closelab_screenshot_test(ladder-200 SIZE 1366x768 SCALE 2
  ARGS --scenario normal-close --at-time-us 40500)
# --scale does what QT_SCALE_FACTOR does (the PNG is twice the logical size).
closelab_screenshot_test(ladder-lb-web-db-200 SIZE 1366x768 SCALE 2 SCALE_BY_FLAG
  ARGS --scale 2 --scenario lb-web-db --at-time-us 1031000)
# Classroom projectors: the moment of lost-final-ack at 1024x768, tw-reuse's crowded client at
# 1280x720, the Load tab at 1024x768.
closelab_screenshot_test(ladder-1024 SIZE 1024x768
  ARGS --scenario lost-final-ack --at-time-us 242000)
closelab_screenshot_test(ladder-tw-reuse-1280 SIZE 1280x720
  ARGS --scenario tw-reuse --at-time-us 1500000)
closelab_screenshot_test(load-1024 SIZE 1024x768 ARGS --tab load)
closelab_screenshot_test(glossary SIZE 1366x768
  ARGS --scenario lost-final-ack --at-time-us 60000 --glossary TIME_WAIT)
closelab_screenshot_test(load SIZE 1366x768 ARGS --tab load)
closelab_screenshot_test(compare SIZE 1366x768
  ARGS --tab compare --compare-set client.net.ipv4.tcp_tw_reuse=1)
closelab_screenshot_test(dialog-shortcuts MIN_BYTES 5000 ARGS --dialog shortcuts)
closelab_screenshot_test(dialog-about MIN_BYTES 3000 ARGS --dialog about)
closelab_screenshot_test(dialog-error MIN_BYTES 3000 ARGS --dialog error)
closelab_app_exit_test(bad_dialog_exit_2 2 --screenshot x.png --dialog settings)
closelab_app_exit_test(bad_scale_exit_2 2 --scale 20)
# A window too large to render into one image is refused up front (it once printed thousands of
# "Painter not active" lines); at --scale 2 the bound halves.
closelab_app_exit_test(too_large_size_exit_2 2 --screenshot x.png --size 99999x99999)
closelab_app_exit_test(too_large_scaled_size_exit_2 2 --screenshot x.png --scale 2 --size 9000x100)
# --export-svg writes the whole run's ladder as vectors (LadderPainter) in both languages.
foreach(lang en zh_CN)
  set(file ${CLOSELAB_SHOT_DIR}/ladder-lb-web-db-${lang}.svg)
  add_test(NAME app.export_svg.${lang}
    COMMAND ${CMAKE_COMMAND}
            "-DCMD=$<TARGET_FILE:closelab>;--lang;${lang};--scenario;lb-web-db;--export-svg;${file}"
            -DEXPECT=0 -DEXPECT_FILE=${file} -DEXPECT_MIN_BYTES=50000
            -P ${CMAKE_CURRENT_LIST_DIR}/expect_exit.cmake)
  set_tests_properties(app.export_svg.${lang} PROPERTIES LABELS widgets
    ENVIRONMENT "${CLOSELAB_WIDGETS_TEST_ENV}")
endforeach()

# A path that cannot be written (here a directory) is the app's one "cannot write" line, exit 1,
# without Qt's "could not open output device" / "QPainter::begin" warnings before it.
add_test(NAME app.export_svg_unwritable
  COMMAND ${CMAKE_COMMAND}
          "-DCMD=$<TARGET_FILE:closelab>;--scenario;normal-close;--export-svg;${CLOSELAB_SHOT_DIR}"
          -DEXPECT=1 "-DEXPECT_STDERR=closelab: cannot write " "-DFORBID_STDERR=QSvg|QPainter"
          -P ${CMAKE_CURRENT_LIST_DIR}/expect_exit.cmake)
set_tests_properties(app.export_svg_unwritable PROPERTIES LABELS widgets
  ENVIRONMENT "${CLOSELAB_WIDGETS_TEST_ENV};LC_ALL=C;LANGUAGE=;XDG_CONFIG_HOME=${CLOSELAB_SETTINGS_NONE}")

# Not a test: the option-change -> re-plot timing harness (numbers in docs/user-guide.md).
add_executable(load_replot_harness ${CMAKE_CURRENT_LIST_DIR}/load_replot_harness.cpp)
target_link_libraries(load_replot_harness PRIVATE closelab_widgets closelab_qmlplugin
  closelab_qt_strict)

# Text layout measured with the real fonts: ladder labels never overlap or leave the diagram,
# widgets get the size their text needs; in both languages, at 100 % and (second run) 200 %.
closelab_widgets_test(text_layout_test ${CMAKE_CURRENT_LIST_DIR}/text_layout_test.cpp)
# At 200 % the logical sizes are the same, so the 1366x768 rows suffice (rendering is 4x dearer).
add_test(NAME widgets.text_layout_test.scale2 COMMAND text_layout_test
  ladderTextNeitherOverlapsNorLeavesTheDiagram:en-1366x768
  ladderTextNeitherOverlapsNorLeavesTheDiagram:zh_CN-1366x768
  everyLabelAndButtonGetsTheSizeItsTextNeeds)
set_tests_properties(widgets.text_layout_test.scale2 PROPERTIES LABELS widgets
  ENVIRONMENT "${CLOSELAB_WIDGETS_TEST_ENV};QT_SCALE_FACTOR=2")

# The window on classroom screens (1024x768, 1280x720): geometry, tabs, keys, the current step
# in view, label detail levels, and the Options / explanation / try fixes.
closelab_widgets_test(classroom_test ${CMAKE_CURRENT_LIST_DIR}/classroom_test.cpp)
