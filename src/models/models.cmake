target_sources(closelab_models PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/app_info.h
  ${CMAKE_CURRENT_LIST_DIR}/app_info.cpp
)
