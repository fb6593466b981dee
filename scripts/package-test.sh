#!/usr/bin/env bash
# The .deb on a clean system: builds the release preset, makes the .deb with CPack, checks its
# fields and lintian, then installs it with apt into a fresh Debian 12 root (mmdebstrap
# --variant=apt: no Recommends), runs both programs there, takes an offscreen screenshot in
# English and (after installing the recommended CJK font) in Chinese, and purges it again.
#
#   scripts/package-test.sh [--out DIR] [--screenshots DIR] [--deb FILE | --build DIR]
#
# --out: where the .deb, logs and screenshots go (default build/release/package-test);
# --screenshots: also copy packaged-en.png and packaged-zh_CN.png there (docs/screenshots);
# --deb: test this .deb instead of building one;
# --build: make the .deb in this configured build folder instead of build/release (preset
#   release, configured on first use).
# Exit 0 pass, 1 fail, 77 skipped (not root, or Debian's package registry unreachable). In CI
# (CI set, as CI services do) or with CLOSELAB_REQUIRE_PACKAGE_TEST=1 it may not skip: what
# would skip fails instead, so a misconfigured runner cannot pass without the check.
set -euo pipefail
cd "$(dirname "$0")/.."
src=$PWD
out=$src/build/release/package-test
shots=
given_deb=
build=$src/build/release
while [ $# -gt 0 ]; do
    case $1 in
        --out) out=$2; shift 2 ;;
        --screenshots) shots=$2; shift 2 ;;
        --deb) given_deb=$(realpath "$2"); shift 2 ;;
        --build) build=$(realpath "$2"); shift 2 ;;
        *) echo "usage: $0 [--out DIR] [--screenshots DIR] [--deb FILE | --build DIR]" >&2; exit 2 ;;
    esac
done
suite=bookworm
start=$(date +%s)
step() { echo "== [$(($(date +%s) - start)) s] $*"; }
die() { echo "FAIL: $*"; exit 1; }

# --- may this run here? ----------------------------------------------------------------------
skip() {
    if [ -n "${CI:-}" ] || [ "${CLOSELAB_REQUIRE_PACKAGE_TEST:-0}" = 1 ]; then
        echo "FAIL: $* (this run must not skip: CI or CLOSELAB_REQUIRE_PACKAGE_TEST is set)"; exit 1
    fi
    echo "SKIP: $*"; exit 77
}
if [ "$(id -u)" -ne 0 ]; then
    skip "needs root (mmdebstrap --mode=root and chroot)"
fi
for tool in mmdebstrap lintian dpkg-deb dpkg-shlibdeps cpack; do
    command -v "$tool" >/dev/null || die "$tool is missing (./setup.sh installs it)"
done
# The chroot uses this machine's apt sources (the configured mirror, proxy settings included).
sources=
for f in /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list; do
    if [ -s "$f" ] && grep -qE '^(deb |URIs:)' "$f"; then sources=$f; break; fi
done
mirror=$(sed -nE 's/^URIs:[[:space:]]*([^[:space:]]+).*/\1/p; s/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+).*/\2/p' \
    ${sources:-/dev/null} | head -1)
mirror=${mirror:-http://deb.debian.org/debian}
if ! timeout 30 /usr/lib/apt/apt-helper download-file "$mirror/dists/$suite/Release" \
        "$(mktemp -u /tmp/closelab-release.XXXXXX)" >/dev/null 2>&1; then
    skip "Debian's package registry ($mirror) is unreachable"
fi

rm -rf "$out"
mkdir -p "$out"

# --- the release build and the .deb ---------------------------------------------------------
if [ -n "$given_deb" ]; then
    deb=$given_deb
else
    step "build ($build)"
    t0=$(date +%s)
    [ -f "$build/CMakeCache.txt" ] || [ "$build" != "$src/build/release" ] || cmake --preset release >"$out/configure.log" 2>&1 ||
        { tail -20 "$out/configure.log"; die "cmake --preset release"; }
    cmake --build "$build" -j"$(nproc)" >"$out/build.log" 2>&1 ||
        { tail -30 "$out/build.log"; die "the build in $build"; }
    echo "build: $(($(date +%s) - t0)) s"

    step "cpack -G DEB"
    (cd "$build" && cpack -G DEB -B "$out/cpack") >"$out/cpack.log" 2>&1 ||
        { tail -30 "$out/cpack.log"; die "cpack -G DEB"; }
    deb=$(ls "$out"/cpack/closelab_*.deb)
    [ "$(printf '%s\n' "$deb" | wc -l)" = 1 ] || die "expected one .deb, got: $deb"
fi
[ "$deb" -ef "$out/$(basename "$deb")" ] || cp "$deb" "$out/"
deb=$out/$(basename "$deb")
echo "$(basename "$deb"): $(du -h "$deb" | cut -f1)"
dpkg-deb -f "$deb" Package Version Architecture Section Maintainer Depends Recommends Description |
    tee "$out/control.txt"
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Section)" = education ] || die "Section is '$(field Section)'"
[ -n "$(field Maintainer)" ] || die "no Maintainer"
field Depends | grep -q 'libqt6widgets6' || die "Depends lacks the Qt libraries (dpkg-shlibdeps)"
field Recommends | grep -q 'fonts-noto-cjk' || die "Recommends lacks a CJK font"
tests/package/check-deb-depends.sh "$(field Depends)" "$src"
# Stripped: no symbol table left in either program.
mkdir -p "$out/contents"
dpkg-deb -x "$deb" "$out/contents"
for bin in closelab closelab-cli; do
    file "$out/contents/usr/bin/$bin" | grep -q ', stripped' || die "$bin is not stripped"
