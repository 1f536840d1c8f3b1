package org.medops.integration;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import com.sun.net.httpserver.HttpServer;

/**
 * A receiving partner that answers as a script says — per request number on the server: how long to think
 * and which status — on several threads at once (so that parallel lanes can overlap), and records when each
 * request arrived and how many were in flight.
 */
final class Partner implements AutoCloseable {

    record Answer(long delayMillis, int status) {
    }

    record Request(String path, String messageId, String body, int answered, long arrivedNanos, long answeredNanos) {

        String controlId() {
            return body.split("\\|")[9];
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private volatile IntFunction<Answer> script;

    Partner(IntFunction<Answer> script) {
        this.script = script;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            long arrived = System.nanoTime();
            int now = inFlight.incrementAndGet();
            mostInFlight.accumulateAndGet(now, Math::max);
            try {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Answer answer = this.script.apply(count.incrementAndGet());
                if (answer.delayMillis() > 0) {
                    Thread.sleep(answer.delayMillis());
                }
                requests.add(new Request(exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("X-MedOps-Message-Id"), body, answer.status(), arrived,
                        System.nanoTime()));
                byte[] reply = ("{\"status\":" + answer.status() + "}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer.status(), reply.length);
                exchange.getResponseBody().write(reply);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
                exchange.close();
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Requests that were answered 2xx, in the order they were answered. */
    List<Request> accepted(String path) {
        return requests.stream().filter(r -> r.path().equals(path) && r.answered() < 300).toList();
    }

    List<Request> all(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Requests being handled at this moment (arrived, not yet answered). */
    int inFlight() {
        return inFlight.get();
    }

    int mostInFlight() {
        return mostInFlight.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
