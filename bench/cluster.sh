#!/usr/bin/env bash
# A multi-node MedOps on this machine, as a hospital runs it at scale: one console, three gateway-only nodes and the
# integration role on two nodes, on this machine's PostgreSQL (127.0.0.1:5432, a scratch database) and Redis
# (127.0.0.1:6379), nginx balancing the gateways. A signed load goes through nginx while one gateway node is killed
# (kill -9) and restarted and a config change is made; then it checks:
#   - failed calls: only the killed node's in-flight ones (nginx retries refused connections on the other nodes);
#   - every answered call logged once (no access-log row twice, rows >= calls wrk counted);
#   - cluster-wide rate limit (Redis) exact within 5 % per full second, across the three nodes;
#   - config version equal on all gateway nodes within 1 s of a change (read from each node's management port).
#   bash bench/cluster.sh            full run (60 s of load at 100 connections)
#   bash bench/cluster.sh --quick    proves the script works (12 s); no figures
# Needs: nginx, wrk, python3, psql, redis-cli, curl; a PostgreSQL and a Redis on 127.0.0.1.
set -eEuo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/bench/.work-cluster
if [ "${1:-}" = "--quick" ]; then
  DURATION=${DURATION:-12} CONNECTIONS=${CONNECTIONS:-20} LIMIT_SECONDS=${LIMIT_SECONDS:-5}
fi
DURATION=${DURATION:-60}            # seconds of mixed load (kill, restart, config change inside it)
CONNECTIONS=${CONNECTIONS:-100}
LIMIT_SECONDS=${LIMIT_SECONDS:-15}
LIMIT_PER_SECOND=${LIMIT_PER_SECOND:-300}
STARTUP_SECONDS=${STARTUP_SECONDS:-240}
PGURL=${PGURL:-postgresql://postgres@127.0.0.1:5432}
DB=medops_cluster_bench
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/7}
UPSTREAM_PORT=18180 LB_PORT=18181 CONSOLE_PORT=18188
GATEWAY_PORTS=(19181 19182 19183) MANAGEMENT_PORTS=(19281 19282 19283) INTEROP_PORTS=(19396 19397)
ADMIN_PASSWORD='Bench#Admin-2026'
TOKEN_SCRAPE=bench-scrape-token
SECRET_KEY=$(python3 -c 'import base64,os;print(base64.b64encode(os.urandom(32)).decode())')

for tool in nginx wrk python3 psql redis-cli curl; do
  command -v "$tool" >/dev/null || { echo "missing $tool"; exit 1; }
done
pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1 || { echo "no PostgreSQL on 127.0.0.1:5432"; exit 1; }
redis-cli -u "$REDIS_URL" ping >/dev/null || { echo "no Redis at $REDIS_URL"; exit 1; }
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

