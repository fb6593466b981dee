#!/bin/bash
# Runs 21 reference `closelab-cli load` workloads (loss, NAT, tcp_tw_recycle, pools, loopback,
# tw_reuse, tw buckets, linger, ...) and writes each JSON result (without the engine-internal
# event count) to OUTDIR/N.json. Used to check that an optimisation of the load model changes
# nothing: run it with the binary before and after, then `diff -r BEFORE AFTER`.
#   usage: scripts/load-reference-runs.sh path/to/closelab-cli OUTDIR
set -euo pipefail
cli=${1:?usage: $0 CLOSELAB_CLI OUTDIR}
out=${2:?usage: $0 CLOSELAB_CLI OUTDIR}
mkdir -p "$out"
i=0
while IFS= read -r args; do
  [ -z "$args" ] && continue
  i=$((i + 1))
  # shellcheck disable=SC2086  # the arguments are split on purpose
  "$cli" load $args --format json --connections | python3 -c '
import json, sys
d = json.load(sys.stdin)
d["summary"].pop("events", None)
print(json.dumps(d, sort_keys=True))' > "$out/$i.json"
done <<'LIST'
--duration 120 --rate 1000
--duration 60 --rate 600 --set net.ipv4.ip_local_port_range=40000,40999
--count 200 --duration 30 --set net.ipv4.ip_local_port_range=40000,40099
--duration 60 --rate 300 --closer server
--duration 60 --rate 200 --peer-close never
--duration 60 --rate 200 --peer-close delay:500
--duration 60 --rate 500 --pool 10:20
--duration 60 --rate 300 --clients 3 --nat --kernel linux-4.9 --set server.net.ipv4.tcp_tw_recycle=1
--duration 60 --rate 300 --clients 3 --nat
--duration 60 --rate 500 --loss 0.05 --seed 7
--duration 60 --rate 500 --loss 0.2 --seed 3 --closer server
--duration 60 --rate 400 --poisson --rtt-ms 30
--duration 30 --count 50000 --loopback
--duration 30 --count 50000 --loopback --set net.ipv4.tcp_timestamps=0
--duration 60 --rate 500 --set net.ipv4.tcp_tw_reuse=1 --set net.ipv4.ip_local_port_range=40000,40999
--duration 60 --rate 300 --set net.ipv4.tcp_max_tw_buckets=1000
--duration 200 --rate 100 --closer client --peer-close never --set net.ipv4.tcp_fin_timeout=120
--duration 60 --rate 100 --set SO_LINGER=1,0
--duration 60 --rate 800 --server-ports 4 --clients 2 --loss 0.1 --seed 11
--duration 60 --rate 200 --kernel rfc793
--duration 60 --rate 300 --loss 0.3 --pool 5:3 --seed 5
LIST
echo "$i workloads written to $out"
