# The load model (owner: load helper). Sources of closelab_core under src/core/load.
target_sources(closelab_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/load_model.cpp
  ${CMAKE_CURRENT_LIST_DIR}/load_options.cpp
  ${CMAKE_CURRENT_LIST_DIR}/load_simulator.cpp
)
