#!/usr/bin/env bash
# Side-by-side integration-engine benchmark on this machine: MLLP senders (bench/integration/MllpLoad.java, each
# connection sends a 1.5 KB ADT^A01 and waits for its ACK) against
#   1. HAPI's own MLLP server answering generated ACKs and storing nothing (the baseline), and
#   2. a MedOps channel: MLLP → mapping-step transformer → HTTP destination (nginx), every stage stored durably in
#      PostgreSQL before the ACK (group commit) and delivered from the durable queue.
# Prints one table (throughput at full speed; ACK latency at a fixed 1,000 msg/s), the delivery catch-up, the
# database size per million messages, the CPU time per message (the JVM + PostgreSQL for MedOps, including the delivery), and exits 0. Needs: nginx, python3, psql, curl.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/bench/.work-integration
DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-"8 32"}
RATE=${RATE:-1000}
RATE_CONNECTIONS=${RATE_CONNECTIONS:-16}
STARTUP_SECONDS=${STARTUP_SECONDS:-90}
UPSTREAM_PORT=18180 CONSOLE_PORT=18188 GATEWAY_PORT=19180 MLLP_PORT=16661 HAPI_PORT=16662
ADMIN_PASSWORD='Bench#Admin-2026'

for tool in nginx python3 psql curl java; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install nginx postgresql-client)"; exit 1; }
done
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

cleanup() {
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  [ -n "${HAPI_PID:-}" ] && kill "$HAPI_PID" 2>/dev/null || true
  [ -n "${MEDOPS_PID:-}" ] && kill "$MEDOPS_PID" 2>/dev/null && wait "$MEDOPS_PID" 2>/dev/null || true
}
trap cleanup EXIT
rm -rf "$WORK" && mkdir -p "$WORK/nginx"

# The destination: nginx answering every POST with a small JSON body over kept-alive connections.
cat > "$WORK/nginx.conf" <<NGINX
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx; proxy_temp_path $WORK/nginx; fastcgi_temp_path $WORK/nginx;
  uwsgi_temp_path $WORK/nginx; scgi_temp_path $WORK/nginx;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$UPSTREAM_PORT;
    location / { default_type application/json; return 200 '{"ok":true}'; }
  }
}
NGINX
nginx -c "$WORK/nginx.conf"

cat > "$WORK/quiet.xml" <<'XML'
<configuration><appender name="out" class="ch.qos.logback.core.ConsoleAppender"><encoder><pattern>%d %level %logger %msg%n</pattern></encoder></appender><root level="WARN"><appender-ref ref="out"/></root></configuration>
XML

[ -f target/medops.jar ] || ./mvnw -B -q package -DskipTests
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null
LOAD="java -Xss512k bench/integration/MllpLoad.java"

java -Dlogback.configurationFile="$WORK/quiet.xml" -cp "$(cat "$WORK/classpath.txt")" \
  bench/integration/HapiAckServer.java "$HAPI_PORT" > "$WORK/hapi.log" 2>&1 &
HAPI_PID=$!

MEDOPS_ADMIN_PASSWORD=$ADMIN_PASSWORD java ${JAVA_OPTS:-} -jar target/medops.jar --server.port=$CONSOLE_PORT \
  --medops.gateway.port=$GATEWAY_PORT --medops.integration.interop.port=0 --medops.db.data-dir="$WORK/data" \
  --logging.level.root=warn \
  > "$WORK/medops.log" 2>&1 &
MEDOPS_PID=$!
for _ in $(seq 1 $(( STARTUP_SECONDS * 2 ))); do
  curl -sf "http://127.0.0.1:$CONSOLE_PORT/actuator/health" >/dev/null && break
  sleep 0.5
done

TOKEN=$(curl -sf -X POST "http://127.0.0.1:$CONSOLE_PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" | python3 -c 'import sys,json;print(json.load(sys.stdin)["token"])')
curl -sf -X PUT "http://127.0.0.1:$CONSOLE_PORT/api/v1/integration/channels/bench-adt" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d @- >/dev/null <<JSON
{"code": "bench-adt", "name": "Bench ADT → EMR",
 "source": {"type": "MLLP", "port": $MLLP_PORT},
 "transformer": {"steps": [
   {"to": "event", "from": "MSH-9.2"}, {"to": "patient.id", "from": "PID-3.1"},
   {"to": "patient.name", "from": "PID-5.1"}, {"to": "patient.sex", "from": "PID-8", "table": {"M": "男", "F": "女"}, "fallback": "未知"},
   {"to": "patient.birthDate", "from": "PID-7"}, {"to": "visit.ward", "from": "PV1-3.1"},
   {"to": "visit.number", "from": "PV1-19"}, {"to": "diagnosis", "from": "DG1-3.2"}, {"to": "source", "constant": "HIS"}]},
 "destinations": [{"name": "emr", "type": "HTTP", "url": "http://127.0.0.1:$UPSTREAM_PORT/adt"}]}
JSON
for _ in $(seq 1 40); do
  (exec 3<>/dev/tcp/127.0.0.1/$MLLP_PORT) 2>/dev/null && break
  sleep 0.25
