package org.medops.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import org.medops.integration.IntegrationChannels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The integration demo: a demo EMR that receives deliveries over HTTP and fails now and then (a 20-second
 * outage every two minutes, 3 % of answers 503, every 40th lab result refused with 400), two channels with
 * transformers (HIS ADT → EMR, LIS ORU in GBK → EMR and the critical-value loop), a demo HIS and LIS that send messages over MLLP, and a
 * blood-gas analyser that exports result files (GBK, tab-separated) which a file channel turns into JSON. So
 * queues, retries, an opening breaker and a parked (errored) message show on the console. Works on any date:
 * nothing is seeded with a date, messages carry the current time.
 */
@Component
@ConditionalOnExpression("${medops.demo:false} and '${medops.roles:console,gateway,integration}'.contains('integration')")
class DemoIntegration implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoIntegration.class);
    private static final DateTimeFormatter HL7_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final List<String> NAMES = List.of("张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄晓明");

    private final IntegrationChannels channels;
    private final int emrPort;
    private final int adtPort;
    private final int labPort;
    private final long periodMillis;
    private final java.nio.file.Path deviceDirectory;
    private final AtomicLong sequence = new AtomicLong();
    private HttpServer emr;
    private Thread sender;

    DemoIntegration(IntegrationChannels channels, @Value("${medops.demo-emr-port:9091}") int emrPort,
                    @Value("${medops.demo-adt-port:6661}") int adtPort, @Value("${medops.demo-lab-port:6662}") int labPort,
                    @Value("${medops.demo-integration-period:1500ms}") java.time.Duration period,
                    @Value("${medops.demo-device-directory:${java.io.tmpdir}/medops-demo-device}") java.nio.file.Path device) {
        this.channels = channels;
        this.deviceDirectory = device.toAbsolutePath();
        this.emrPort = emrPort;
        this.adtPort = adtPort;
        this.labPort = labPort;
        this.periodMillis = period.toMillis();
    }

    /** Demo data never stops the platform: a failure (a port taken) is logged and the demo skipped. */
    @EventListener(ApplicationReadyEvent.class)
    public synchronized void start() {
        try {
            emr = HttpServer.create(new InetSocketAddress("127.0.0.1", free(emrPort)), 0);
            int emrAt = emr.getAddress().getPort();
            int adtAt = free(adtPort);
            int labAt = free(labPort == adtAt ? 0 : labPort);
            AtomicLong labs = new AtomicLong();
            emr.createContext("/emr/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                boolean outage = (System.currentTimeMillis() / 20_000) % 6 == 5;
                int status = outage || ThreadLocalRandom.current().nextInt(100) < 3 ? 503 : 200;
                if (status == 200 && exchange.getRequestURI().getPath().startsWith("/emr/lab")
                        && labs.incrementAndGet() % 40 == 0) {
                    status = 400;
                }
                byte[] body = (status == 200 ? "{\"result\":\"accepted\"}" : status == 400
                        ? "{\"error\":\"unknown test code\"}" : "{\"error\":\"EMR busy\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            emr.start();
            channels.put("his-adt-emr", adtDocument(adtAt, emrAt), "demo");
            channels.put("lis-oru-emr", labDocument(labAt, emrAt), "demo");
            java.nio.file.Files.createDirectories(deviceDirectory.resolve("in"));
            channels.put("device-bga-emr", deviceDocument(deviceDirectory, emrAt), "demo");
            sender = new Thread(() -> send(adtAt, labAt), "demo-integration-sender");
            sender.setDaemon(true);
            sender.start();
            log.info("Demo: EMR on port {}, channels his-adt-emr (MLLP {}), lis-oru-emr (MLLP {}) and device-bga-emr (files in {}),"
                    + " a message every {} ms", emrAt, adtAt, labAt, deviceDirectory, periodMillis);
        } catch (Exception e) {
            log.error("Demo: the integration demo failed and was skipped; the platform runs on without it", e);
            close();
        }
    }

    /**
     * The configured port when it is free, else one the system picks: several demo contexts (the tests start a
     * few in one JVM) or another program on the port must not stop the demo.
     */
    private static int free(int preferred) throws IOException {
        if (preferred > 0) {
            try (java.net.ServerSocket probe = new java.net.ServerSocket(preferred)) {
                return probe.getLocalPort();
            } catch (IOException taken) {
                // fall through to any free port
            }
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    private static String adtDocument(int adtPort, int emrPort) {
        return """
                {
                  "code": "his-adt-emr",
                  "name": "HIS 入出转 (ADT) → EMR",
                  "source": {"type": "MLLP", "port": %d},
                  "filter": "MSH.`MSH-9`.`MSH-9.1` = 'ADT'",
                  "transformer": {"steps": [
                    {"to": "patient.id", "from": "PID-3.1"},
                    {"to": "patient.name", "from": "PID-5.1"},
                    {"to": "patient.sex", "from": "PID-8", "table": {"M": "男", "F": "女"}, "fallback": "未知"},
                    {"to": "visit.ward", "from": "PV1-3.1"},
                    {"to": "visit.bed", "from": "PV1-3.3"},
                    {"to": "event", "from": "MSH-9.2", "table": {"A01": "入院", "A02": "转科", "A03": "出院", "A08": "信息更新"}},
                    {"to": "source", "constant": "HIS"}
                  ]},
                  "destinations": [{"name": "emr", "type": "HTTP", "url": "http://127.0.0.1:%d/emr/adt",
                    "retry": {"initial": "PT0.5S", "max": "PT10S", "rejections": 2},
                    "breaker": {"failures": 5, "open": "PT10S"}}]
                }
                """.formatted(adtPort, emrPort);
    }

    private static String labDocument(int labPort, int emrPort) {
        return """
                {
                  "code": "lis-oru-emr",
                  "name": "LIS 检验结果 (ORU) → EMR",
                  "source": {"type": "MLLP", "port": %d, "charset": "GBK"},
                  "transformer": {"steps": [{"to": "patient", "from": "PID-3.1"}],
                    "jsonata": "{'patient': $steps.patient, 'order': OBR.`OBR-3`, 'results': [OBX.{'code': `OBX-3`.`OBX-3.1`, 'name': `OBX-3`.`OBX-3.2`, 'value': `OBX-5`, 'unit': `OBX-6`, 'flag': `OBX-8`}]}"},
                  "destinations": [{"name": "emr", "type": "HTTP", "url": "http://127.0.0.1:%d/emr/lab",
                    "retry": {"initial": "PT0.5S", "max": "PT10S", "rejections": 1},
                    "breaker": {"failures": 5, "open": "PT10S"}},
                    {"name": "critical", "type": "CRITICAL_VALUE"}]
                }
                """.formatted(labPort, emrPort);
    }

    /**
     * The blood-gas analyser's export (GBK, tab-separated, a header line), read from a directory: the raw device data
     * is stored as written and delivered to the EMR as JSON, so the message page shows the two side by side.
     */
    private static String deviceDocument(java.nio.file.Path directory, int emrPort) {
        return """
                {
                  "code": "device-bga-emr",
                  "name": "血气分析仪（文件导出）→ EMR",
                  "source": {"type": "FILE", "directory": "%s", "pattern": "*.txt", "interval": "PT1S",
                    "after": "MOVE", "archive": "%s", "charset": "GBK", "dataType": "DELIMITED"},
                  "transformer": {"steps": [{"to": "sample", "from": "rows[0].样本号"}, {"to": "device", "constant": "BGA-01"}],
                    "jsonata": "{'device': $steps.device, 'sample': $steps.sample, 'patient': rows[0].病历号, 'results': [rows.{'code': 项目, 'value': $number(结果), 'unit': 单位, 'range': 参考范围, 'flag': 标志}]}"},
                  "destinations": [{"name": "emr", "type": "HTTP", "url": "http://127.0.0.1:%d/emr/device",
                    "retry": {"initial": "PT0.5S", "max": "PT10S", "rejections": 2},
                    "breaker": {"failures": 5, "open": "PT10S"}}]
                }
                """.formatted(json(directory.resolve("in")), json(directory.resolve("done")), emrPort);
    }

    private static String json(java.nio.file.Path path) {
        return path.toString().replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /**
     * A result file as the analyser writes it: in place and in two steps (the reader waits until it stops growing),
     * in GBK with a header line; the name carries a sequence number, never a date.
     */
    private void writeDeviceFile(long n) throws IOException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        double ph = 7.30 + random.nextInt(15) / 100.0;
        double potassium = 3.2 + random.nextInt(30) / 10.0;
        double lactate = 0.5 + random.nextInt(40) / 10.0;
        String header = "样本号\t病历号\t项目\t结果\t单位\t参考范围\t标志\n";
        String sample = "BG" + n;
        String patient = "P" + (100000 + random.nextInt(900000));
        String rows = sample + "\t" + patient + "\tpH\t" + String.format("%.2f", ph) + "\t\t7.35-7.45\t" + (ph < 7.35 ? "L" : "N") + "\n"
                + sample + "\t" + patient + "\tK\t" + String.format("%.1f", potassium) + "\tmmol/L\t3.5-5.5\t"
                + (potassium > 5.5 ? "H" : potassium < 3.5 ? "L" : "N") + "\n"
                + sample + "\t" + patient + "\tLac\t" + String.format("%.1f", lactate) + "\tmmol/L\t0.5-1.6\t"
                + (lactate > 1.6 ? "H" : "N") + "\n";
        java.nio.file.Path file = deviceDirectory.resolve("in").resolve("bga-" + n + ".txt");
        Charset gbk = Charset.forName("GBK");
        java.nio.file.Files.write(file, header.getBytes(gbk));
        java.nio.file.Files.write(file, rows.getBytes(gbk), java.nio.file.StandardOpenOption.APPEND);
    }

    /** The demo HIS and LIS: one message every period, alternating, over connections they keep open. */
    private void send(int adtPort, int labPort) {
        Socket his = null;
        Socket lis = null;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(periodMillis);
                long n = sequence.incrementAndGet();
                if (n % 3 == 0) {
                    try {
                        writeDeviceFile(n);
                    } catch (IOException e) {
                        log.debug("Demo: the device could not write its result file: {}", e.getMessage());
                    }
                }
                if (n % 2 == 0) {
                    his = connected(his, adtPort);
                    exchange(his, adt(n).getBytes(StandardCharsets.UTF_8));
                } else {
                    lis = connected(lis, labPort);
                    exchange(lis, oru(n).getBytes(Charset.forName("GBK")));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                his = closed(his);
                lis = closed(lis);
            }
        }
        closed(his);
        closed(lis);
    }

    private static Socket connected(Socket socket, int port) throws IOException {
        if (socket != null && !socket.isClosed()) {
            return socket;
        }
        Socket opened = new Socket("127.0.0.1", port);
        opened.setSoTimeout(10_000);
        return opened;
    }

    private static Socket closed(Socket socket) {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // the demo reconnects next round
        }
        return null;
    }

    private static void exchange(Socket socket, byte[] message) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(0x0B);
        out.write(message);
        out.write(new byte[] {0x1C, 0x0D});
        out.flush();
        InputStream in = socket.getInputStream();
        int b;
        while ((b = in.read()) != 0x1C) {
            if (b < 0) {
                throw new IOException("closed");
            }
        }
        in.read();
    }

    private static String now() {
        return HL7_TIME.format(LocalDateTime.now(ZoneId.of("Asia/Shanghai")));
    }

    private static String adt(long n) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String event = List.of("A01", "A02", "A03", "A08").get(random.nextInt(4));
        String patient = "P" + (100000 + random.nextInt(900000));
        return "MSH|^~\\&|HIS|DEMO-HOSP|EMR|DEMO-HOSP|" + now() + "||ADT^" + event + "^ADT_A01|HIS-" + n + "|P|2.5.1|||||CHN|UNICODE UTF-8\r"
                + "EVN|" + event + "|" + now() + "\r"
                + "PID|1||" + patient + "^^^DEMO-HOSP^MR||" + NAMES.get(random.nextInt(NAMES.size())) + "||19"
                + (50 + random.nextInt(50)) + "0101|" + (random.nextBoolean() ? "M" : "F") + "|||||1380013" + (1000 + random.nextInt(9000))
                + "|||||||1101011980010" + (1000 + random.nextInt(9000)) + "\r"
                + "PV1|1|I|" + List.of("ICU", "心内科", "骨科").get(random.nextInt(3)) + "^" + (1 + random.nextInt(9)) + "^" + (1 + random.nextInt(40)) + "\r";
    }

    private static String oru(long n) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String patient = "P" + (100000 + random.nextInt(900000));
        double glucose = 3.5 + random.nextInt(60) / 10.0;
        double potassium = 3.0 + random.nextInt(40) / 10.0;
        return "MSH|^~\\&|LIS|DEMO-HOSP|EMR|DEMO-HOSP|" + now() + "||ORU^R01^ORU_R01|LIS-" + n + "|P|2.5.1|||||CHN|GBK\r"
                + "PID|1||" + patient + "^^^DEMO-HOSP^MR||" + NAMES.get(random.nextInt(NAMES.size())) + "\r"
                + "PV1|1|I|" + List.of("心内科监护室", "急诊留观区", "肾内一病区").get((int) (n % 3)) + "^1^1||||D01^王^建国|||"
                + List.of("心内科", "急诊科", "肾内科").get((int) (n % 3)) + "\r"
                + "OBR|1||O" + n + "|CHEM^生化检验\r"
                + "OBX|1|NM|GLU^葡萄糖||" + glucose + "|mmol/L|3.9-6.1|" + (glucose > 6.1 ? "H" : "N") + "\r"
                // every 400th result is a critical potassium, for the critical-value loop (危急值闭环)
                + (n % 400 == 7 ? "OBX|2|NM|K^钾||7.1|mmol/L|3.5-5.5|HH\r"
                : "OBX|2|NM|K^钾||" + potassium + "|mmol/L|3.5-5.5|" + (potassium > 5.5 ? "H" : "N") + "\r");
    }

    @Override
    public synchronized void close() {
        if (sender != null) {
            sender.interrupt();
            sender = null;
        }
        if (emr != null) {
            emr.stop(0);
            emr = null;
        }
    }
}
