#!/usr/bin/env bash
# The layers of ARCHITECTURE.md: core knows no Qt; kernel knows no Qt; capture uses only core and
# libpcap; models know no widgets and use QtCore, QtGui and QtSql only.
set -euo pipefail
cd "$(dirname "$0")/.."
fail=0
check() { # dir pattern what
  if grep -rnE "$2" "$1" --include='*.h' --include='*.cpp'; then
    echo "layer violation: $1 must not use $3"; fail=1
  fi
}
check src/core '#include\s*[<"]Q|#include\s*[<"]qt' "Qt"
check src/kernel '#include\s*[<"]Q|#include\s*[<"]qt' "Qt"
check src/cli '#include\s*[<"]Q' "Qt"
check src/models '#include\s*[<"](QWidget|QtWidgets|QMainWindow|QDialog|QQuick|widgets/)' "widgets"
check src/models '#include\s*[<"](QtConcurrent|QtNetwork|QtCharts|QtQml)' "Qt modules beyond QtCore/QtGui/QtSql"
check src/core '#include\s*"(kernel|models|widgets|app)/' "upper layers"
check src/kernel '#include\s*"(models|widgets|app)/' "upper layers"
check src/capture '#include\s*[<"]Q|#include\s*[<"]qt' "Qt"
check src/capture '#include\s*"(kernel|cli|models|widgets|app)/' "other layers (core and libpcap only)"
check src/core '#include\s*"capture/|#include\s*<pcap' "the capture layer or libpcap"
check src/kernel '#include\s*"capture/' "the capture layer"
[ $fail -eq 0 ] && echo "layers: ok"
exit $fail
