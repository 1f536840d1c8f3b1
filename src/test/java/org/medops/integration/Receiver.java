package org.medops.integration;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A partner system receiving deliveries: records each request (message id header and body) and answers with
 * the status it is told to; it can go down and come back on the same port.
 */
public final class Receiver {

    public record Request(String path, String messageId, String contentType, String body, int answered) {
    }

    private final int port;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private HttpServer server;

    public Receiver() {
        start(0);
        this.port = server.getAddress().getPort();
    }

    private void start(int on) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", on), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int answer = status;
            requests.add(new Request(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("X-MedOps-Message-Id"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body, answer));
            byte[] reply = ("{\"status\":" + answer + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public void answer(int status) {
        this.status = status;
    }

    public void down() {
        server.stop(0);
    }

    public void up() {
        start(port);
    }

    /** What the receiver accepted (answered 2xx) on a path, in arrival order. */
    public List<Request> accepted(String path) {
        return requests.stream().filter(r -> r.path().equals(path) && r.answered() < 300).toList();
    }

    public List<Request> all(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }
}
