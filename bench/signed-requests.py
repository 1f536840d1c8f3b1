#!/usr/bin/env python3
"""Pre-signs N gateway requests (one "timestamp nonce signature" line each) for wrk, whose Lua has no HMAC."""
import base64, hashlib, hmac, sys, time, uuid

secret, path, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
empty_body = hashlib.sha256(b"").hexdigest()
key = secret.encode()
timestamp = str(int(time.time() * 1000))
out = sys.stdout
for i in range(count):
    nonce = uuid.uuid4().hex
    text = f"GET\n{path}\n\n{timestamp}\n{nonce}\n{empty_body}".encode()
    signature = base64.b64encode(hmac.new(key, text, hashlib.sha256).digest()).decode()
    out.write(f"{timestamp} {nonce} {signature}\n")
