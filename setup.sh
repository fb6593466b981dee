#!/usr/bin/env bash
# closelab set-up: installs what is missing (Debian 12 packages only), builds, and then
# either launches the app (`./setup.sh app`), runs every test (`./setup.sh test`) or makes the
# Debian package (`./setup.sh deb`).
# A second run installs nothing and rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(
  librsvg2-bin desktop-file-utils appstream lintian mmdebstrap bash-completion man-db
  dpkg-dev file fakeroot
  cmake ninja-build g++ clang clang-format libclang-rt-14-dev
  qt6-base-dev libqt6sql6-sqlite qt6-charts-dev qt6-declarative-dev qt6-svg-dev libqcustomplot-dev
  qt6-l10n-tools qt6-tools-dev qt6-tools-dev-tools qt6-translations-l10n
  qml6-module-qtquick qml6-module-qtquick-window qml6-module-qtquick-shapes
  qml6-module-qtquick-layouts qml6-module-qtquick-controls qml6-module-qtquick-templates
  qml6-module-qtqml-workerscript
  nlohmann-json3-dev libgtest-dev libbenchmark-dev
  fonts-noto-cjk poppler-utils xvfb xauth iproute2 nftables
  libpcap-dev
)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_missing() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$p")
    fi
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

configure_build() { # preset
  local preset=$1
  # Always configure: a changed preset (cache variables, flags) must reach an existing build.
  # On an up-to-date build this takes a second and rebuilds nothing.
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j"$(nproc)"
}

case "${1:-}" in
  app)
    shift
    install_missing
    configure_build dev
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      echo "setup: no display found; starting closelab under Xvfb (xvfb-run)"
      exec xvfb-run -a build/dev/src/app/closelab "$@"
    fi
    exec build/dev/src/app/closelab "$@"
    ;;
  test)
    install_missing
    # Qt-free layers under AddressSanitizer + UBSan first...
    configure_build asan
    (cd build/asan && ctest --output-on-failure -L core -j"$(nproc)" --timeout 600)
    # ...then everything, ending with CTest's summary.
    configure_build dev
    cd build/dev
    export QT_QPA_PLATFORM=offscreen QT_QUICK_BACKEND=software
    exec ctest --output-on-failure -j"$(nproc)" --timeout 900
    ;;
  deb)
    install_missing
    configure_build release
    rm -f build/release/closelab_*.deb
    (cd build/release && cpack -G DEB >/dev/null)
    deb=$(ls build/release/closelab_*.deb)
    echo "setup: built $deb; install it with:  sudo apt install ./$deb"
    ;;
  *)
    echo "usage: ./setup.sh app [closelab options]   install, build, launch the app" >&2
    echo "       ./setup.sh test                     install, build, run every test" >&2
    echo "       ./setup.sh deb                      install, build, make the Debian package" >&2
    exit 2
    ;;
esac
