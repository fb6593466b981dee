# Sources of closelab_widgets (owned by the widgets helper).
target_sources(closelab_widgets PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/bar_chart_view.h
  ${CMAKE_CURRENT_LIST_DIR}/bar_chart_view.cpp
  ${CMAKE_CURRENT_LIST_DIR}/column_filter_proxy.h
  ${CMAKE_CURRENT_LIST_DIR}/column_filter_proxy.cpp
  ${CMAKE_CURRENT_LIST_DIR}/compare_panel.h
  ${CMAKE_CURRENT_LIST_DIR}/compare_panel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/explanation_panel.h
  ${CMAKE_CURRENT_LIST_DIR}/explanation_panel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/guarded_plot.h
  ${CMAKE_CURRENT_LIST_DIR}/guarded_plot.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ladder_painter.h
  ${CMAKE_CURRENT_LIST_DIR}/ladder_painter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ladder_view.h
  ${CMAKE_CURRENT_LIST_DIR}/ladder_view.cpp
  ${CMAKE_CURRENT_LIST_DIR}/linger_editor.h
  ${CMAKE_CURRENT_LIST_DIR}/linger_editor.cpp
  ${CMAKE_CURRENT_LIST_DIR}/load_data.h
  ${CMAKE_CURRENT_LIST_DIR}/load_data_builder.h
  ${CMAKE_CURRENT_LIST_DIR}/load_data_builder.cpp
  ${CMAKE_CURRENT_LIST_DIR}/load_form.h
  ${CMAKE_CURRENT_LIST_DIR}/load_form.cpp
  ${CMAKE_CURRENT_LIST_DIR}/load_panel.h
  ${CMAKE_CURRENT_LIST_DIR}/load_panel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/main_window.h
  ${CMAKE_CURRENT_LIST_DIR}/main_window.cpp
  ${CMAKE_CURRENT_LIST_DIR}/option_delegate.h
  ${CMAKE_CURRENT_LIST_DIR}/option_delegate.cpp
  ${CMAKE_CURRENT_LIST_DIR}/option_editor.h
  ${CMAKE_CURRENT_LIST_DIR}/option_editor.cpp
  ${CMAKE_CURRENT_LIST_DIR}/option_name_proxy.h
  ${CMAKE_CURRENT_LIST_DIR}/option_name_proxy.cpp
  ${CMAKE_CURRENT_LIST_DIR}/playback_bar.h
  ${CMAKE_CURRENT_LIST_DIR}/playback_bar.cpp
  ${CMAKE_CURRENT_LIST_DIR}/port_range_editor.h
  ${CMAKE_CURRENT_LIST_DIR}/recording_export.h
  ${CMAKE_CURRENT_LIST_DIR}/recording_export.cpp
  ${CMAKE_CURRENT_LIST_DIR}/scenario_browser.h
  ${CMAKE_CURRENT_LIST_DIR}/scenario_browser.cpp
  ${CMAKE_CURRENT_LIST_DIR}/port_range_editor.cpp
  ${CMAKE_CURRENT_LIST_DIR}/shortcuts_dialog.h
  ${CMAKE_CURRENT_LIST_DIR}/shortcuts_dialog.cpp
  ${CMAKE_CURRENT_LIST_DIR}/state_palette.h
  ${CMAKE_CURRENT_LIST_DIR}/state_palette.cpp
  ${CMAKE_CURRENT_LIST_DIR}/state_plot.h
  ${CMAKE_CURRENT_LIST_DIR}/state_plot.cpp
  ${CMAKE_CURRENT_LIST_DIR}/table_panel.h
  ${CMAKE_CURRENT_LIST_DIR}/table_panel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/wrapping_delegate.h
  ${CMAKE_CURRENT_LIST_DIR}/wrapping_delegate.cpp
)
# qcustomplot.h 2.1 (Debian) uses `foreach` inside its templates; only the files that include it
# give up QT_NO_FOREACH (our own code still uses range-for).
set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/state_plot.cpp
  ${CMAKE_CURRENT_LIST_DIR}/guarded_plot.cpp
  PROPERTIES COMPILE_OPTIONS "-UQT_NO_FOREACH")
