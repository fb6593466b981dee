# Teaching content of closelab_models: glossary, option help texts, the language manager, and
# the compiled translation catalogues. The catalogues live in this library (not only in the
# app) so that every executable linking closelab_models, tests included, can switch language.
target_sources(closelab_models PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/language_manager.h
  ${CMAKE_CURRENT_LIST_DIR}/language_manager.cpp
  ${CMAKE_CURRENT_LIST_DIR}/glossary.h
  ${CMAKE_CURRENT_LIST_DIR}/glossary.cpp
  ${CMAKE_CURRENT_LIST_DIR}/option_help.h
  ${CMAKE_CURRENT_LIST_DIR}/option_help.cpp
)

# lrelease the committed .ts files and embed the .qm under :/i18n. The .ts files are updated
# by the `update_translations` target (translations/translations.cmake), never by the build.
set(CLOSELAB_TS_FILES
  ${PROJECT_SOURCE_DIR}/translations/closelab_zh_CN.ts
  ${PROJECT_SOURCE_DIR}/translations/closelab_en.ts)
qt_add_lrelease(closelab_models
  TS_FILES ${CLOSELAB_TS_FILES}
  OPTIONS -silent
  QM_FILES_OUTPUT_VARIABLE closelab_qm_files)
qt_add_resources(closelab_models closelab_translations
  PREFIX /i18n
  BASE ${CMAKE_CURRENT_BINARY_DIR}
  FILES ${closelab_qm_files})
