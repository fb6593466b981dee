# Included from src/app/CMakeLists.txt (the closelab target's directory scope).
