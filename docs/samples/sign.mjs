// Sign and send a MedOps gateway request (Node.js 18+, no dependencies).
// Usage: MEDOPS_APP_KEY=... MEDOPS_APP_SECRET=... node sign.mjs METHOD PATH_AND_QUERY [BODY]
//        node sign.mjs --example   (prints the worked example of docs/gateway-signature.md)
import { createHash, createHmac, randomUUID } from "node:crypto";

const rfc3986 = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
const decode = (s) => decodeURIComponent(s.replace(/%(?![0-9a-fA-F]{2})/g, "%25"));

export function canonicalQuery(raw) {
  return raw.split("&").filter(Boolean).map((part) => {
    const i = part.indexOf("=");
    const name = i < 0 ? part : part.slice(0, i);
    const value = i < 0 ? "" : part.slice(i + 1);
    return [rfc3986(decode(name)), rfc3986(decode(value))];
  }).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    .map(([n, v]) => `${n}=${v}`).join("&");
}

export function stringToSign(method, path, rawQuery, timestamp, nonce, body) {
  const bodyHash = createHash("sha256").update(body).digest("hex");
  return [method.toUpperCase(), path, canonicalQuery(rawQuery), timestamp, nonce, bodyHash].join("\n");
}

export const sign = (secret, text) => createHmac("sha256", secret).update(text, "utf8").digest("base64");

if (process.argv[2] === "--example") {
  const text = stringToSign("POST", "/his/patients/search", "page=1&name=%E5%BC%A0%E4%B8%89&dept=cardiology&dept=ICU",
    "1795400000000", "9f1c2d3e4b5a69788796a5b4c3d2e1f0", Buffer.from('{"idType":"card","pageSize":20}'));
  console.log(sign("demo-secret-please-change", text));
} else if (process.argv[2]) {
  const [method, target, bodyText = ""] = process.argv.slice(2);
  const [path, query = ""] = target.split("?");
  const body = Buffer.from(bodyText);
  const timestamp = String(Date.now());
  const nonce = randomUUID().replaceAll("-", "");
  const signature = sign(process.env.MEDOPS_APP_SECRET, stringToSign(method, path, query, timestamp, nonce, body));
  const response = await fetch((process.env.MEDOPS_GATEWAY ?? "http://localhost:9080") + target, {
    method, body: body.length ? body : undefined,
    headers: { "X-App-Key": process.env.MEDOPS_APP_KEY, "X-Timestamp": timestamp, "X-Nonce": nonce,
      "X-Signature": signature, "Content-Type": "application/json" },
  });
  console.log(response.status, await response.text());
}