done

PGPORT=$(sed -n 4p "$WORK/data/pg/postmaster.pid")
export PGPASSWORD=$(cat "$WORK/data/pg-password")
sql() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -tAc "$1"; }
# Waits until the destination queue is empty; prints the seconds it took.
drain() {
  local started=$SECONDS
  while [ "$(sql 'select count(*) from integration_queue')" != 0 ]; do sleep 0.5; done
  echo $(( SECONDS - started ))
}

# Warm up both JVMs (JIT, pools) before measuring.
$LOAD 127.0.0.1 $HAPI_PORT 8 0 8 W > /dev/null
$LOAD 127.0.0.1 $MLLP_PORT 8 0 8 W > /dev/null
drain > /dev/null

# CPU time in ms (user + system) of a process, with its exited children; of the embedded PostgreSQL, the
# postmaster and every live backend. CPU per message holds on a busy machine where latencies do not.
ticks_ms() { awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15 + $16 + $17) * 1000 / hz)}' "/proc/$1/stat"; }
cpu_ms() { # pid [postmaster]
  local total; total=$(ticks_ms "$1")
  if [ -n "${2:-}" ]; then
    for child in $(pgrep -P "$2"); do total=$(( total + $(ticks_ms "$child" 2>/dev/null || echo 0) )); done
  fi
  echo "$total"
}
PG_PID=$(sed -n 1p "$WORK/data/pg/postmaster.pid")
row() { # label connections "sent aa not_aa errors rate p50 p99 max" jvm_cpu_ms [postgres_cpu_ms]
  read -r sent aa nak err rate p50 p99 max <<<"$3"
  local per=$(( sent > 0 ? sent : 1 )) cpu
  cpu=$(( $4 * 1000 / per ))
  [ -n "${5:-}" ] && cpu="$cpu + $(( $5 * 1000 / per ))"
  printf '%-34s %6s %9s %9s %9s %9s %9s %6s %13s\n' "$1" "$2" "$rate" "$p50" "$p99" "$max" "$sent" "$(( nak + err ))" "$cpu"
}
# Runs the load against HAPI or MedOps and prints its row; MedOps's CPU counts its JVM and PostgreSQL, including
# the delivery of what the run queued (the drain).
measure() { # label connections port rate prefix
  local before after result
  if [ "$3" = "$HAPI_PORT" ]; then
    before=$(cpu_ms "$HAPI_PID"); result=$($LOAD 127.0.0.1 "$3" "$2" "$4" "$DURATION" "$5"); after=$(cpu_ms "$HAPI_PID")
    row "$1" "$2" "$result" $(( after - before ))
  else
    local jvm pg wal
    jvm=$(cpu_ms "$MEDOPS_PID"); pg=$(cpu_ms "$PG_PID" "$PG_PID"); wal=$(sql 'select pg_current_wal_lsn()')
    result=$($LOAD 127.0.0.1 "$3" "$2" "$4" "$DURATION" "$5"); local drained; drained=$(drain)
    row "$1" "$2" "$result" $(( $(cpu_ms "$MEDOPS_PID") - jvm )) $(( $(cpu_ms "$PG_PID" "$PG_PID") - pg ))
    echo "        delivery queue drained $drained s after the senders stopped;" \
      "WAL $(sql "select round(pg_wal_lsn_diff(pg_current_wal_lsn(), '$wal') / ${result%% *})") bytes per message"
  fi
}
printf '\n%-34s %6s %9s %9s %9s %9s %9s %6s %13s\n' run conns "msg/s" "p50 ms" "p99 ms" "max ms" messages "not AA" \
  "CPU µs/msg"
for c in $CONNECTIONS; do
  measure "HAPI server, ACK only (no store)" "$c" "$HAPI_PORT" 0 "H$c"
  measure "MedOps durable, full speed" "$c" "$MLLP_PORT" 0 "M$c"
done
measure "HAPI server at $RATE msg/s" "$RATE_CONNECTIONS" "$HAPI_PORT" "$RATE" HR
measure "MedOps durable at $RATE msg/s" "$RATE_CONNECTIONS" "$MLLP_PORT" "$RATE" MR

python3 - "$(sql "select count(*), count(*) filter (where status = 'SENT') from integration_messages")" \
  "$(sql "select count(*) from integration_deliveries where status = 'SENT'")" \
  "$(sql "select coalesce(sum(pg_total_relation_size(inhrelid)), 0) from pg_inherits
          where inhparent in ('integration_messages'::regclass, 'integration_deliveries'::regclass)")" <<'PY'
import sys
stored, sent = map(int, sys.argv[1].split('|'))
delivered = int(sys.argv[2])
size = int(sys.argv[3])
print(f"\nstored {stored} messages, {sent} SENT, {delivered} deliveries SENT; "
      f"messages + deliveries (tables, indexes, TOAST): {size / 2**20:.0f} MiB = "
      f"{size / stored * 1e6 / 2**30:.2f} GiB per million messages")
PY
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
