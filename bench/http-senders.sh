#!/usr/bin/env bash
# Side by side in one JVM: the CPU per request of java.net.http's HttpClient and of HttpURLConnection posting one
# message at a time to nginx over a kept-alive connection — why the HTTP destination sends with the latter
# (docs/performance.md). Env: REQUESTS per round (20000), ROUNDS (3; the first warms up). Needs: nginx.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$PWD/bench/.work-http && PORT=18181
rm -rf "$WORK" && mkdir -p "$WORK"
cat > "$WORK/nginx.conf" <<NGINX
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/error.log warn;
events { worker_connections 256; }
http {
  access_log off; client_body_temp_path $WORK; keepalive_requests 1000000;
  server { listen 127.0.0.1:$PORT; location / { default_type application/json; return 200 '{"ok":true}'; } }
}
NGINX
nginx -c "$WORK/nginx.conf"
trap 'kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true' EXIT
java bench/integration/HttpClients.java "http://127.0.0.1:$PORT/adt" "${REQUESTS:-20000}" "${ROUNDS:-3}"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
