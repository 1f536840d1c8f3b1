package org.medops.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/** A local HTTP server standing in for the robots and webhooks: records every body and query, answers errcode 0. */
public final class HttpReceiver {

    private final HttpServer server;
    private final List<String[]> received = new CopyOnWriteArrayList<>();
    private final List<Object[]> headers = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> failures =
            new java.util.concurrent.ConcurrentHashMap<>();

    public HttpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String query = exchange.getRequestURI().getRawQuery();
            java.util.concurrent.atomic.AtomicInteger failing = failures.get(exchange.getRequestURI().getPath());
            if (failing != null && failing.getAndDecrement() > 0) {
                refused.add(body);
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            headers.add(new Object[] {exchange.getRequestURI().getPath(), exchange.getRequestHeaders()});
            received.add(new String[] {exchange.getRequestURI().getPath(), query == null ? "" : query, body});
            byte[] answer = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    /** The next {@code times} requests to {@code path} are answered 503 and not counted as received. */
    public void failNext(String path, int times) {
        failures.put(path, new java.util.concurrent.atomic.AtomicInteger(times));
    }

    /** Bodies of the requests answered 503 by {@link #failNext}. */
    public List<String> refused() {
        return List.copyOf(refused);
    }

    /** The value of one request header of each received request to {@code path}, in order. */
    public List<String> header(String path, String name) {
        return headers.stream().filter(h -> h[0].equals(path))
                .map(h -> ((com.sun.net.httpserver.Headers) h[1]).getFirst(name)).toList();
    }

    public String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    }

    public List<String> bodies(String path) {
        return received.stream().filter(r -> r[0].equals(path)).map(r -> r[2]).toList();
    }

    public List<String> queries(String path) {
        return received.stream().filter(r -> r[0].equals(path)).map(r -> r[1]).toList();
    }

    public void stop() {
        server.stop(0);
    }
}