done
dpkg-deb -c "$deb" >"$out/contents.txt"

step "lintian"
# Debian 12's lintian 2.116: errors and warnings fail; info and pedantic tags are printed.
lintian --fail-on error,warning --display-info "$deb" 2>&1 | tee "$out/lintian.txt" ||
    die "lintian reports errors or warnings"

# --- a clean Debian 12 root -----------------------------------------------------------------
step "mmdebstrap $suite --variant=apt, install, run, purge"
inside=$out/inside.sh
cat >"$inside" <<'INSIDE'
#!/bin/sh
# Runs on the host as an mmdebstrap customize hook; $1 is the new root.
set -eu
root=$1 deb=$2 out=$3
inroot() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/tmp/home LANG=C.UTF-8 "$@"; }
fail() { echo "FAIL: $*"; exit 1; }
mkdir -p "$root/tmp/home"
cp "$deb" "$root/tmp/closelab.deb"
before=$(cd "$root" && find . -xdev -path ./proc -prune -o -path ./tmp -prune -o -print | grep -ci closelab || true)
[ "$before" = 0 ] || fail "the new root already has closelab files"
inroot env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    /tmp/closelab.deb >"$out/apt-install.log" 2>&1 || { tail -30 "$out/apt-install.log"; fail "apt-get install"; }
inroot dpkg-query -W closelab
inroot closelab --version
inroot closelab-cli --version
inroot closelab-cli run normal-close >"$out/normal-close.json" || fail "closelab-cli run normal-close"
grep -q '"segments"' "$out/normal-close.json" || fail "closelab-cli run printed no segments"
shot() { # LANG FILE
    # The lost final ACK at 250 ms: the QML ladder draws its arrows, labels and state bands.
    inroot env QT_QPA_PLATFORM=offscreen closelab --lang "$1" --scenario lost-final-ack \
        --at-time-us 250000 --screenshot "/tmp/$2" --size 1366x768 \
        2>"$out/$2.stderr" || { cat "$out/$2.stderr"; fail "screenshot $2"; }
    cat "$out/$2.stderr"
    if grep -q 'is not installed' "$out/$2.stderr"; then fail "$2: a QML module is missing"; fi
    if grep -qiE 'could not load|cannot load library|failed to load|qrc:.*error' "$out/$2.stderr"; then
        fail "$2: a Qt plugin or QML file failed to load"
    fi
    cp "$root/tmp/$2" "$out/$2"
    file "$out/$2" | grep -q 'PNG image data, 1366 x 768' || fail "$2 is not a 1366x768 PNG"
}
shot en packaged-en.png
# The Chinese interface needs a CJK font, which a clean system lacks (the package recommends it).
inroot env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends fonts-noto-cjk \
    >"$out/apt-font.log" 2>&1 || { tail -20 "$out/apt-font.log"; fail "apt-get install fonts-noto-cjk"; }
shot zh_CN packaged-zh_CN.png
inroot dpkg -L closelab >"$out/dpkg-L.txt"
inroot env DEBIAN_FRONTEND=noninteractive apt-get purge -y closelab >"$out/apt-purge.log" 2>&1 ||
    { tail -20 "$out/apt-purge.log"; fail "apt-get purge closelab"; }
status=$(inroot dpkg-query -W -f '${Status}' closelab 2>/dev/null || true)
case $status in
    '' | *not-installed) ;;
    *) fail "closelab is '$status' after purge" ;;
esac
left=
while read -r path; do
    [ -e "$root$path" ] && [ ! -d "$root$path" ] && left="$left $path"
done <"$out/dpkg-L.txt"
[ -z "$left" ] || fail "left after purge:$left"
# Nor anything else by that name (the user's own settings under HOME aside).
stray=$(cd "$root" && find . -xdev -path ./proc -prune -o -path ./tmp -prune -o -print | grep -i closelab || true)
[ -z "$stray" ] || fail "left after purge: $stray"
echo "purged: the $(wc -l <"$out/dpkg-L.txt") paths of dpkg -L are gone, no closelab file left"
INSIDE
chmod +x "$inside"
t0=$(date +%s)
aptopts=(--aptopt='Acquire::Check-Valid-Until "false"' --aptopt='Acquire::Retries "3"')
timeout 1200 mmdebstrap --mode=root --variant=apt --format=null "${aptopts[@]}" \
    --customize-hook="\"$inside\" \"\$1\" \"$deb\" \"$out\"" \
    "$suite" /dev/null ${sources:+"$sources"} >"$out/mmdebstrap.log" 2>&1 ||
    { tail -40 "$out/mmdebstrap.log"; die "the clean-root run (log: $out/mmdebstrap.log)"; }
grep -vE '^(I:|W: )' "$out/mmdebstrap.log" | grep -v '^$' || true
echo "clean root: $(($(date +%s) - t0)) s"

if [ -n "$shots" ]; then
    cp "$out/packaged-en.png" "$out/packaged-zh_CN.png" "$shots/"
    echo "copied packaged-en.png and packaged-zh_CN.png to $shots"
fi
step "PASS: $(basename "$deb") installs, runs and purges on a clean $suite"
