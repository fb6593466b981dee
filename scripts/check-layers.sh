#!/usr/bin/env bash
# The layers of ARCHITECTURE.md: core knows no Qt; kernel knows no Qt; models know no widgets
# and use QtCore, QtGui and QtSql only.
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
[ $fail -eq 0 ] && echo "layers: ok"
exit $fail
