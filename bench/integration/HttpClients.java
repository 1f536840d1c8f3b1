import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * For bench/http-senders.sh: one thread posting a 900-byte JSON body to the same kept-alive receiver, one request at
 * a time as a destination worker does, with java.net.http's HttpClient and with HttpURLConnection, alternating
 * rounds in one JVM. Prints requests per second and the process's CPU time per request for each round.
 */
public class HttpClients {

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int requests = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        byte[] body = ("{\"patient\":\"" + "x".repeat(880) + "\"}").getBytes(StandardCharsets.UTF_8);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int round = 0; round < rounds; round++) {
            for (String kind : new String[] {"HttpClient", "HttpURLConnection"}) {
                long cpu = os.getProcessCpuTime();
                long started = System.nanoTime();
                for (int i = 0; i < requests; i++) {
                    int status = kind.equals("HttpClient") ? viaClient(client, uri, body, i) : viaConnection(uri, body, i);
                    if (status != 200) {
                        throw new IllegalStateException("HTTP " + status);
                    }
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("%-18s round %d  %7.0f req/s  %6.1f µs CPU/request%n", kind, round,
                        requests / seconds, (os.getProcessCpuTime() - cpu) / 1e3 / requests);
            }
        }
    }

    static int viaClient(HttpClient client, URI uri, byte[] body, int id) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("X-MedOps-Message-Id", String.valueOf(id)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
    }

    static int viaConnection(URI uri, byte[] body, int id) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setRequestProperty("X-MedOps-Message-Id", String.valueOf(id));
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        int status = connection.getResponseCode();
        try (InputStream in = connection.getInputStream()) {
            in.readAllBytes();
        }
        return status;
    }
}
