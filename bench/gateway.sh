#!/usr/bin/env bash
# Side-by-side gateway benchmark on this machine: wrk against an nginx upstream serving 1 KB of JSON
# directly, through nginx as a reverse proxy, and through the MedOps gateway with its whole policy
# chain (signature, replay check, grant, channel and service rate limits, circuit breaker, access log), and through
# Spring Cloud Gateway (bench/peers/scg, a plain route without filters, built here) as the Java peer.
# Each target runs ROUNDS times, interleaved (direct, proxy, SCG, MedOps, direct, …) so that a noisy neighbour hits
# all of them alike; the table gives the median and the spread (min–max) of each. Exits 0.
# Needs: nginx, wrk, python3, psql (apt-get install nginx wrk).
#   bash bench/gateway.sh            full run (3 rounds of 15 s at 50 and 1000 connections)
#   bash bench/gateway.sh --quick    proves the script works (1 round of 3 s at 50 connections); no figures
set -eEuo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/bench/.work
if [ "${1:-}" = "--quick" ]; then
  DURATION=${DURATION:-3s} ROUNDS=${ROUNDS:-1} CONNECTIONS=${CONNECTIONS:-50} WARMUP=${WARMUP:-3s}
fi
DURATION=${DURATION:-15s}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-"50 1000"}
SCG_PORT=18082
STARTUP_SECONDS=${STARTUP_SECONDS:-60}  # longer on a loaded machine, where start-up alone can take minutes
UPSTREAM_PORT=18080 PROXY_PORT=18081 CONSOLE_PORT=18088 GATEWAY_PORT=19080
ADMIN_PASSWORD='Bench#Admin-2026'

for tool in nginx wrk python3 psql curl; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install nginx wrk postgresql-client)"; exit 1; }
done
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

cleanup() {
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  [ -n "${MEDOPS_PID:-}" ] && kill "$MEDOPS_PID" 2>/dev/null && wait "$MEDOPS_PID" 2>/dev/null || true
  [ -n "${SCG_PID:-}" ] && kill "$SCG_PID" 2>/dev/null && wait "$SCG_PID" 2>/dev/null || true
}
trap cleanup EXIT
trap 'echo "bench/gateway.sh: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
rm -rf "$WORK" && mkdir -p "$WORK/nginx"

# 1 KB JSON, like a HIS patient record.
python3 - > "$WORK/patient.json" <<'PY'
import json
record = {"patientId": "P000123456", "name": "张**", "gender": "F", "age": 46, "dept": "心内科",
          "visits": [{"date": "2026-11-%02d" % d, "doctor": "D%04d" % d, "fee": 25.5 * d} for d in range(1, 9)]}
text = json.dumps(record, ensure_ascii=False)
print(text + " " * (1024 - len(text.encode()) - 1))
PY

