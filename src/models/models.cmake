# The models helper's sources (Session, Player, time axis, item models, ladder models).
target_link_libraries(closelab_models PUBLIC Qt6::Concurrent)
target_sources(closelab_models PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/app_info.cpp
  ${CMAKE_CURRENT_LIST_DIR}/app_info.h
  ${CMAKE_CURRENT_LIST_DIR}/counters_model.cpp
  ${CMAKE_CURRENT_LIST_DIR}/counters_model.h
  ${CMAKE_CURRENT_LIST_DIR}/host_names.cpp
  ${CMAKE_CURRENT_LIST_DIR}/host_names.h
  ${CMAKE_CURRENT_LIST_DIR}/ladder_item_model.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ladder_item_model.h
  ${CMAKE_CURRENT_LIST_DIR}/ladder_scene.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ladder_scene.h
  ${CMAKE_CURRENT_LIST_DIR}/note_text.cpp
  ${CMAKE_CURRENT_LIST_DIR}/note_text.h
  ${CMAKE_CURRENT_LIST_DIR}/notes_model.cpp
  ${CMAKE_CURRENT_LIST_DIR}/notes_model.h
  ${CMAKE_CURRENT_LIST_DIR}/options_model.cpp
  ${CMAKE_CURRENT_LIST_DIR}/options_model.h
  ${CMAKE_CURRENT_LIST_DIR}/player.cpp
  ${CMAKE_CURRENT_LIST_DIR}/player.h
  ${CMAKE_CURRENT_LIST_DIR}/scenario_list_model.cpp
  ${CMAKE_CURRENT_LIST_DIR}/scenario_list_model.h
  ${CMAKE_CURRENT_LIST_DIR}/session.cpp
  ${CMAKE_CURRENT_LIST_DIR}/session.h
  ${CMAKE_CURRENT_LIST_DIR}/socket_table_model.cpp
  ${CMAKE_CURRENT_LIST_DIR}/socket_table_model.h
  ${CMAKE_CURRENT_LIST_DIR}/state_series_model.cpp
  ${CMAKE_CURRENT_LIST_DIR}/state_series_model.h
  ${CMAKE_CURRENT_LIST_DIR}/time_axis.cpp
  ${CMAKE_CURRENT_LIST_DIR}/time_axis.h
  ${CMAKE_CURRENT_LIST_DIR}/time_format.cpp
  ${CMAKE_CURRENT_LIST_DIR}/time_format.h
  ${CMAKE_CURRENT_LIST_DIR}/trace_filter_model.cpp
  ${CMAKE_CURRENT_LIST_DIR}/trace_filter_model.h
  ${CMAKE_CURRENT_LIST_DIR}/trace_model.cpp
  ${CMAKE_CURRENT_LIST_DIR}/trace_model.h
)
