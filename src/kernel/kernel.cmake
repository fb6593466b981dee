target_sources(closelab_kernel PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/capabilities.cpp
  ${CMAKE_CURRENT_LIST_DIR}/kernel_experiments.cpp
  ${CMAKE_CURRENT_LIST_DIR}/kernel_load.cpp
  ${CMAKE_CURRENT_LIST_DIR}/kernel_run.cpp
  ${CMAKE_CURRENT_LIST_DIR}/live_monitor.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mib_counters.cpp
  ${CMAKE_CURRENT_LIST_DIR}/netns_runner.cpp
  ${CMAKE_CURRENT_LIST_DIR}/proc_net_tcp.cpp
  ${CMAKE_CURRENT_LIST_DIR}/scenario_comparison.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sock_diag.cpp
  ${CMAKE_CURRENT_LIST_DIR}/socket_text_import.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tcp_state.cpp
  ${CMAKE_CURRENT_LIST_DIR}/text_fields.cpp
)
