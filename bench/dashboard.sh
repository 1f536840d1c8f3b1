#!/usr/bin/env bash
# Dashboard and log-query speed at scale: loads 10 million access-log rows spread over 30 days (with
# the rollups the gateway would have kept), then times the real HTTP API end to end.
# Prints one table and exits 0. Needs: python3, psql, curl. ROWS=… overrides the row count.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/bench/.work-dashboard
ROWS=${ROWS:-10000000}
CONSOLE_PORT=18188 GATEWAY_PORT=19180
ADMIN_PASSWORD='Bench#Admin-2026'
REPEAT=${REPEAT:-20}

for tool in python3 psql curl; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install postgresql-client)"; exit 1; }
done
cleanup() { [ -n "${MEDOPS_PID:-}" ] && kill "$MEDOPS_PID" 2>/dev/null && wait "$MEDOPS_PID" 2>/dev/null || true; }
trap cleanup EXIT
rm -rf "$WORK" && mkdir -p "$WORK"

[ -f target/medops.jar ] || ./mvnw -B -q package -DskipTests
MEDOPS_ADMIN_PASSWORD=$ADMIN_PASSWORD java -jar target/medops.jar --server.port=$CONSOLE_PORT \
  --medops.gateway.port=$GATEWAY_PORT --medops.db.data-dir="$WORK/data" --logging.level.root=warn \
  > "$WORK/medops.log" 2>&1 &
MEDOPS_PID=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$CONSOLE_PORT/actuator/health" >/dev/null && break
  sleep 0.5
done
PGPORT=$(sed -n 4p "$WORK/data/pg/postmaster.pid")
# The embedded cluster takes its generated password (docs/reliability.md).
export PGPASSWORD=$(cat "$WORK/data/pg-password")
sql() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }

echo "Loading $ROWS access-log rows over 30 days…"
started=$(date +%s)
sql -o /dev/null <<SQL
select access_log_ensure_day((current_date - d)::date) from generate_series(0, 31) d;
set synchronous_commit = off;
insert into access_log (occurred_at, request_id, node_id, channel_code, service_code, method, path, status,
    error_code, upstream_status, total_micros, upstream_micros, bytes_in, bytes_out, client_ip)
select t, 'bench-' || i, 'bench-node', 'ch' || (i % 6), 'svc' || (i % 10), 'GET', '/svc' || (i % 10) || '/patients/' || i,
    s, case when s = 401 then 'MEDOPS-AUTH-SIGNATURE' when s = 502 then 'MEDOPS-UPSTREAM-UNAVAILABLE' end,
    case when s in (401, 502) then null else s end, l, l - 300, 0, 1024, '10.1.' || (i % 200) || '.' || (i % 250)
from (select i, now() - random() * interval '30 days' as t,
             case when random() < 0.95 then 200 when random() < 0.6 then 401 else 502 end as s,
             (1000 + exp(random() * 8) * 100)::bigint as l
      from generate_series(1, $ROWS) i) g;
SQL
echo "  raw rows loaded in $(( $(date +%s) - started )) s; building rollups…"
for table in minute hour; do
sql <<SQL
insert into traffic_$table
select date_trunc('$table', occurred_at), coalesce(service_code, ''), coalesce(channel_code, ''), status / 100,
       count(*), count(*) filter (where status >= 400 or error_code is not null), sum(total_micros), max(total_micros),
       array[count(*) filter (where total_micros < 1000), count(*) filter (where total_micros >= 1000 and total_micros < 2000),
             count(*) filter (where total_micros >= 2000 and total_micros < 5000), count(*) filter (where total_micros >= 5000 and total_micros < 10000),
             count(*) filter (where total_micros >= 10000 and total_micros < 20000), count(*) filter (where total_micros >= 20000 and total_micros < 50000),
             count(*) filter (where total_micros >= 50000 and total_micros < 100000), count(*) filter (where total_micros >= 100000 and total_micros < 200000),
             count(*) filter (where total_micros >= 200000 and total_micros < 500000), count(*) filter (where total_micros >= 500000 and total_micros < 1000000),
             count(*) filter (where total_micros >= 1000000 and total_micros < 2000000), count(*) filter (where total_micros >= 2000000 and total_micros < 5000000),
             count(*) filter (where total_micros >= 5000000 and total_micros < 10000000), count(*) filter (where total_micros >= 10000000)]
from access_log group by 1, 2, 3, 4;
SQL
done
sql -c "insert into traffic_total select coalesce(service_code, ''), count(*), count(*) filter (where status >= 400 or error_code is not null) from access_log group by 1"
sql -c "vacuum analyze access_log" -c "vacuum analyze traffic_minute" -c "vacuum analyze traffic_hour"
echo "  ready after $(( $(date +%s) - started )) s: $(sql -c 'select count(*) from access_log') rows, $(sql -c 'select count(*) from traffic_minute') minute rollups"

TOKEN=$(curl -sf -X POST "http://127.0.0.1:$CONSOLE_PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" | python3 -c 'import sys,json;print(json.load(sys.stdin)["token"])')
iso() { python3 -c "import datetime,sys; print((datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=float(sys.argv[1]))).strftime('%Y-%m-%dT%H:%M:%SZ'))" "$1"; }
NOW=$(iso 0) DAY_AGO=$(iso 1) MONTH_AGO=$(iso 30) TWO_DAYS_AGO=$(iso 2)
REQUEST_ID=bench-$(( ROWS / 2 ))

# Prints median, p95 and max milliseconds of REPEAT calls (after two warm-up calls).
time_it() {
  local url=$1 times=()
  curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$url"
  curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$url"
  for _ in $(seq 1 "$REPEAT"); do
    times+=("$(curl -sf -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $TOKEN" "$url")")
  done
  printf '%s\n' "${times[@]}" | python3 -c '
import sys
t = sorted(float(x) * 1000 for x in sys.stdin)
print(f"{t[len(t) // 2]:9.1f} {t[min(len(t) - 1, int(len(t) * 0.95))]:9.1f} {t[-1]:9.1f}")'
}

API=http://127.0.0.1:$CONSOLE_PORT/api/v1/traffic
printf '\n%-46s %9s %9s %9s %8s\n' "query (HTTP, end to end)" "p50 ms" "p95 ms" "max ms" "goal ms"
printf '%-46s %s %8s\n' "summary, today" "$(time_it "$API/summary")" 200
printf '%-46s %s %8s\n' "summary, last 30 days" "$(time_it "$API/summary?from=$MONTH_AGO&to=$NOW")" 200
printf '%-46s %s %8s\n' "logs, one service, one day, first page" "$(time_it "$API/logs?service=svc3&from=$TWO_DAYS_AGO&to=$DAY_AGO&limit=100")" 1000
printf '%-46s %s %8s\n' "logs, one service, 5xx, one day" "$(time_it "$API/logs?service=svc3&statusClass=5&from=$TWO_DAYS_AGO&to=$DAY_AGO&limit=100")" 1000
printf '%-46s %s %8s\n' "log by request id" "$(time_it "$API/logs/$REQUEST_ID")" 50
echo
echo "rows: $(sql -c 'select count(*) from access_log'); machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB"
