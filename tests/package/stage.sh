#!/usr/bin/env bash
# Installs a build into a fresh staging folder, as a package build does:
#   DESTDIR=STAGE cmake --install BUILD --prefix /usr
set -euo pipefail
build=$1 stage=$2
rm -rf "$stage"
DESTDIR=$stage cmake --install "$build" --prefix /usr >/dev/null
echo "staged $(find "$stage" -type f | wc -l) files in $stage"
