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

    public HttpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String query = exchange.getRequestURI().getRawQuery();
            received.add(new String[] {exchange.getRequestURI().getPath(), query == null ? "" : query, body});
            byte[] answer = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
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
