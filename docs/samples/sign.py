#!/usr/bin/env python3
"""Sign and send a MedOps gateway request (Python 3 standard library only).

Usage: MEDOPS_APP_KEY=... MEDOPS_APP_SECRET=... python3 sign.py METHOD PATH_AND_QUERY [BODY]
       python3 sign.py --example      (prints the worked example of docs/gateway-signature.md)
"""
import base64, hashlib, hmac, os, sys, time, urllib.parse, urllib.request, uuid


def canonical_query(raw):
    pairs = []
    for part in filter(None, raw.split("&")):
        name, _, value = part.partition("=")
        # Percent-decode only ('+' stays a plus), then RFC 3986 encode.
        enc = lambda s: urllib.parse.quote(urllib.parse.unquote(s), safe="-_.~")
        pairs.append((enc(name), enc(value)))
    return "&".join(f"{n}={v}" for n, v in sorted(pairs))


def string_to_sign(method, path, raw_query, timestamp, nonce, body):
    return "\n".join([method.upper(), path, canonical_query(raw_query), timestamp, nonce,
                      hashlib.sha256(body).hexdigest()])


def sign(secret, text):
    return base64.b64encode(hmac.new(secret.encode(), text.encode(), hashlib.sha256).digest()).decode()


if __name__ == "__main__":
    if sys.argv[1:] == ["--example"]:
        text = string_to_sign("POST", "/his/patients/search",
                              "page=1&name=%E5%BC%A0%E4%B8%89&dept=cardiology&dept=ICU",
                              "1795400000000", "9f1c2d3e4b5a69788796a5b4c3d2e1f0",
                              b'{"idType":"card","pageSize":20}')
        print(sign("demo-secret-please-change", text))
        sys.exit(0)
    method, target = sys.argv[1], sys.argv[2]
    body = sys.argv[3].encode() if len(sys.argv) > 3 else b""
    path, _, query = target.partition("?")
    timestamp, nonce = str(int(time.time() * 1000)), uuid.uuid4().hex
    signature = sign(os.environ["MEDOPS_APP_SECRET"], string_to_sign(method, path, query, timestamp, nonce, body))
    request = urllib.request.Request(os.environ.get("MEDOPS_GATEWAY", "http://localhost:9080") + target,
                                     data=body or None, method=method, headers={
            "X-App-Key": os.environ["MEDOPS_APP_KEY"], "X-Timestamp": timestamp, "X-Nonce": nonce,
            "X-Signature": signature, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request) as response:
            print(response.status, response.read().decode())
    except urllib.error.HTTPError as error:
        print(error.code, error.read().decode())
