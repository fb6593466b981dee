# The models helper's sources (Session, Player, time axis, item models, ladder models).
target_link_libraries(closelab_models PUBLIC Qt6::Concurrent)
target_sources(closelab_models PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/app_info.h
  ${CMAKE_CURRENT_LIST_DIR}/app_info.cpp
  ${CMAKE_CURRENT_LIST_DIR}/time_axis.h
  ${CMAKE_CURRENT_LIST_DIR}/time_axis.cpp
  ${CMAKE_CURRENT_LIST_DIR}/player.h
  ${CMAKE_CURRENT_LIST_DIR}/player.cpp
)
