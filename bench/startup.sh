#!/usr/bin/env bash
# Start-up time with and without --demo, side by side in one run: each start on a fresh data directory (first
# start: cluster init and migrations) and again on the same directory (a restart), timed from launch until
# /actuator/health/readiness answers UP — readiness waits for the demo seeds. Prints one table and exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$PWD/bench/.work-startup
CONSOLE_PORT=18288 GATEWAY_PORT=19280 UPSTREAM_PORT=19290
ROUNDS=${ROUNDS:-3}
[ -f target/medops.jar ] || ./mvnw -B -q package -DskipTests

pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; }
trap cleanup EXIT

# Milliseconds from launch to readiness for one start on data directory $1 with extra arguments $2...
start() {
  local data=$1; shift
  local began=$(date +%s%N)
  java -jar target/medops.jar --server.port=$CONSOLE_PORT --medops.gateway.port=$GATEWAY_PORT \
    --medops.demo-upstream-port=$UPSTREAM_PORT --medops.db.data-dir="$data" "$@" >>"$data.log" 2>&1 &
  pid=$!
  until curl -fsS "http://127.0.0.1:$CONSOLE_PORT/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$pid" 2>/dev/null || { echo "MedOps exited, see $data.log" >&2; exit 1; }
    sleep 0.1
  done
  echo $(( ($(date +%s%N) - began) / 1000000 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
}

rm -rf "$WORK" && mkdir -p "$WORK"
declare -A sum
for round in $(seq "$ROUNDS"); do
  for mode in plain demo; do
    args=(); [ $mode = demo ] && args=(--demo)
    dir="$WORK/$mode-$round"
    first=$(start "$dir" "${args[@]}")
    again=$(start "$dir" "${args[@]}")
    sum[$mode-first]=$(( ${sum[$mode-first]:-0} + first ))
    sum[$mode-again]=$(( ${sum[$mode-again]:-0} + again ))
  done
done
printf '%-22s %14s %14s\n' "start ($ROUNDS rounds)" "without --demo" "with --demo"
printf '%-22s %11d ms %11d ms\n' "first (fresh data)" $(( sum[plain-first] / ROUNDS )) $(( sum[demo-first] / ROUNDS ))
printf '%-22s %11d ms %11d ms\n' "restart (same data)" $(( sum[plain-again] / ROUNDS )) $(( sum[demo-again] / ROUNDS ))
echo "demo seeding, from the log of the last demo directory (first start, then restart):"
grep -h "Demo: .* seeded in" "$WORK/demo-$ROUNDS.log" | sed 's/.*Demo: /  /'
