#!/bin/sh
# Runs a command on a private Xvfb with two screens (a 1366x768 laptop and a 1024x768
# projector), the way a teacher's laptop with a projector looks to Qt's xcb platform.
# Usage: run_on_two_screens.sh COMMAND [ARGS...]
set -eu
command -v Xvfb >/dev/null || { echo "Xvfb not found (setup.sh installs xvfb)" >&2; exit 1; }
fifo=$(mktemp -u)
mkfifo "$fifo"
Xvfb -displayfd 3 -nolisten tcp -screen 0 1366x768x24 -screen 1 1024x768x24 3>"$fifo" \
  >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -f "$fifo"' EXIT
display=$(head -n 1 "$fifo")
[ -n "$display" ] || { echo "Xvfb did not start" >&2; exit 1; }
DISPLAY=":$display" QT_QPA_PLATFORM=xcb "$@"
