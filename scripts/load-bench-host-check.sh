#!/bin/bash
# Runs load_bench and prints, on one line, each benchmark's median throughput together with what
# else the machine did meanwhile: the hypervisor's steal ticks and the CPU ticks of every other
# process (the whole machine's busy ticks from /proc/stat minus the benchmark's own CPU time;
# 1 tick = 10 ms). A run with steal or another busy process is not a quiet-host figure.
#   usage: scripts/load-bench-host-check.sh path/to/load_bench [FILTER]
set -euo pipefail
bench=${1:?usage: $0 LOAD_BENCH [FILTER]}
filter=${2:-BM_}
busyTicks() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8, $9}' /proc/stat; }
read -r busy1 steal1 < <(busyTicks)
out=$({ /usr/bin/time -f 'OWN %U %S' "$bench" --benchmark_filter="$filter" \
    --benchmark_repetitions=5 --benchmark_report_aggregates_only=true; } 2>&1)
read -r busy2 steal2 < <(busyTicks)
own=$(awk '/^OWN/{printf "%d", ($2 + $3) * 100}' <<<"$out")
medians=$(awk '/_median/ {
    line = $1 " " $4 " " $5
    for (i = 7; i <= NF; i++) if ($i ~ /^(items_per_second|bytes_per_time_wait)=/) line = line " " $i
    printf "%s; ", line }' <<<"$out")
echo "$(date -u +%H:%M:%S) ${medians} steal=$((steal2 - steal1)) other_busy=$((busy2 - busy1 - own)) own=${own}"
