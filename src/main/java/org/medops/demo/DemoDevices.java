package org.medops.demo;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.medops.integration.devices.DeviceInterface;
import org.medops.integration.devices.DeviceInterfaces;
import org.medops.integration.devices.FailureKind;
import org.medops.integration.devices.ResponsibleParty;
import org.medops.integration.volumes.VolumeBackfill;
import org.medops.shared.DemoData;
import org.medops.shared.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The device-interface and volume demo: the blood-gas analyser's channel {@code device-bga-emr} marked as a device
 * interface (sample number as search key, the patient number masked, a responsibility list), one result file whose
 * pH 7.40 reaches the EMR as 7.4 (a changed field) and one broken export (a failed message to open a ticket from),
 * and 30 days of hourly volumes of the demo channels before today (a day curve, weekends quieter, a little growth),
 * all relative to the current time.
 */
@Component
@ConditionalOnExpression("${medops.demo:false} and '${medops.roles:console,gateway,integration}'.contains('integration')")
class DemoDevices implements DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoDevices.class);
    private static final String CHANNEL = "device-bga-emr";
    private static final List<String> CHANNELS = List.of("his-adt-emr", "lis-oru-emr", CHANNEL);

    private final DeviceInterfaces devices;
    private final VolumeBackfill volumes;
    private final Clock clock;
    private final Path directory;

    DemoDevices(DeviceInterfaces devices, VolumeBackfill volumes, Clock clock,
                @Value("${medops.demo-device-directory:${java.io.tmpdir}/medops-demo-device}") Path directory) {
        this.devices = devices;
        this.volumes = volumes;
        this.clock = clock;
        this.directory = directory.toAbsolutePath();
    }

    @Override
    public String name() {
        return "device interfaces and message volumes";
    }

    @Override
    public void seed() {
        int added = volumes.add(history());
        log.info("Demo: {} hours of message volumes added", added);
        // The device channel is put by the integration demo once the platform is ready: marked when it exists.
        Thread marker = new Thread(this::markWhenDeployed, "demo-devices");
        marker.setDaemon(true);
        marker.start();
    }

    private void markWhenDeployed() {
        for (int attempt = 0; attempt < 120; attempt++) {
            try {
                boolean created = devices.save(CHANNEL, new DeviceInterface.Marking("血气分析仪", "雷度米特", "ABL90 FLEX", "LIS",
                        List.of(new DeviceInterface.SearchKey("样本号", "rows[0].样本号")), List.of("rows[0].病历号"),
                        List.of(new DeviceInterface.Responsibility(FailureKind.DEVICE_DATA, ResponsibleParty.DEVICE_MAKER,
                                        "导出文件格式由设备厂商维护"),
                                new DeviceInterface.Responsibility(FailureKind.DESTINATION_REFUSED, ResponsibleParty.VENDOR,
                                        "EMR 接口映射由集成厂商维护"),
                                new DeviceInterface.Responsibility(FailureKind.DESTINATION_UNREACHABLE,
                                        ResponsibleParty.HOSPITAL, "EMR 服务器与网络由医院信息科负责"))), "demo");
                if (created) {
                    writeFiles();
                }
                return;
            } catch (ProblemException notYet) {
                sleep();
            } catch (RuntimeException e) {
                log.warn("Demo: marking the device interface failed: {}", e.getMessage());
                return;
            }
        }
    }

    /** A result with pH 7.40 (delivered as the number 7.4) and an export with a value more than its header names. */
    private void writeFiles() {
        try {
            Charset gbk = Charset.forName("GBK");
            Path in = Files.createDirectories(directory.resolve("in"));
            String header = "样本号\t病历号\t项目\t结果\t单位\t参考范围\t标志\n";
            Files.write(in.resolve("bga-demo-changed.txt"), (header
                    + "BG-DEMO-1\tP300127\tpH\t7.40\t\t7.35-7.45\tN\n"
                    + "BG-DEMO-1\tP300127\tK\t4.0\tmmol/L\t3.5-5.5\tN\n").getBytes(gbk));
            Files.write(in.resolve("bga-demo-broken.txt"), (header
                    + "BG-DEMO-2\tP300128\tpH\t7.38\t\t7.35-7.45\tN\t校准\n").getBytes(gbk));
        } catch (java.io.IOException e) {
            log.warn("Demo: the device files could not be written: {}", e.getMessage());
        }
    }

    /** 30 days of hours before the current hour; a seeded random, so restarts add the same (and nothing twice). */
    private List<VolumeBackfill.Hour> history() {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Instant now = clock.instant().truncatedTo(ChronoUnit.HOURS);
        Random random = new Random(now.getEpochSecond() / 86_400);
        List<VolumeBackfill.Hour> hours = new ArrayList<>();
        for (int h = 30 * 24; h >= 2; h--) {
            Instant hour = now.minus(h, ChronoUnit.HOURS);
            ZonedDateTime local = hour.atZone(zone);
            double daytime = local.getHour() >= 8 && local.getHour() < 18 ? 1.0 : local.getHour() < 6 ? 0.15 : 0.45;
            double weekday = local.getDayOfWeek().getValue() >= 6 ? 0.6 : 1.0;
            double growth = 1.0 + (30 * 24 - h) / (30.0 * 24) * 0.2;
            for (int c = 0; c < CHANNELS.size(); c++) {
                int base = new int[] {220, 160, 40}[c];
                long received = Math.round(base * daytime * weekday * growth * (0.8 + random.nextDouble() * 0.4));
                long errored = random.nextInt(100) < 8 ? 1 + random.nextInt(3) : 0;
                long sent = Math.max(0, received - errored);
                long latency = 15 + random.nextInt(60);
                hours.add(new VolumeBackfill.Hour(CHANNELS.get(c), "", hour, received, 0, 0, 0, 0));
                hours.add(new VolumeBackfill.Hour(CHANNELS.get(c), "emr", hour, 0, sent, errored, latency * sent, sent));
            }
        }
        return hours;
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