cat > "$WORK/nginx.conf" <<NGINX
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 8192; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx; proxy_temp_path $WORK/nginx; fastcgi_temp_path $WORK/nginx;
  uwsgi_temp_path $WORK/nginx; scgi_temp_path $WORK/nginx;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$UPSTREAM_PORT;
    root $WORK;
    location / { default_type application/json; try_files /patient.json =404; }
  }
  upstream backend { server 127.0.0.1:$UPSTREAM_PORT; keepalive 256; }
  server {
    listen 127.0.0.1:$PROXY_PORT;
    location / { proxy_pass http://backend/; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
NGINX
nginx -c "$WORK/nginx.conf"

[ -f target/medops.jar ] || ./mvnw -B -q package -DskipTests
[ -f bench/peers/scg/target/scg-peer.jar ] || ./mvnw -B -q -f bench/peers/scg/pom.xml package -DskipTests
SCG_PORT=$SCG_PORT UPSTREAM_PORT=$UPSTREAM_PORT java ${JAVA_OPTS:-} -jar bench/peers/scg/target/scg-peer.jar \
  > "$WORK/scg.log" 2>&1 &
SCG_PID=$!
MEDOPS_ADMIN_PASSWORD=$ADMIN_PASSWORD java ${JAVA_OPTS:-} -jar target/medops.jar --server.port=$CONSOLE_PORT \
  --medops.gateway.port=$GATEWAY_PORT --medops.db.data-dir="$WORK/data" --logging.level.root=warn \
  --medops.identity.two-factor.enforce=false \
  > "$WORK/medops.log" 2>&1 &
MEDOPS_PID=$!
for _ in $(seq 1 $(( STARTUP_SECONDS * 2 ))); do
  curl -sf "http://127.0.0.1:$CONSOLE_PORT/actuator/health" >/dev/null && break
  sleep 0.5
done
for _ in $(seq 1 $(( STARTUP_SECONDS * 2 ))); do
  curl -sf "http://127.0.0.1:$SCG_PORT/patient" >/dev/null && break
  sleep 0.5
done

api() { curl -sf -X "$1" "http://127.0.0.1:$CONSOLE_PORT$2" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' ${3:+-d "$3"}; }
# Health answers before every start-up task has run; on a loaded machine the first sign-in can still be refused.
TOKEN=""
for _ in $(seq 1 60); do
  TOKEN=$(curl -sf -X POST "http://127.0.0.1:$CONSOLE_PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" \
    | python3 -c 'import sys,json;print(json.load(sys.stdin)["token"])' 2>/dev/null) && [ -n "$TOKEN" ] && break
  sleep 1
done
api POST /api/v1/services "{\"code\":\"his\",\"name\":\"HIS\",\"upstreamUrl\":\"http://127.0.0.1:$UPSTREAM_PORT\",\"rateLimitPerSecond\":100000}" >/dev/null
CREDENTIALS=$(api POST /api/v1/channels '{"code":"bench","name":"Bench","quotaPerSecond":100000}')
api POST /api/v1/channels/bench/grants '{"serviceCode":"his"}' >/dev/null
APP_KEY=$(echo "$CREDENTIALS" | python3 -c 'import sys,json;print(json.load(sys.stdin)["appKey"])')
APP_SECRET=$(echo "$CREDENTIALS" | python3 -c 'import sys,json;print(json.load(sys.stdin)["appSecret"])')
sleep 1

# Runs wrk and prints "rps p50_ms p99_ms requests errors".
measure() { # url connections [lua args…]
  local url=$1 connections=$2; shift 2
  local out
  if [ $# -gt 0 ]; then
    out=$(wrk -t"$THREADS" -c"$connections" -d"$DURATION" --latency -s bench/signed.lua "$url" -- "$@")
  else
    out=$(wrk -t"$THREADS" -c"$connections" -d"$DURATION" --latency "$url")
  fi
  echo "$out" > "$WORK/wrk-$(date +%s%N).txt"
  python3 - "$out" <<'PY'
import re, sys
out = sys.argv[1]
def ms(label):
    m = re.search(r"^\s*" + label + r"\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
total = int(re.search(r"(\d+) requests in", out).group(1))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
err = (int(errors.group(1)) if errors else 0) + (sum(map(int, socket.groups())) if socket else 0)
print(f"{rps:.0f} {ms('50%'):.2f} {ms('99%'):.2f} {total} {err}")
PY
}

signed_run() { # connections
  local count=$(( ${DURATION%s} * 40000 + 100000 ))
  python3 bench/signed-requests.py "$APP_SECRET" /his/patient "$count" > "$WORK/signed.txt"
  measure "http://127.0.0.1:$GATEWAY_PORT" "$1" "$WORK/signed.txt" /his/patient "$APP_KEY" "$THREADS"
}

# Warm up the JVMs (JIT, pools) before measuring.
DURATION=$WARMUP signed_run 50 > /dev/null
DURATION=$WARMUP measure "http://127.0.0.1:$SCG_PORT/patient" 50 > /dev/null

PGPORT=$(sed -n 4p "$WORK/data/pg/postmaster.pid")
# The embedded cluster takes its generated password (docs/reliability.md).
export PGPASSWORD=$(cat "$WORK/data/pg-password")
logged() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -tAc "select count(*) from access_log where service_code = 'his'"; }

RESULTS=$WORK/results.txt
: > "$RESULTS"
for c in $CONNECTIONS; do
  for round in $(seq 1 "$ROUNDS"); do
    echo "$c direct $round $(measure "http://127.0.0.1:$UPSTREAM_PORT/patient" "$c")" >> "$RESULTS"
    echo "$c proxy $round $(measure "http://127.0.0.1:$PROXY_PORT/patient" "$c")" >> "$RESULTS"
    echo "$c scg $round $(measure "http://127.0.0.1:$SCG_PORT/patient" "$c")" >> "$RESULTS"
    before=$(logged)
    line="$c medops $round $(signed_run "$c")"
    sleep 2
    echo "$line $(( $(logged) - before ))" >> "$RESULTS"
  done
done

python3 - "$RESULTS" "$ROUNDS" "$DURATION" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
names = {"direct": "nginx direct", "proxy": "nginx reverse proxy", "scg": "Spring Cloud Gateway",
         "medops": "MedOps gateway"}
print(f"\n{sys.argv[2]} interleaved round(s) of {sys.argv[3]} per target; median (min–max)\n")
print(f"{'conns':<6} {'target':<22} {'req/s':>22} {'p50 ms':>8} {'p99 ms':>22} {'errors':>7}")
for conns in dict.fromkeys(r[0] for r in rows):
    med = {}
    for target in names:
        runs = [r for r in rows if r[0] == conns and r[1] == target]
        rps = [float(r[3]) for r in runs]
        p50 = [float(r[4]) for r in runs]
        p99 = [float(r[5]) for r in runs]
        errors = sum(int(r[7]) for r in runs)
        med[target] = (statistics.median(rps), statistics.median(p99))
        print(f"{conns:<6} {names[target]:<22} {statistics.median(rps):>9.0f} ({min(rps):.0f}–{max(rps):.0f})"
              f" {statistics.median(p50):>8.2f} {statistics.median(p99):>8.2f} ({min(p99):.2f}–{max(p99):.2f})"
              f" {errors:>7}")
    medops = [r for r in rows if r[0] == conns and r[1] == "medops"]
    requests = sum(int(r[6]) for r in medops)
    logged = sum(int(r[8]) for r in medops)
    print(f"       MedOps/nginx-proxy {med['medops'][0] / med['proxy'][0]:.0%}, MedOps/SCG "
          f"{med['medops'][0] / med['scg'][0]:.0%} (medians); p99 added over direct "
          f"{med['medops'][1] - med['direct'][1]:.2f} ms; access-log rows {logged} for {requests} requests wrk "
          f"counted (wrk stops mid-flight, so rows >= requests)")
PY
echo
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "load average before the run: ${LOAD_BEFORE}"
