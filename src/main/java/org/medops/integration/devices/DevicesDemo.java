package org.medops.integration.devices;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.medops.shared.DemoData;
import org.medops.shared.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The device-interface demo: the blood-gas analyser's channel {@code device-bga-emr} marked as a device
 * interface (sample number as search key, the patient number masked, a responsibility list), one result file whose
 * pH 7.40 reaches the EMR as 7.4 (a changed field) and one broken export (a failed message to open a ticket from),
 * relative to the current time. Lives in this module (the demo module may only use the engine's top-level API).
 */
@Component
@ConditionalOnExpression("${medops.demo:false} and '${medops.roles:console,gateway,integration}'.contains('integration')")
class DevicesDemo implements DemoData {

    private static final Logger log = LoggerFactory.getLogger(DevicesDemo.class);
    private static final String CHANNEL = "device-bga-emr";

    private final DeviceInterfaces devices;
    private final Path directory;

    DevicesDemo(DeviceInterfaces devices,
                @Value("${medops.demo-device-directory:${java.io.tmpdir}/medops-demo-device}") Path directory) {
        this.devices = devices;
        this.directory = directory.toAbsolutePath();
    }

    @Override
    public String name() {
        return "device interfaces";
    }

    @Override
    public void seed() {
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

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
