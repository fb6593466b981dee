#!/usr/bin/env bash
# dpkg-shlibdeps cannot see what the app loads at run time, so the package lists it by hand;
# this checks that list independently of cmake/CloselabCPack.cmake, from this machine's files:
#  - every `import` of qml/**/*.qml, followed through the qmldir files it pulls in (`import X auto`,
#    `depends X`), is a qmldir owned by a package that Depends names (dpkg -S);
#  - Qt SQL's SQLite driver, when any source opens a QSQLITE database.
# Usage: check-deb-depends.sh "DEPENDS FIELD" SOURCE_DIR
set -euo pipefail
depends=$1 src=$2
qmlroot=$(qtpaths6 --query QT_INSTALL_QML 2>/dev/null ||
          echo "/usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo x86_64-linux-gnu)/qt6/qml")
# Package names of the field, alternatives and version constraints dropped.
named=$(printf '%s' "$depends" | tr ',|' '\n\n' | sed 's/(.*)//; s/:any//; s/[[:space:]]//g' | sed '/^$/d' | sort -u)
fail=0
declare -A seen
need=()
resolve() { # MODULE: add the package of its qmldir, then the modules that qmldir imports
    local module=$1
    [ -z "${seen[$module]:-}" ] || return 0
    seen[$module]=1
    case $module in Closelab | Closelab.*) return 0 ;; esac   # our own, static, in the executable
    local qmldir=$qmlroot/${module//.//}/qmldir
    if [ ! -f "$qmldir" ]; then
        if [ "$module" = QtQml ]; then
            # Built into libqt6qml6 (no qmldir on Debian 12); it imports QtQml.WorkerScript,
            # and `import QtQuick` fails with "module QtQml.WorkerScript is not installed"
            # without that plugin.
            resolve QtQml.WorkerScript
            return 0
        fi
        echo "FAIL: $module: no $qmldir on this machine (install its qml6-module-* package)"
        fail=1
        return 0
    fi
    local pkg
    pkg=$(dpkg -S "$qmldir" 2>/dev/null | cut -d: -f1 | head -1)
    [ -n "$pkg" ] || { echo "FAIL: no package owns $qmldir"; fail=1; return 0; }
    need+=("$pkg:$module")
    local dep
    for dep in $(sed -nE 's/^(import|depends)[[:space:]]+([A-Za-z][A-Za-z0-9_.]*).*/\2/p' "$qmldir"); do
        resolve "$dep"
    done
}
imports=$(find "$src/qml" -name '*.qml' -exec cat {} + | sed -nE 's/^import[[:space:]]+([A-Z][A-Za-z0-9_.]*).*/\1/p' | sort -u)
for module in $imports; do resolve "$module"; done
if grep -rqs QSQLITE "$src/src"; then need+=("libqt6sql6-sqlite:QSQLITE"); fi
for entry in "${need[@]}"; do
    pkg=${entry%%:*}
    printf '%s\n' "$named" | grep -qx "$pkg" || {
        echo "FAIL: Depends lacks $pkg (for ${entry#*:})"; fail=1; }
done
[ $fail -eq 0 ] && echo "ok: imports {$(echo $imports)} need {$(printf '%s\n' "${need[@]%%:*}" | sort -u | xargs)}, all in Depends"
exit $fail
