import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * MLLP load for bench/integration.sh: {@code connections} senders, each sending an ADT^A01 of about 1.5 KB and
 * waiting for its ACK before the next, as a HIS interface does. With {@code rate} 0 they send as fast as the
 * ACKs come back (throughput); with a rate they send on a fixed schedule and each latency is measured from the
 * scheduled instant, so a stall counts for every message it delayed (no coordinated omission).
 * Prints one line: "sent acked_aa not_aa errors msg_per_s p50_ms p99_ms max_ms".
 */
public class MllpLoad {

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int connections = Integer.parseInt(args[2]);
        double rate = Double.parseDouble(args[3]);
        double seconds = Double.parseDouble(args[4]);
        String prefix = args.length > 5 ? args[5] : "B";
        long[][] latencies = new long[connections][];
        AtomicLong accepted = new AtomicLong(), refused = new AtomicLong(), errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(connections);
        long start = System.nanoTime() + 200_000_000L;
        long end = start + (long) (seconds * 1e9);
        for (int c = 0; c < connections; c++) {
            int lane = c;
            Thread t = new Thread(() -> {
                try {
                    latencies[lane] = run(host, port, lane, connections, rate, start, end, prefix, accepted, refused);
                } catch (IOException e) {
                    errors.incrementAndGet();
                    latencies[lane] = new long[0];
                    System.err.println("connection " + lane + ": " + e);
                } finally {
                    done.countDown();
                }
            });
            t.start();
        }
        done.await();
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        double took = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d %d %d %d %.0f %.2f %.2f %.2f%n", all.length, accepted.get(), refused.get(), errors.get(),
                all.length / took, percentile(all, 0.50), percentile(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6);
    }

    private static long[] run(String host, int port, int lane, int connections, double rate, long start, long end,
                              String prefix, AtomicLong accepted, AtomicLong refused) throws IOException {
        List<Long> measured = new ArrayList<>();
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            long interval = rate > 0 ? (long) (1e9 * connections / rate) : 0;
            long next = start + (interval > 0 ? interval * lane / connections : 0);
            while (System.nanoTime() < start) {
                Thread.onSpinWait();
            }
            for (long i = 0; ; i++) {
                long scheduled = interval > 0 ? next : System.nanoTime();
                if (scheduled >= end) {
                    break;
                }
                long wait = scheduled - System.nanoTime();
                if (wait > 0) {
                    sleepNanos(wait);
                }
                out.write(frame(adt(prefix + "-" + lane + "-" + i, i)));
                out.flush();
                String ack = readFrame(in);
                measured.add(System.nanoTime() - scheduled);
                if (ack.contains("MSA|AA") || ack.contains("MSA|CA")) {
                    accepted.incrementAndGet();
                } else {
                    refused.incrementAndGet();
                }
                next += interval;
            }
        }
        return measured.stream().mapToLong(Long::longValue).toArray();
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    /** An ADT^A01 of about 1.5 KB: a patient with identifiers, next of kin, visit, allergies and diagnoses. */
    static String adt(String controlId, long n) {
        String now = LocalDateTime.now().format(TS);
        String patient = String.valueOf(100000 + n % 900000);
        return "MSH|^~\\&|HIS|HOSP|EMR|HOSP|" + now + "||ADT^A01^ADT_A01|" + controlId + "|P|2.5.1|||AL|NE||UNICODE UTF-8\r"
                + "EVN|A01|" + now + "|||D0012^李^医生\r"
                + "PID|1||" + patient + "^^^HOSP^MR~11010519800101" + String.format("%04d", n % 10000)
                + "^^^CHN^NI||张^三丰||19800101|M|||北京市东城区东单北大街" + (n % 200) + "号^^北京^北京^100005^CHN||"
                + "^PRN^PH^^^^13800138000|^WPN^PH^^^^010-65295114||M||V" + patient + "|||||||||||N\r"
                + "NK1|1|张^小明|SON^儿子|北京市东城区东单北大街1号|^PRN^PH^^^^13900139000\r"
                + "PV1|1|I|0301^0302^01^HOSP^^^^心内科病区|R|||D0012^李^医生|||CAR|||||||D0012^李^医生|IP|V" + patient
                + "|||||||||||||||||||||||||" + now + "\r"
                + "PV2|||I25.1^动脉粥样硬化性心脏病^ICD10\r"
                + "AL1|1|DA|青霉素^PENICILLIN|SV|皮疹\r"
                + "AL1|2|FA|花生^PEANUT|MO|呼吸困难\r"
                + "DG1|1||I25.1^动脉粥样硬化性心脏病^ICD10|||A\r"
                + "DG1|2||I10^原发性高血压^ICD10|||A\r"
                + "DG1|3||E11.9^2型糖尿病^ICD10|||A\r"
                + "OBX|1|NM|8302-2^身高^LN||172|cm|||||F\r"
                + "OBX|2|NM|3141-9^体重^LN||70|kg|||||F\r"
                + "OBX|3|ST|ADM^入院情况^L||患者因胸闷、胸痛三天入院，既往高血压病史十年，糖尿病史五年。||||||F\r"
                + "IN1|1|BJYB^北京医保|BJYB|北京市医疗保障局||||||||||||张^三丰|SEL|19800101\r";
    }

    static byte[] frame(String message) {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        byte[] framed = new byte[body.length + 3];
        framed[0] = 0x0B;
        System.arraycopy(body, 0, framed, 1, body.length);
        framed[body.length + 1] = 0x1C;
        framed[body.length + 2] = 0x0D;
        return framed;
    }

    private static String readFrame(InputStream in) throws IOException {
        ByteArrayOutputStream ack = new ByteArrayOutputStream(256);
        int b;
        while ((b = in.read()) != 0x0B) {
            if (b < 0) {
                throw new IOException("connection closed before an ACK");
            }
        }
        while ((b = in.read()) != 0x1C) {
            if (b < 0) {
                throw new IOException("connection closed inside an ACK");
            }
            ack.write(b);
        }
        in.read();
        return ack.toString(StandardCharsets.UTF_8);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