declare -A PIDS
cleanup() {
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  for name in "${!PIDS[@]}"; do kill "${PIDS[$name]}" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'echo "bench/cluster.sh: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
rm -rf "$WORK" && mkdir -p "$WORK/nginx"
psql "$PGURL/postgres" -qc "drop database if exists $DB" -c "create database $DB" >/dev/null
redis-cli -u "$REDIS_URL" flushdb >/dev/null

echo '{"patientId":"P000123456","dept":"心内科","ok":true}' > "$WORK/patient.json"
{
  echo "worker_processes 2; pid $WORK/nginx.pid; error_log $WORK/nginx/error.log warn;"
  echo "events { worker_connections 8192; }"
  echo "http { access_log off; keepalive_requests 1000000;"
  echo "  client_body_temp_path $WORK/nginx; proxy_temp_path $WORK/nginx; fastcgi_temp_path $WORK/nginx;"
  echo "  uwsgi_temp_path $WORK/nginx; scgi_temp_path $WORK/nginx;"
  echo "  server { listen 127.0.0.1:$UPSTREAM_PORT; root $WORK;"
  echo "    location / { default_type application/json; try_files /patient.json =404; } }"
  echo "  upstream gateways {"
  for p in "${GATEWAY_PORTS[@]}"; do echo "    server 127.0.0.1:$p max_fails=1 fail_timeout=2s;"; done
  echo "    keepalive 128; }"
  # A refused connection (the killed node) is retried on the next node; an answered call is never repeated.
  echo "  server { listen 127.0.0.1:$LB_PORT;"
  echo "    location / { proxy_pass http://gateways; proxy_http_version 1.1; proxy_set_header Connection \"\";"
  echo "      proxy_next_upstream error timeout; proxy_next_upstream_tries 3; proxy_connect_timeout 1s; } }"
  echo "}"
} > "$WORK/nginx.conf"
nginx -c "$WORK/nginx.conf"

[ -f target/medops.jar ] || ./mvnw -B -q package -DskipTests
common=(--medops.db.url="jdbc:postgresql://127.0.0.1:5432/$DB" --medops.db.username=postgres
        --medops.secret-key="$SECRET_KEY" --medops.gateway.redis-url="$REDIS_URL" --medops.metrics.token=$TOKEN_SCRAPE
        --logging.level.root=warn)
start_node() { # name args…
  local name=$1; shift
  java ${JAVA_OPTS:--Xmx384m} -jar target/medops.jar "${common[@]}" --medops.db.data-dir="$WORK/$name" "$@" \
    >> "$WORK/$name.log" 2>&1 &
  PIDS[$name]=$!
}
wait_for() { # url
  for _ in $(seq 1 $(( STARTUP_SECONDS * 2 ))); do curl -sf "$1" >/dev/null && return 0; sleep 0.5; done
  echo "timed out waiting for $1"; exit 1
}
gateway_node() { # index
  start_node "gw$1" --medops.roles=gateway --medops.gateway.port="${GATEWAY_PORTS[$1]}" \
    --medops.gateway.management-port="${MANAGEMENT_PORTS[$1]}" --medops.gateway.node-id="gw$1"
}

echo "starting the console (it migrates the database), then 3 gateway and 2 integration nodes…"
export MEDOPS_ADMIN_PASSWORD=$ADMIN_PASSWORD  # read on the first start only
# The bench signs in as admin with a password only: two-factor enforcement is off for this scratch installation.
start_node console --medops.roles=console --server.port=$CONSOLE_PORT --medops.identity.two-factor.enforce=false
wait_for "http://127.0.0.1:$CONSOLE_PORT/actuator/health"
for i in 0 1 2; do gateway_node $i; done
for i in 0 1; do
  start_node "int$i" --medops.roles=integration --medops.integration.interop.port="${INTEROP_PORTS[$i]}"
done
for p in "${MANAGEMENT_PORTS[@]}"; do wait_for "http://127.0.0.1:$p/health/liveness"; done
for p in "${INTEROP_PORTS[@]}"; do
  for _ in $(seq 1 $(( STARTUP_SECONDS * 2 ))); do (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null && break; sleep 0.5; done
done

api() { curl -sf -X "$1" "http://127.0.0.1:$CONSOLE_PORT$2" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' ${3:+-d "$3"}; }
field() { python3 -c "import sys,json;print(json.load(sys.stdin)[\"$1\"])"; }
TOKEN=""
for _ in $(seq 1 60); do
  TOKEN=$(curl -sf -X POST "http://127.0.0.1:$CONSOLE_PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" | field token 2>/dev/null) && [ -n "$TOKEN" ] && break
  sleep 1
done
api POST /api/v1/services "{\"code\":\"his\",\"name\":\"HIS\",\"upstreamUrl\":\"http://127.0.0.1:$UPSTREAM_PORT\",\"rateLimitPerSecond\":100000}" >/dev/null
BENCH=$(api POST /api/v1/channels '{"code":"bench","name":"Bench","quotaPerSecond":100000}')
LIMITED=$(api POST /api/v1/channels "{\"code\":\"limited\",\"name\":\"Limited\",\"quotaPerSecond\":$LIMIT_PER_SECOND}")
api POST /api/v1/channels/bench/grants '{"serviceCode":"his"}' >/dev/null
api POST /api/v1/channels/limited/grants '{"serviceCode":"his"}' >/dev/null
for p in "${MANAGEMENT_PORTS[@]}"; do wait_for "http://127.0.0.1:$p/health/readiness"; done
sleep 1

versions() { # the config version each gateway node reports, space-separated ("-" for a node that is down)
  for p in "${MANAGEMENT_PORTS[@]}"; do
    curl -sf -H "Authorization: Bearer $TOKEN_SCRAPE" "http://127.0.0.1:$p/metrics" 2>/dev/null \
      | awk '/^medops_gateway_config_version/ {print int($2); found=1} END {if (!found) print "-"}'
  done | paste -sd' '
}
signed_file() { # channel-json file
  python3 bench/signed-requests.py "$(echo "$1" | field appSecret)" /his/patient "$3" > "$2"
}
signed_file "$BENCH" "$WORK/bench.txt" $(( DURATION * 20000 + 50000 ))
signed_file "$LIMITED" "$WORK/limited.txt" $(( LIMIT_SECONDS * 20000 + 50000 ))
psql_db() { psql "$PGURL/$DB" -tAc "$1"; }

echo "load: ${DURATION}s at $CONNECTIONS connections through nginx; config change at 1/4, kill -9 of gw1 at 1/3, restart at 2/3"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/signed.lua "http://127.0.0.1:$LB_PORT" -- \
  "$WORK/bench.txt" /his/patient "$(echo "$BENCH" | field appKey)" 2 > "$WORK/wrk-load.txt" &
WRK_PID=$!
sleep $(( DURATION / 4 ))
before=$(versions)
changed_at=$(date +%s.%N)
api POST /api/v1/services "{\"code\":\"lis\",\"name\":\"LIS\",\"upstreamUrl\":\"http://127.0.0.1:$UPSTREAM_PORT\"}" >/dev/null
converged=""
for _ in $(seq 1 100); do
  now=$(versions)
  if [ "$now" != "$before" ] && [ "$(echo "$now" | tr ' ' '\n' | sort -u | wc -l)" = 1 ]; then
    converged=$(python3 -c "import time;print(f'{time.time() - $changed_at:.3f}')"); break
  fi
  sleep 0.02
done
echo "config versions before ${before}, after ${now}: equal on all nodes after ${converged:-(not within 2 s)} s"
sleep $(( DURATION / 3 - DURATION / 4 ))
kill -9 "${PIDS[gw1]}"; unset 'PIDS[gw1]'
echo "killed gw1 (kill -9) at $(date +%T)"
sleep $(( DURATION / 3 ))
gateway_node 1
echo "restarting gw1 at $(date +%T)"
wait "$WRK_PID" || true
wait_for "http://127.0.0.1:${MANAGEMENT_PORTS[1]}/health/readiness"
sleep 3   # the writers flush; the restarted node replays what its journal kept of the killed process

echo "rate limit: ${LIMIT_SECONDS}s on channel 'limited' ($LIMIT_PER_SECOND/s cluster-wide) through nginx"
wrk -t2 -c"$CONNECTIONS" -d"${LIMIT_SECONDS}s" -s bench/signed.lua "http://127.0.0.1:$LB_PORT" -- \
  "$WORK/limited.txt" /his/patient "$(echo "$LIMITED" | field appKey)" 2 > "$WORK/wrk-limit.txt"
sleep 3

python3 - "$WORK/wrk-load.txt" "$(psql_db "select count(*) from access_log where channel_code = 'bench'")" \
  "$(psql_db "select count(*) from (select 1 from access_log where channel_code = 'bench' group by request_id, occurred_at having count(*) > 1) d")" \
  "$(psql_db "select count(*) from access_log where channel_code = 'bench' and status >= 500")" \
  "$(psql_db "select string_agg(n::text, ' ' order by s) from (select date_trunc('second', occurred_at) s, count(*) filter (where status = 200) n from access_log where channel_code = 'limited' group by 1) t")" \
  "$LIMIT_PER_SECOND" "${converged:-}" <<'PY'
import re, sys
wrk, rows, duplicates, errors5xx, per_second, limit, converged = sys.argv[1:8]
out = open(wrk).read()
requests = int(re.search(r"(\d+) requests in", out).group(1))
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
failed = (int(non2xx.group(1)) if non2xx else 0) + (sum(map(int, socket.groups())) if socket else 0)
p99 = re.search(r"^\s*99%\s+(\S+)", out, re.M).group(1)
print()
print(f"{'check':<58} {'result':>24}")
print(f"{'calls wrk counted / failed (non-2xx + socket errors)':<58} {requests:>14} / {failed:<7}")
print(f"{'p99 through nginx':<58} {p99:>24}")
print(f"{'access-log rows / rows logged twice':<58} {rows:>14} / {duplicates:<7}")
print(f"{'access-log rows with status >= 500':<58} {errors5xx:>24}")
seconds = [int(n) for n in per_second.split()] if per_second else []
inner = seconds[1:-1]  # the first and last second are partial
worst = max((abs(n - int(limit)) / int(limit) for n in inner), default=float("nan"))
print(f"{'rate limit: accepted per full second (limit ' + limit + ')':<58} {' '.join(map(str, inner)) or '-':>24}")
print(f"{'rate limit: worst deviation':<58} {worst:>23.1%}")
print(f"{'config version equal on all nodes after':<58} {(converged + ' s') if converged else 'not within 2 s':>24}")
PY
echo
echo "machine: $(nproc) cores, load average before the run ${LOAD_BEFORE}, $(java -version 2>&1 | head -1)"
