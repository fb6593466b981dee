# Practice: the progress store (SQLite through Qt SQL), practice sessions, progress models.
target_link_libraries(closelab_models PUBLIC Qt6::Sql)
target_sources(closelab_models PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/progress_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/progress_store.h
)
target_sources(closelab_models PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/practice_models.cpp
  ${CMAKE_CURRENT_LIST_DIR}/practice_models.h
  ${CMAKE_CURRENT_LIST_DIR}/practice_session.cpp
  ${CMAKE_CURRENT_LIST_DIR}/practice_session.h
  ${CMAKE_CURRENT_LIST_DIR}/question_source.h
  ${CMAKE_CURRENT_LIST_DIR}/run_on_thread_pool.h
)
target_sources(closelab_models PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/core_question_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/core_question_source.h
)
