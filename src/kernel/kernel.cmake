target_sources(closelab_kernel PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/capabilities.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tcp_state.cpp
  ${CMAKE_CURRENT_LIST_DIR}/socket_text_import.cpp
)
