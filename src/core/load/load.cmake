target_sources(closelab_core PRIVATE
)
