package org.medops.integration.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.medops.integration.Receiver;
import org.medops.testing.Api;
import org.medops.testing.ForkedMedops;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A device interface keeps the bytes the device sent, not its text decoded and encoded again: GBK over a real MLLP
 * socket with a stray NUL, mixed line ends (CR LF, LF, CR) and — in a second message — a byte sequence GBK does not
 * have; the stored bytes equal the sent ones exactly, the device view dumps them with the undecodable and control
 * bytes marked, and a channel that is no device interface keeps none. HTTP input is kept the same way.
 */
@MedopsTest
class DeviceBytesIT {

    static final Receiver receiver = new Receiver();
    static final Charset GBK = Charset.forName("GBK");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void stop() {
        receiver.down();
    }

    Api admin() {
        return new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
    }

    String mllpChannel(Api admin, int mllp, boolean device) {
        String code = "devb-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response put = admin.put("/api/v1/integration/channels/" + code, """
                {"name": "血气分析仪 MLLP", "source": {"type": "MLLP", "port": %d, "charset": "GBK"},
                 "destinations": [{"name": "lis", "type": "HTTP", "url": "%s", "retry": {"initial": "PT0.05S", "max": "PT0.2S"}}]}"""
                .formatted(mllp, receiver.url("/" + code)));
        assertThat(put.status()).as(put.body()).isEqualTo(201);
        if (device) {
            mark(admin, code);
        }
        return code;
    }

    void mark(Api admin, String code) {
        Api.Response marked = admin.put("/api/v1/integration/devices/" + code, """
                {"deviceName": "血气分析仪", "maker": "雷度", "model": "ABL90", "system": "LIS",
                 "searchKeys": [{"name": "sample", "path": "OBR-3.1"}], "patientPaths": ["PID-3.1"]}""");
        assertThat(marked.status()).as(marked.body()).isEqualTo(201);
    }

    /** Sends MLLP frames over one connection and reads one answer per frame. */
    static List<String> send(int mllp, byte[]... messages) throws IOException {
        try (Socket socket = connect(mllp)) {
            socket.setSoTimeout(15_000);
            for (byte[] m : messages) {
                ByteArrayOutputStream frame = new ByteArrayOutputStream();
                frame.write(0x0B);
                frame.write(m);
                frame.write(0x1C);
                frame.write(0x0D);
                socket.getOutputStream().write(frame.toByteArray());
            }
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            List<String> answers = new java.util.ArrayList<>();
            while (answers.size() < messages.length) {
                ByteArrayOutputStream answer = new ByteArrayOutputStream();
                int b;
                while ((b = in.read()) != 0x1C) {
                    if (b < 0) {
                        throw new IOException("connection closed after " + answers.size() + " answers");
                    }
                    if (b != 0x0B) {
                        answer.write(b);
                    }
                }
                in.read();
                answers.add(answer.toString(GBK));
            }
            return answers;
        }
    }

    static Socket connect(int mllp) {
        return await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> new Socket("127.0.0.1", mllp), s -> s.isConnected());
    }

    byte[] stored(String channel, String controlId) {
        return jdbc.sql("select raw_bytes from integration_messages where channel_code = :c and control_id = :id")
                .param("c", channel).param("id", controlId).query((rs, n) -> rs.getBytes("raw_bytes")).list().get(0);
    }

    long id(String channel, String controlId) {
        return jdbc.sql("select id from integration_messages where channel_code = :c and control_id = :id")
                .param("c", channel).param("id", controlId).query(Long.class).single();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    Api dataReader(Api admin) {
        String role = "DEVICE_BYTES_" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        Api.Response created = admin.securityAdmin().post("/api/v1/roles", """
                {"code":"%s","name":"设备原始数据","permissions":["integration:read","integration:data"]}""".formatted(role));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return admin.newUser("devbytes" + UUID.randomUUID().toString().substring(0, 4), "设备数据", "Device#Bytes-2026", role);
    }

    @Test
    void storesTheBytesAsSentOverMllpEvenWhereTheyDoNotSurviveDecodingAndShowsThemMarked() throws Exception {
        Api admin = admin();
        int mllp = ForkedMedops.freePort();
        String code = mllpChannel(admin, mllp, true);
        // A stray NUL after the value and three kinds of line end: all decode, but the stored text cannot hold NUL.
        byte[] withNul = concat("MSH|^~\\&|BGA|ICU|LIS|HOSP|20261207120000||ORU^R01|BYTES-1|P|2.5\r\n".getBytes(GBK),
                "PID|||P778899||张三\n".getBytes(GBK), "OBR|1||BG-81\r".getBytes(GBK),
                "OBX|1|NM|pH^酸碱度||7.40".getBytes(GBK), new byte[] {0x00}, "|\r".getBytes(GBK));
        // 0x81 0x20 and a lone 0xFF are no GBK: the message is refused, and its bytes are the evidence why.
        byte[] invalid = concat("MSH|^~\\&|BGA|ICU|LIS|HOSP|20261207120001||ORU^R01|BYTES-2|P|2.5\r".getBytes(GBK),
                "PID|||P778800||李".getBytes(GBK), new byte[] {(byte) 0x81, 0x20, (byte) 0xFF}, "\r\n".getBytes(GBK),
                "OBR|1||BG-82\r".getBytes(GBK));
        List<String> answers = send(mllp, withNul, invalid);
        assertThat(answers.get(0)).contains("MSA|AA|BYTES-1");
        assertThat(answers.get(1)).contains("MSA|AR");

        // Acknowledged means stored: the bytes are in the message's row, exactly as sent.
        assertThat(stored(code, "BYTES-1")).isEqualTo(withNul);
        assertThat(stored(code, "BYTES-2")).isEqualTo(invalid);
        // Decoded and encoded again they are not what was sent (which is why the bytes are kept).
        String text = jdbc.sql("select raw from integration_messages where channel_code = :c and control_id = 'BYTES-1'")
                .param("c", code).query(String.class).single();
        assertThat(text.getBytes(GBK)).isNotEqualTo(withNul);

        Api reader = dataReader(admin);
        JsonNode first = reader.get("/api/v1/integration/devices/" + code + "/messages/" + id(code, "BYTES-1")).json();
        JsonNode bytes = first.get("bytes");
        assertThat(bytes.get("origin").asString()).isEqualTo("RECEIVED");
        assertThat(bytes.get("charset").asString()).isEqualTo("GBK");
        assertThat(bytes.get("length").asInt()).isEqualTo(withNul.length);
        assertThat(hex(bytes)).isEqualTo(HexFormat.ofDelimiter(" ").withUpperCase().formatHex(withNul));
        assertThat(bytes.get("controls").asInt()).isEqualTo(1);
        assertThat(bytes.get("undecodable").asInt()).isZero();
        assertThat(bytes.get("lineEnds").get("crlf").asInt()).isEqualTo(1);
        assertThat(bytes.get("lineEnds").get("lf").asInt()).isEqualTo(1);
        assertThat(bytes.get("lineEnds").get("cr").asInt()).isEqualTo(2);
        assertThat(bytes.get("textDiffers").asBoolean()).isTrue();
        assertThat(marks(bytes, "CONTROL")).containsExactly("00");

        JsonNode second = reader.get("/api/v1/integration/devices/" + code + "/messages/" + id(code, "BYTES-2")).json();
        assertThat(second.get("status").asString()).isEqualTo("ERRORED");
        assertThat(second.get("bytes").get("origin").asString()).isEqualTo("RECEIVED");
        assertThat(hex(second.get("bytes"))).isEqualTo(HexFormat.ofDelimiter(" ").withUpperCase().formatHex(invalid));
        assertThat(second.get("bytes").get("undecodable").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(marks(second.get("bytes"), "UNDECODABLE")).contains("FF");

        // With the content right but without integration:data the dump is of the masked text (the bytes hold the
        // patient number), said so; the administrator has no content right at all.
        assertThat(admin.get("/api/v1/integration/devices/" + code + "/messages/" + id(code, "BYTES-1")).status())
                .isEqualTo(403);
        JsonNode masked = admin.contentReader().get("/api/v1/integration/devices/" + code + "/messages/" + id(code, "BYTES-1")).json();
        assertThat(masked.get("bytes").get("origin").asString()).isEqualTo("MASKED");
        assertThat(hex(masked.get("bytes"))).doesNotContain(HexFormat.ofDelimiter(" ").withUpperCase()
                .formatHex("P778899".getBytes(GBK)));
        assertThat(masked.get("bytes").get("controls").asInt()).as("counted from the bytes as sent").isEqualTo(1);

        // A channel that is no device interface keeps no bytes.
        int plainPort = ForkedMedops.freePort();
        String plain = mllpChannel(admin, plainPort, false);
        byte[] ordinary = "MSH|^~\\&|HIS|H|LIS|H|20261207120002||ADT^A01|PLAIN-1|P|2.5\rPID|||P1\r".getBytes(GBK);
        assertThat(send(plainPort, ordinary).get(0)).contains("MSA|AA|PLAIN-1");
        assertThat(stored(plain, "PLAIN-1")).isNull();
        // Marked later, an earlier message shows its text encoded again, said so.
        mark(admin, plain);
        JsonNode older = reader.get("/api/v1/integration/devices/" + plain + "/messages/" + id(plain, "PLAIN-1")).json();
        assertThat(older.get("bytes").get("origin").asString()).isEqualTo("ENCODED_TEXT");
    }

    @Test
    void keepsTheBodyOfAnHttpSourceAsPosted() throws Exception {
        Api admin = admin();
        int http = ForkedMedops.freePort();
        String code = "devh-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response put = admin.put("/api/v1/integration/channels/" + code, """
                {"name": "检验仪 HTTP", "source": {"type": "HTTP", "port": %d, "path": "/in", "charset": "GBK", "dataType": "DELIMITED"},
                 "destinations": [{"name": "lis", "type": "HTTP", "url": "%s", "retry": {"initial": "PT0.05S", "max": "PT0.2S"}}]}"""
                .formatted(http, receiver.url("/" + code)));
        assertThat(put.status()).as(put.body()).isEqualTo(201);
        mark(admin, code);
        byte[] body = concat("样本号\t结果\r\n".getBytes(GBK), "S-1\t4.2\n".getBytes(GBK), "S-2\t".getBytes(GBK),
                new byte[] {0x00}, "5.1\r\n".getBytes(GBK));
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> answer = await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> client.send(
                HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + http + "/in"))
                        .header("Content-Type", "text/tab-separated-values; charset=GBK")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)), r -> r.statusCode() < 300);
        assertThat(answer.statusCode()).as(answer.body()).isLessThan(300);
        byte[] kept = jdbc.sql("select raw_bytes from integration_messages where channel_code = :c")
                .param("c", code).query((rs, n) -> rs.getBytes("raw_bytes")).single();
        assertThat(kept).isEqualTo(body);
    }

    static String hex(JsonNode bytes) {
        StringBuilder all = new StringBuilder();
        for (JsonNode line : bytes.get("lines")) {
            all.append(all.isEmpty() ? "" : " ").append(line.get("hex").asString());
        }
        return all.toString();
    }

    static List<String> marks(JsonNode bytes, String mark) {
        List<String> found = new java.util.ArrayList<>();
        for (JsonNode line : bytes.get("lines")) {
            for (JsonNode cell : line.get("cells")) {
                if (mark.equals(cell.get("mark").asString())) {
                    found.add(cell.get("hex").asString());
                }
            }
        }
        return found;
    }
}
