# Internationalisation tests (owner: i18n). Offscreen, software Qt Quick.
set(closelab_i18n_env "QT_QPA_PLATFORM=offscreen;QT_QUICK_BACKEND=software")

# The catalogues against the sources: lupdate on a copy must find nothing untranslated.
add_executable(i18n_catalogue_test ${CMAKE_CURRENT_SOURCE_DIR}/i18n_catalogue_test.cpp)
target_link_libraries(i18n_catalogue_test PRIVATE closelab_models Qt6::Test closelab_qt_strict)
set_target_properties(i18n_catalogue_test PROPERTIES AUTOMOC ON)
target_compile_definitions(i18n_catalogue_test PRIVATE
  CLOSELAB_SOURCE_ROOT="${PROJECT_SOURCE_DIR}"
  CLOSELAB_LUPDATE="$<TARGET_FILE:Qt6::lupdate>"
  CLOSELAB_LUPDATE_LIST="${CMAKE_BINARY_DIR}/translations/lupdate_sources.lst")
add_test(NAME i18n.catalogue COMMAND i18n_catalogue_test)
set_tests_properties(i18n.catalogue PROPERTIES LABELS "models;widgets"
  ENVIRONMENT "${closelab_i18n_env}")

# LanguageManager, glossary and option help (no widgets needed).
add_executable(i18n_content_test ${CMAKE_CURRENT_SOURCE_DIR}/i18n_content_test.cpp)
target_link_libraries(i18n_content_test PRIVATE closelab_models Qt6::Test closelab_qt_strict)
set_target_properties(i18n_content_test PROPERTIES AUTOMOC ON)
target_compile_definitions(i18n_content_test PRIVATE CLOSELAB_SOURCE_ROOT="${PROJECT_SOURCE_DIR}")
add_test(NAME i18n.content COMMAND i18n_content_test)
set_tests_properties(i18n.content PROPERTIES LABELS models ENVIRONMENT "${closelab_i18n_env}")

# The whole main window switched to Chinese and back: no text of the other language remains.
add_executable(i18n_language_switch_test
  ${CMAKE_CURRENT_SOURCE_DIR}/i18n_language_switch_test.cpp)
target_link_libraries(i18n_language_switch_test PRIVATE
  closelab_widgets closelab_qmlplugin Qt6::Test Qt6::QuickWidgets closelab_qt_strict)
set_target_properties(i18n_language_switch_test PROPERTIES AUTOMOC ON)
add_test(NAME i18n.language_switch COMMAND i18n_language_switch_test)
set_tests_properties(i18n.language_switch PROPERTIES LABELS widgets
  ENVIRONMENT "${closelab_i18n_env}" TIMEOUT 300)
# qcustomplot.h 2.1 uses `foreach` in its templates.
set_source_files_properties(${CMAKE_CURRENT_SOURCE_DIR}/i18n_language_switch_test.cpp
  PROPERTIES COMPILE_OPTIONS "-UQT_NO_FOREACH")

# The engine's notes and errors read in Chinese without English words: every catalogued template,
# every note of the built-ins, every error path of the scenario reader, every option error.
add_executable(i18n_strings_test ${CMAKE_CURRENT_SOURCE_DIR}/i18n_strings_test.cpp)
target_link_libraries(i18n_strings_test PRIVATE closelab_models Qt6::Test closelab_qt_strict)
set_target_properties(i18n_strings_test PROPERTIES AUTOMOC ON)
target_compile_definitions(i18n_strings_test PRIVATE CLOSELAB_SOURCE_ROOT="${PROJECT_SOURCE_DIR}")
add_test(NAME i18n.strings COMMAND i18n_strings_test)
set_tests_properties(i18n.strings PROPERTIES LABELS models ENVIRONMENT "${closelab_i18n_env}")
