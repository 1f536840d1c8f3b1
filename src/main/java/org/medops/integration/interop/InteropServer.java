package org.medops.integration.interop;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.buffer.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The interop port on Vert.x ({@code medops.integration.interop.port}, 0 = any free port): {@code POST} any path
 * but {@code /fhir/…} and {@code /services/…} is a {@code HIPMessageServer} SOAP call, {@code GET ?wsdl} the WSDL,
 * {@code POST /fhir/{type}}, {@code GET /fhir/{type}/{id}} and {@code GET /fhir/{type}?identifier=} the FHIR facade,
 * {@code POST /services/{code}} a call of a registered request/response service. Every call but the WSDL names its
 * system (see {@link SystemCredentials}). Each request is handled on a worker (it reads routes and waits for the commit), never on the
 * event loop. A port that cannot be bound is logged; the node runs on without it.
 */
@Component
@ConditionalOnExpression("'${medops.roles:console,gateway,integration}'.contains('integration')")
class InteropServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InteropServer.class);
    static final int BODY_LIMIT = 16 * 1024 * 1024;

    private final InteropService service;
    private final int port;
    private final String host;
    private Vertx vertx;
    private HttpServer server;

    InteropServer(InteropService service, @Value("${medops.integration.interop.port:9096}") int port,
                  @Value("${medops.integration.interop.host:0.0.0.0}") String host) {
        this.service = service;
        this.port = port;
        this.host = host;
    }

    /** The bound port (the real one when configured 0), or -1 when not listening. */
    int port() {
        return server == null ? -1 : server.actualPort();
    }

    @Override
    public synchronized void start() {
        vertx = Vertx.vertx();
        try {
            server = vertx.createHttpServer(new HttpServerOptions().setReuseAddress(true).setTcpNoDelay(true)
                    .setHandle100ContinueAutomatically(true)).requestHandler(this::request);
            server.listen(port, host).await(10, TimeUnit.SECONDS);
            log.info("Interop (互联互通) HL7 v3 web service and FHIR facade listening on port {}", server.actualPort());
        } catch (Exception e) {
            server = null;
            log.warn("Interop port {} cannot be bound; the national interfaces do not listen: {}", port, e.getMessage());
        }
    }

    private void request(HttpServerRequest request) {
        String path = request.path();
        if (request.method() == HttpMethod.GET && request.query() != null
                && request.query().toLowerCase(java.util.Locale.ROOT).startsWith("wsdl")) {
            String address = "http://" + (request.authority() == null ? "127.0.0.1:" + port() : request.authority()) + path;
            request.response().setStatusCode(200).putHeader("Content-Type", "text/xml; charset=utf-8")
                    .end(Soap.wsdl(address));
            return;
        }
        boolean fhir = path.startsWith("/fhir/");
        boolean services = path.startsWith("/services/");
        String authorization = request.getHeader("Authorization");
        String remote = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        if (request.method() == HttpMethod.GET && fhir) {
            String[] parts = path.substring(6).split("/");
            if (parts.length == 1 || parts.length == 2 || parts.length == 4 && "_history".equals(parts[2])) {
                Map<String, String> parameters = new LinkedHashMap<>();
                request.params().forEach(p -> parameters.putIfAbsent(p.getKey(), p.getValue()));
                vertx.executeBlocking(() -> parts.length == 1
                                ? service.fhirSearch(parts[0], parameters, authorization, remote)
                                : service.fhirRead(parts[0], parts[1], authorization, remote), false)
                        .onComplete(done -> send(request, done.succeeded() ? done.result() : failed(true, done.cause())));
            } else {
                send(request, InteropService.outcome(404, "not-found", "nothing is served at this path"));
            }
            return;
        }
        if (request.method() != HttpMethod.POST) {
            request.response().putHeader("Allow", fhir ? "GET, POST" : "POST");
            send(request, fhir ? InteropService.outcome(405, "not-supported", "create (POST), read and search (GET) are supported")
                    : new Answer(405, "text/plain; charset=utf-8", "POST a SOAP call, or GET ?wsdl"));
            return;
        }
        if (fhir && path.substring(6).contains("/") || services && path.substring(10).contains("/")) {
            send(request, fhir ? InteropService.outcome(404, "not-found", "nothing is served at this path")
                    : new Answer(404, "text/plain; charset=utf-8", "nothing is served at this path"));
            return;
        }
        Buffer buffer = Buffer.buffer();
        boolean[] over = {false};
        request.handler(chunk -> {
            if (buffer.length() + chunk.length() > BODY_LIMIT) {
                over[0] = true;
            } else if (!over[0]) {
                buffer.appendBuffer(chunk);
            }
        });
        request.endHandler(v -> {
            if (over[0]) {
                send(request, fhir ? InteropService.outcome(413, "too-costly", "the body is larger than 16 MiB")
                        : new Answer(413, "text/plain; charset=utf-8", "the body is larger than 16 MiB"));
                return;
            }
            byte[] body = buffer.getBytes();
            String contentType = request.getHeader("Content-Type");
            vertx.executeBlocking(() -> fhir ? service.fhir(path.substring(6), body, authorization, remote)
                                    : services ? service.call(path.substring(10), body, contentType, authorization, remote)
                                    : service.soap(body, contentType, authorization, remote), false)
                    .onComplete(done -> send(request, done.succeeded() ? done.result() : failed(fhir, done.cause())));
        });
    }

    private static Answer failed(boolean fhir, Throwable cause) {
        log.warn("Interop: a call failed ({})", cause.toString());
        return fhir ? InteropService.outcome(503, "transient", "not processed, please send it again")
                : new Answer(503, "text/plain; charset=utf-8", "not processed, please send it again");
    }

    private static void send(HttpServerRequest request, Answer answer) {
        var response = request.response().setStatusCode(answer.status()).putHeader("Content-Type", answer.contentType());
        answer.headers().forEach(response::putHeader);
        response.end(Buffer.buffer(answer.bytes()));
    }

    @Override
    public synchronized void stop() {
        if (vertx != null) {
            try {
                vertx.close().await(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                log.warn("Vert.x (interop) did not close within 10 s");
            }
            vertx = null;
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return vertx != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
