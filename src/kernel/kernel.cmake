target_sources(closelab_kernel PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/capabilities.cpp
)
