target_sources(closelab_models PRIVATE
)
