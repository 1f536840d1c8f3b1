package org.medops.payment.insurance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

import org.medops.shared.ProblemException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The national medical-insurance platform's interface calls as the hospital makes them: one JSON envelope per call
 * ({@code infno}, {@code msgid}, the regions, the operator, {@code input}) posted to the centre's service URL, and its
 * answer ({@code infcode} 0 with {@code output}, else {@code err_msg}). The sandbox is the same code path on a local
 * port.
 */
@Component
class InsuranceCentre {

    static final String SERVICE_PATH = "/fsi/api/rsfComIfsService/callService";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter MSGID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final DateTimeFormatter INF_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** The centre's answer: its output and the message ID the call went under. */
    record Answer(String msgid, JsonNode output) {
    }

    private final InsuranceSettings settings;
    private final ObjectProvider<InsuranceSandbox> sandbox;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicLong sequence = new AtomicLong();

    InsuranceCentre(InsuranceSettings settings, ObjectProvider<InsuranceSandbox> sandbox, Clock clock) {
        this.settings = settings;
        this.sandbox = sandbox;
        this.clock = clock;
    }

    Answer call(String infno, String region, String operator, ObjectNode input) {
        String msgid = msgid();
        ObjectNode envelope = envelope(infno, msgid, region, operator, input);
        HttpResponse<byte[]> response = post(envelope);
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (RuntimeException e) {
            throw new ProblemException(HttpStatus.BAD_GATEWAY, "ins-centre-garbled", infno);
        }
        if (answer.path("infcode").asInt(-1) != 0) {
            throw new ProblemException(HttpStatus.BAD_GATEWAY, "ins-centre-refused", infno,
                    answer.path("err_msg").asString(""));
        }
        return new Answer(msgid, answer.path("output"));
    }

    /** 9101: uploads a file; answers the centre's file query number. */
    String upload(String region, String operator, String filename, byte[] content) {
        ObjectNode in = JSON.createObjectNode();
        ObjectNode upload = in.putObject("fsUploadIn");
        ArrayNode bytes = upload.putArray("in");
        for (byte b : content) {
            bytes.add(b);
        }
        upload.put("filename", filename);
        upload.put("fixmedins_code", settings.fixmedinsCode());
        return call("9101", region, operator, in).output().path("file_qury_no").asString();
    }

    /** 9102: downloads a file the centre made, by its query number. */
    byte[] download(String region, String operator, String fileNo, String filename) {
        ObjectNode in = JSON.createObjectNode();
        ObjectNode download = in.putObject("fsDownloadIn");
        download.put("file_qury_no", fileNo);
        download.put("filename", filename);
        download.put("fixmedins_code", settings.fixmedinsCode());
        HttpResponse<byte[]> response = post(envelope("9102", msgid(), region, operator, in));
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (type.startsWith("application/json")) {
            JsonNode answer = JSON.readTree(response.body());
            throw new ProblemException(HttpStatus.BAD_GATEWAY, "ins-centre-refused", "9102",
                    answer.path("err_msg").asString(""));
        }
        return response.body();
    }

    private ObjectNode envelope(String infno, String msgid, String region, String operator, ObjectNode input) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("infno", infno);
        envelope.put("msgid", msgid);
        envelope.put("mdtrtarea_admvs", region);
        envelope.put("insuplc_admdvs", region);
        envelope.put("recer_sys_code", "MEDOPS");
        envelope.put("dev_no", "");
        envelope.put("dev_safe_info", "");
        envelope.put("cainfo", "");
        envelope.put("signtype", "");
        envelope.put("infver", "V1.0");
        envelope.put("opter_type", "1");
        envelope.put("opter", operator);
        envelope.put("opter_name", operator);
        envelope.put("inf_time", INF_TIME.format(LocalDateTime.now(clock.withZone(ZONE))));
        envelope.put("fixmedins_code", settings.fixmedinsCode());
        envelope.put("fixmedins_name", settings.fixmedinsName());
        envelope.put("sign_no", "");
        envelope.set("input", input);
        return envelope;
    }

    private HttpResponse<byte[]> post(ObjectNode envelope) {
        URI uri = URI.create(base() + SERVICE_PATH);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json;charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(envelope))).build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new ProblemException(HttpStatus.BAD_GATEWAY, "ins-centre-status",
                        envelope.path("infno").asString(), String.valueOf(response.statusCode()));
            }
            return response;
        } catch (IOException e) {
            throw new ProblemException(HttpStatus.BAD_GATEWAY, "ins-centre-unreachable", uri.getHost());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(HttpStatus.BAD_GATEWAY, "ins-centre-unreachable", uri.getHost());
        }
    }

    private String base() {
        if (!settings.centreUrl().isBlank()) {
            return settings.centreUrl().replaceAll("/+$", "");
        }
        InsuranceSandbox local = sandbox.getIfAvailable();
        if (local == null) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "ins-centre-not-configured");
        }
        return local.baseUrl();
    }

    /** 定点医药机构编号 + time to the second + a 4-digit sequence, as the platform asks for message IDs. */
    private String msgid() {
        return settings.fixmedinsCode() + MSGID_TIME.format(LocalDateTime.now(clock.withZone(ZONE)))
                + String.format("%04d", sequence.incrementAndGet() % 10000);
    }
}
