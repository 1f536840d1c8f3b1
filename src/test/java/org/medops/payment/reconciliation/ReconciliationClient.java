package org.medops.payment.reconciliation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.medops.testing.Api;
import org.medops.testing.MedopsTest;

/** Registers merchants and posts reconciliation runs as the API's multipart form. */
final class ReconciliationClient {

    private final Api admin;
    private final Api finance;

    ReconciliationClient(int port) {
        this.admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        String user = "fin-" + UUID.randomUUID().toString().substring(0, 6);
        this.finance = admin.newUser(user, "财务 测试", "Finance#Test-2026", "FINANCE");
    }

    Api finance() {
        return finance;
    }

    Api admin() {
        return admin;
    }

    String merchant(String channel) {
        String code = channel.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = admin.post("/api/v1/payment/merchants", """
                {"code":"%s","name":"门诊%s","channel":"%s","mchId":"19%s"}"""
                .formatted(code, channel, channel, Math.abs(code.hashCode())));
        if (created.status() != 201) {
            throw new IllegalStateException(created.body());
        }
        return code;
    }

    Api.Response run(String merchant, LocalDate date, String billName, byte[] bill, byte[] his) {
        return run(finance, merchant, date, billName, bill, his);
    }

    static Api.Response run(Api as, String merchant, LocalDate date, String billName, byte[] bill, byte[] his) {
        String boundary = "recon-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        field(body, boundary, "merchant", merchant);
        field(body, boundary, "date", date.toString());
        if (bill != null) {
            file(body, boundary, "channelBill", billName, bill);
        }
        if (his != null) {
            file(body, boundary, "hisFile", "his.csv", his);
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return as.post("/api/v1/reconciliation/runs", "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void file(ByteArrayOutputStream body, String boundary, String name, String filename, byte[] bytes) {
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
}
