#!/bin/sh
# closelab-cli list/run contract checks (issue 3). Usage: engine_cli_test.sh CLI CHECK
# Runs in a scratch directory; exits non-zero with a message when the check fails.
cli=$1
check=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
# Each check gets its own scratch directory so checks can run in parallel.
mkdir -p "cli-$check" && cd "cli-$check" || fail "no scratch directory"
# Bad input must give exit code 2, exactly one line on stderr and nothing on stdout.
bad_input() {
    "$cli" "$@" > out.txt 2> err.txt
    rc=$?
    [ "$rc" -eq 2 ] || fail "exit code $rc, expected 2 for: $*"
    [ "$(wc -l < err.txt)" -eq 1 ] || fail "stderr is not one line: $(cat err.txt)"
    [ ! -s out.txt ] || fail "stdout not empty"
}
case "$check" in
list_json)
    "$cli" list > list.json || fail "list failed"
    grep -q '"id": "nat-tw-recycle"' list.json || fail "nat-tw-recycle missing"
    [ "$(grep -c '"topic"' list.json)" -eq 16 ] || fail "expected 16 scenarios"
    ;;
run_json_contract)
    "$cli" run normal-close > run.json || fail "run failed"
    for k in scenario kernel options segments transitions notes counters app_events final_sockets \
        outcome beats caption stray_accepted bytes_discarded resets syn_dropped t_us arrive_us tsval tsecr fate \
        flags cause result; do
        grep -q "\"$k\"" run.json || fail "key $k missing"
    done
    grep -q '"TIME_WAIT"' run.json || fail "no TIME_WAIT state"
    ;;
run_text)
    "$cli" run lost-final-ack --format text | grep -q 'ACK sent again' || fail "no re-ACK in trace"
    ;;
set_scoped_to_one_host)
    "$cli" run normal-close --set client.net.ipv4.tcp_fin_timeout=7 > run.json || fail "run failed"
    [ "$(grep -c '"net.ipv4.tcp_fin_timeout": "7"' run.json)" -eq 1 ] || fail "client not 7"
    [ "$(grep -c '"net.ipv4.tcp_fin_timeout": "60"' run.json)" -eq 1 ] || fail "server not 60"
    ;;
same_seed_same_bytes)
    "$cli" run stray-segment --seed 42 > a.json && "$cli" run stray-segment --seed 42 > b.json ||
        fail "run failed"
    cmp -s a.json b.json || fail "outputs differ"
    "$cli" run stray-segment --seed 43 > c.json
    ! cmp -s a.json c.json || fail "seed has no effect"
    ;;
bad_value) bad_input run normal-close --set net.ipv4.tcp_tw_reuse=7 ;;
inverted_range)
    bad_input run normal-close --set 'net.ipv4.ip_local_port_range=5000 4000'
    grep -q 'above the high end' err.txt || fail "message: $(cat err.txt)"
    ;;
unknown_id) bad_input run no-such-scenario ;;
unknown_option)
    bad_input run normal-close --set net.ipv4.tcp_bogus=1
    grep -q 'unknown option' err.txt || fail "message: $(cat err.txt)"
    ;;
unknown_host) bad_input run normal-close --set db.net.ipv4.tcp_fin_timeout=1 ;;
removed_option)
    bad_input run normal-close --set net.ipv4.tcp_tw_recycle=1
    grep -q '4.12' err.txt || fail "message: $(cat err.txt)"
    ;;
bad_seed) bad_input run normal-close --seed x ;;
malformed_file)
    printf '{\n  "id": "x",\n  "title": oops\n}\n' > bad.json
    bad_input run bad.json
    grep -q 'bad.json:3:12:' err.txt || fail "no line:column: $(cat err.txt)"
    ;;
semantic_file)
    printf '{"id": "x", "title": "t", "hosts": [{"name": "client", "address": "10.0.0.1"},\n {"name": "server", "address": "10.0.0.300"}], "timeline": []}\n' > sem.json
    bad_input run sem.json
    grep -q 'sem.json:2:' err.txt || fail "no location: $(cat err.txt)"
    ;;
*) fail "unknown check $check" ;;
esac
exit 0
