#!/usr/bin/env bash
# Sign and send a MedOps gateway request with curl and openssl.
# Usage: MEDOPS_APP_KEY=... MEDOPS_APP_SECRET=... ./sign.sh METHOD PATH [CANONICAL_QUERY] [BODY]
#        ./sign.sh --example   (prints the worked example of docs/gateway-signature.md)
# CANONICAL_QUERY must already be canonical (sorted, RFC 3986 encoded): shell has no portable
# URL codec, so build it by hand or with one of the other samples.
set -euo pipefail

sign() { # secret, method, path, canonical query, timestamp, nonce, body
  local body_hash
  body_hash=$(printf '%s' "$7" | openssl dgst -sha256 -hex | sed 's/^.*= //')
  printf '%s\n%s\n%s\n%s\n%s\n%s' "$2" "$3" "$4" "$5" "$6" "$body_hash" \
    | openssl dgst -sha256 -hmac "$1" -binary | openssl base64 -A
}

if [ "${1:-}" = "--example" ]; then
  sign demo-secret-please-change POST /his/patients/search \
    'dept=ICU&dept=cardiology&name=%E5%BC%A0%E4%B8%89&page=1' 1795400000000 \
    9f1c2d3e4b5a69788796a5b4c3d2e1f0 '{"idType":"card","pageSize":20}'
  echo
  exit 0
fi

method=$1 path=$2 query=${3:-} body=${4:-}
timestamp=$(($(date +%s%N) / 1000000))
nonce=$(openssl rand -hex 16)
signature=$(sign "$MEDOPS_APP_SECRET" "$method" "$path" "$query" "$timestamp" "$nonce" "$body")
curl -sS -X "$method" "${MEDOPS_GATEWAY:-http://localhost:9080}$path${query:+?$query}" \
  -H "X-App-Key: $MEDOPS_APP_KEY" -H "X-Timestamp: $timestamp" -H "X-Nonce: $nonce" \
  -H "X-Signature: $signature" -H 'Content-Type: application/json' ${body:+--data-binary "$body"}
echo
