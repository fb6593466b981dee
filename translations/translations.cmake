# Included from src/app/CMakeLists.txt (the closelab target's directory scope).
#
# `cmake --build <dir> --target update_translations` runs lupdate over every library that shows
# text (core's QT_TRANSLATE_NOOP note and error templates, kernel, models, widgets, app) and the
# QML module, and rewrites translations/closelab_zh_CN.ts and closelab_en.ts. On Qt 6.4 lupdate
# only scans the target's own sources unless SOURCES lists them, hence the glob. -no-obsolete
# drops strings that vanished from the sources, so the catalogues never carry dead entries.
# The .qm catalogues are compiled and embedded under :/i18n by src/models/content.cmake.
set(closelab_i18n_globs)
foreach(dir src/core src/kernel src/models src/widgets src/app)
  list(APPEND closelab_i18n_globs
    ${PROJECT_SOURCE_DIR}/${dir}/*.cpp ${PROJECT_SOURCE_DIR}/${dir}/*.h
    ${PROJECT_SOURCE_DIR}/${dir}/*.ui)
endforeach()
list(APPEND closelab_i18n_globs ${PROJECT_SOURCE_DIR}/qml/*.qml ${PROJECT_SOURCE_DIR}/qml/*.js)
file(GLOB_RECURSE closelab_i18n_sources CONFIGURE_DEPENDS ${closelab_i18n_globs})

# INCLUDE_DIRECTORIES matters: without src/ lupdate cannot read the class declarations behind
# `namespace closelab::widgets {` and files the strings under "MainWindow" instead of the
# "closelab::widgets::MainWindow" context that tr() looks up at run time.
qt_add_lupdate(closelab
  TS_FILES ${PROJECT_SOURCE_DIR}/translations/closelab_zh_CN.ts
  SOURCES ${closelab_i18n_sources}
  INCLUDE_DIRECTORIES ${PROJECT_SOURCE_DIR}/src
  OPTIONS -no-obsolete -locations relative)
# English is the source language: its catalogue only needs the plural forms of %n strings.
qt_add_lupdate(closelab_en
  TS_FILES ${PROJECT_SOURCE_DIR}/translations/closelab_en.ts
  SOURCES ${closelab_i18n_sources}
  INCLUDE_DIRECTORIES ${PROJECT_SOURCE_DIR}/src
  OPTIONS -no-obsolete -locations relative -pluralonly)

# The same file list for the catalogue test (tests/widgets/i18n_tests.cmake), as an lupdate
# @list file: the test then checks exactly what update_translations scans.
list(JOIN closelab_i18n_sources "\n" closelab_i18n_lines)
file(GENERATE OUTPUT ${CMAKE_BINARY_DIR}/translations/lupdate_sources.lst
  CONTENT "-I${PROJECT_SOURCE_DIR}/src\n${closelab_i18n_lines}\n")
