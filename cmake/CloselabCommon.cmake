# One INTERFACE target carries the warning flags; every closelab target links it.
add_library(closelab_warnings INTERFACE)
target_compile_options(closelab_warnings INTERFACE -Wall -Wextra -Wpedantic)
if(CLOSELAB_WERROR)
  target_compile_options(closelab_warnings INTERFACE -Werror)
endif()

# Qt strictness (qBittorrent CommonConfig.cmake style). Linked by every Qt-using target.
add_library(closelab_qt_strict INTERFACE)
target_compile_definitions(closelab_qt_strict INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_CAST_FROM_BYTEARRAY
  QT_NO_URL_CAST_FROM_STRING
  QT_USE_QSTRINGBUILDER
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_NO_FOREACH
  QT_DISABLE_DEPRECATED_BEFORE=0x060400)
target_link_libraries(closelab_qt_strict INTERFACE closelab_warnings)

# Root of the repository, for tests that read resources/ or docs/.
set(CLOSELAB_SOURCE_ROOT "${PROJECT_SOURCE_DIR}")
