target_sources(closelab_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/version.cpp
)
