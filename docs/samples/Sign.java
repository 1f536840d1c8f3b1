// Sign and send a MedOps gateway request (Java 17+, JDK only). Run without compiling:
//   MEDOPS_APP_KEY=... MEDOPS_APP_SECRET=... java Sign.java METHOD PATH_AND_QUERY [BODY]
//   java Sign.java --example   (prints the worked example of docs/gateway-signature.md)
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class Sign {

    static String rfc3986(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    static String decode(String s) { // percent-decoding only: '+' stays a plus
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    static String canonicalQuery(String raw) {
        List<String[]> pairs = new ArrayList<>();
        for (String part : raw.split("&")) {
            if (part.isEmpty()) continue;
            String[] nv = part.split("=", 2);
            pairs.add(new String[] {rfc3986(decode(nv[0])), nv.length > 1 ? rfc3986(decode(nv[1])) : ""});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        List<String> joined = new ArrayList<>();
        for (String[] p : pairs) joined.add(p[0] + "=" + p[1]);
        return String.join("&", joined);
    }

    static String stringToSign(String method, String path, String query, String ts, String nonce, byte[] body)
            throws Exception {
        String bodyHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        return String.join("\n", method.toUpperCase(), path, canonicalQuery(query), ts, nonce, bodyHash);
    }

    static String sign(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--example")) {
            System.out.println(sign("demo-secret-please-change", stringToSign("POST", "/his/patients/search",
                    "page=1&name=%E5%BC%A0%E4%B8%89&dept=cardiology&dept=ICU", "1795400000000",
                    "9f1c2d3e4b5a69788796a5b4c3d2e1f0",
                    "{\"idType\":\"card\",\"pageSize\":20}".getBytes(StandardCharsets.UTF_8))));
            return;
        }
        String method = args[0], target = args[1];
        byte[] body = args.length > 2 ? args[2].getBytes(StandardCharsets.UTF_8) : new byte[0];
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q), query = q < 0 ? "" : target.substring(q + 1);
        String ts = Long.toString(System.currentTimeMillis()), nonce = UUID.randomUUID().toString().replace("-", "");
        String signature = sign(System.getenv("MEDOPS_APP_SECRET"), stringToSign(method, path, query, ts, nonce, body));
        String gateway = System.getenv().getOrDefault("MEDOPS_GATEWAY", "http://localhost:9080");
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + target))
                .header("X-App-Key", System.getenv("MEDOPS_APP_KEY")).header("X-Timestamp", ts)
                .header("X-Nonce", nonce).header("X-Signature", signature).header("Content-Type", "application/json")
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        System.out.println(response.statusCode() + " " + response.body());
    }
}
