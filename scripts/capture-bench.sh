#!/usr/bin/env bash
# The capture reader side by side with tshark on the same generated file.
# Usage: scripts/capture-bench.sh [BUILD_DIR] [PACKETS] [RUNS]
#   BUILD_DIR  a build with capture_bench and closelab-cli (default build/dev)
#   PACKETS    packets in the generated capture (default 1000000)
#   RUNS       runs of each tool; medians are printed (default 5)
# Installs tshark (Debian package) if it is missing. Prints the user+system CPU seconds and
# wall seconds of each run, the medians, and the ratio tshark / closelab of the same run set.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/dev} packets=${2:-1000000} runs=${3:-5}
if ! command -v tshark >/dev/null; then
  echo "capture-bench: installing tshark"
  as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tshark >/dev/null
fi
file=$(mktemp --suffix=.pcap)
trap 'rm -f "$file"' EXIT
"$build/bench/capture_bench" --write-capture "$file" --packets "$packets"
echo "capture: $file, $packets packets, $(stat -c %s "$file") bytes"
measure() { # name command... -> prints "cpu wall" per run on stdout
  for _ in $(seq "$runs"); do
    /usr/bin/env time -f "%U %S %e" -o /tmp/capture-bench.$$ "$@" >/dev/null 2>&1
    awk '{printf "%.3f %.3f\n", $1 + $2, $3}' /tmp/capture-bench.$$
  done
  rm -f /tmp/capture-bench.$$
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
ours=$(measure "$build/src/cli/closelab-cli" capture "$file")
theirs=$(measure tshark -q -z conv,tcp -r "$file")
echo "closelab-cli capture (cpu wall):"; echo "$ours"
echo "tshark -q -z conv,tcp (cpu wall):"; echo "$theirs"
oc=$(echo "$ours" | cut -d' ' -f1 | median) ow=$(echo "$ours" | cut -d' ' -f2 | median)
tc=$(echo "$theirs" | cut -d' ' -f1 | median) tw=$(echo "$theirs" | cut -d' ' -f2 | median)
awk -v p="$packets" -v oc="$oc" -v ow="$ow" -v tc="$tc" -v tw="$tw" 'BEGIN {
  printf "median cpu:  closelab %.3f s (%.2f M packets/s)  tshark %.3f s (%.2f M packets/s)\n", oc, p/oc/1e6, tc, p/tc/1e6;
  printf "median wall: closelab %.3f s  tshark %.3f s\n", ow, tw;
  printf "ratio (tshark / closelab): cpu %.1fx, wall %.1fx\n", tc/oc, tw/ow }'
