#!/usr/bin/env bash
# Reconciliation speed: one merchant's day of 1,000,000 WeChat Pay bill lines against 1,000,000 HIS charge records,
# uploaded through the real API (multipart), parsed as a stream, COPYed into PostgreSQL staging tables and matched
# with set operations; side by side with the naive in-memory nested loop (the baseline the issue names) on 5,000- and
# 20,000-line days, and MedOps on the same small days. Prints one table and exits 0.
# Needs: python3, curl, java. LINES=… overrides the big day's size.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/bench/.work-reconciliation
LINES=${LINES:-1000000}
CONSOLE_PORT=18190 GATEWAY_PORT=19190
ADMIN_PASSWORD='Bench#Admin-2026'
DEMO_PASSWORD='MedOps#Demo2026'

for tool in python3 curl java; do
  command -v "$tool" >/dev/null || { echo "missing $tool"; exit 1; }
done
cleanup() { [ -n "${MEDOPS_PID:-}" ] && kill "$MEDOPS_PID" 2>/dev/null && wait "$MEDOPS_PID" 2>/dev/null || true; }
trap cleanup EXIT
rm -rf "$WORK/data" && mkdir -p "$WORK"/{big,d5k,d20k}

# The generated days are kept between runs of the same size (generating a million lines takes minutes here).
if [ "$(cat "$WORK/big/lines" 2>/dev/null)" != "$LINES" ]; then
  echo "Generating the days ($LINES, 20000 and 5000 lines a side)…"
  python3 bench/reconciliation/generate.py "$LINES" "$WORK/big" && echo "$LINES" > "$WORK/big/lines"
  python3 bench/reconciliation/generate.py 20000 "$WORK/d20k"
  python3 bench/reconciliation/generate.py 5000 "$WORK/d5k"
fi

[ -f target/medops.jar ] || ./mvnw -B -q package -DskipTests
# --demo: the finance account; big bills need a larger multipart limit than the console's default.
MEDOPS_ADMIN_PASSWORD=$ADMIN_PASSWORD java -Xmx768m -jar target/medops.jar --server.port=$CONSOLE_PORT \
  --medops.demo=true --medops.gateway.port=$GATEWAY_PORT --medops.db.data-dir="$WORK/data" --logging.level.root=warn \
  --spring.servlet.multipart.max-file-size=2GB --spring.servlet.multipart.max-request-size=4GB \
  > "$WORK/medops.log" 2>&1 &
MEDOPS_PID=$!
for _ in $(seq 1 900); do
  curl -sf "http://127.0.0.1:$CONSOLE_PORT/actuator/health" >/dev/null && break
  sleep 0.5
done
token() {
  curl -sf -X POST "http://127.0.0.1:$CONSOLE_PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$2\"}" | python3 -c 'import sys,json;print(json.load(sys.stdin)["token"])'
}
ADMIN=$(token admin "$ADMIN_PASSWORD")
FINANCE=$(token finance "$DEMO_PASSWORD")
for m in bench-big bench-20k bench-5k; do
  curl -sf -o /dev/null -X POST "http://127.0.0.1:$CONSOLE_PORT/api/v1/payment/merchants" \
    -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d "{\"code\":\"$m\",\"name\":\"$m\",\"channel\":\"WECHAT\",\"mchId\":\"19$RANDOM$RANDOM\"}"
done

# POST answers once the run is committed: the time is upload + parse + COPY + matching + commit.
medops() {
  local merchant=$1 dir=$2 out
  out=$(curl -sf -o "$WORK/$merchant.id" -w '%{time_total}' -X POST "http://127.0.0.1:$CONSOLE_PORT/api/v1/reconciliation/runs" \
    -H "Authorization: Bearer $FINANCE" -F merchant="$merchant" -F date=2026-11-02 \
    -F channelBill=@"$dir/wechat.csv" -F hisFile=@"$dir/his.csv")
  local id
  id=$(python3 -c 'import sys,json;print(json.load(open(sys.argv[1]))["id"])' "$WORK/$merchant.id")
  curl -sf -H "Authorization: Bearer $FINANCE" "http://127.0.0.1:$CONSOLE_PORT/api/v1/reconciliation/runs/$id" \
    | python3 -c 'import sys,json;r=json.load(sys.stdin);print(r["matched"], r["mismatchCount"], end=" ")'
  echo "$out"
}
lines() { echo $(( $(wc -l < "$1/his.csv") - 1 )); }
printf '%-34s %12s %10s %12s %10s\n' "method" "HIS lines" "matched" "mismatches" "seconds"
for day in d5k d20k; do
  read -r matched mismatches seconds < <(java bench/reconciliation/NaiveNestedLoop.java "$WORK/$day/wechat.csv" "$WORK/$day/his.csv")
  printf '%-34s %12s %10s %12s %10s\n' "naive nested loop (in memory)" "$(lines "$WORK/$day")" "$matched" "$mismatches" "$seconds"
done
read -r matched mismatches seconds < <(medops bench-5k "$WORK/d5k")
printf '%-34s %12s %10s %12s %10s\n' "MedOps (API, PostgreSQL sets)" "$(lines "$WORK/d5k")" "$matched" "$mismatches" "$seconds"
read -r matched mismatches seconds < <(medops bench-20k "$WORK/d20k")
printf '%-34s %12s %10s %12s %10s\n' "MedOps (API, PostgreSQL sets)" "$(lines "$WORK/d20k")" "$matched" "$mismatches" "$seconds"
read -r matched mismatches seconds < <(medops bench-big "$WORK/big")
printf '%-34s %12s %10s %12s %10s\n' "MedOps (API, PostgreSQL sets)" "$(lines "$WORK/big")" "$matched" "$mismatches" "$seconds"
echo "bill sizes: $(du -h "$WORK/big/wechat.csv" | cut -f1) channel, $(du -h "$WORK/big/his.csv" | cut -f1) HIS; heap -Xmx768m"
