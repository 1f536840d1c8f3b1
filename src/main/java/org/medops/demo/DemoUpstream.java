package org.medops.demo;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

/**
 * A stand-in for the hospital's systems: JSON answers with realistic latency, LIS sometimes slow,
 * HIS and 医保 occasionally failing, so dashboards and breakers have something to show.
 */
final class DemoUpstream implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;

    DemoUpstream(int port) throws Exception {
        server = vertx.createHttpServer().requestHandler(this::answer).listen(port, "127.0.0.1")
                .await(10, TimeUnit.SECONDS);
    }

    int port() {
        return server.actualPort();
    }

    private void answer(HttpServerRequest request) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String path = request.path();
        int latency = 15 + random.nextInt(120);
        int status = 200;
        String body;
        if (path.startsWith("/his/patients/")) {
            body = "{\"patientId\":\"" + path.substring(14) + "\",\"name\":\"张*\",\"gender\":\"M\",\"age\":58,"
                    + "\"allergies\":[\"青霉素\"],\"lastVisit\":\"2026-11-18\"}";
        } else if (path.startsWith("/his/departments")) {
            body = "[{\"code\":\"0101\",\"name\":\"心血管内科\",\"queue\":23},{\"code\":\"0203\",\"name\":\"消化内科\","
                    + "\"queue\":11},{\"code\":\"0402\",\"name\":\"骨科\",\"queue\":7}]";
        } else if (path.startsWith("/his/registrations")) {
            body = "{\"registrationId\":\"R" + random.nextInt(100000, 999999) + "\",\"status\":\"CONFIRMED\"}";
        } else if (path.startsWith("/lis/reports/")) {
            latency = random.nextInt(100) < 5 ? 900 + random.nextInt(600) : 40 + random.nextInt(160);
            body = "{\"reportId\":\"L" + random.nextInt(100000) + "\",\"items\":[{\"code\":\"GLU\",\"name\":\"葡萄糖\","
                    + "\"value\":5.6,\"unit\":\"mmol/L\",\"range\":\"3.9-6.1\"},{\"code\":\"WBC\",\"name\":\"白细胞\","
                    + "\"value\":7.2,\"unit\":\"10^9/L\",\"range\":\"3.5-9.5\"}]}";
        } else if (path.startsWith("/yb/")) {
            body = "{\"settlementId\":\"YB" + random.nextInt(1000000) + "\",\"fundPaid\":128.40,\"selfPaid\":31.60}";
        } else {
            status = 404;
            body = "{\"error\":\"no such resource\"}";
        }
        if (status == 200 && random.nextInt(100) < (path.startsWith("/yb/") ? 3 : 1)) {
            status = 500;
            body = "{\"error\":\"upstream database busy\"}";
        }
        int finalStatus = status;
        String finalBody = body;
        long delay = latency;
        request.body().onComplete(ignored -> vertx.setTimer(delay, id -> request.response()
                .setStatusCode(finalStatus).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(finalBody)));
    }

    @Override
    public void close() {
        vertx.close();
    }
}
