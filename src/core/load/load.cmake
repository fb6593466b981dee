# The load model (owner: load helper). Sources of closelab_core under src/core/load.
target_sources(closelab_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/load_args.cpp
  ${CMAKE_CURRENT_LIST_DIR}/load_model.cpp
  ${CMAKE_CURRENT_LIST_DIR}/load_options.cpp
  ${CMAKE_CURRENT_LIST_DIR}/load_simulator.cpp
  ${CMAKE_CURRENT_LIST_DIR}/load_sweep.cpp
)
# The event loop's per-segment helpers (send, timers, state changes) are small and called from
# many places; GCC's default limits leave most of them as calls. Letting it inline them cuts
# ~7 % of the instructions per simulated lifecycle (docs/performance.md, callgrind).
set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/load_simulator.cpp PROPERTIES
  COMPILE_OPTIONS "$<$<CXX_COMPILER_ID:GNU>:--param=max-inline-insns-single=2000;--param=inline-unit-growth=400;--param=large-function-growth=1000>")
