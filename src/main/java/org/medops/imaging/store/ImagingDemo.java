package org.medops.imaging.store;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.medops.imaging.dicom.SyntheticImages;
import org.medops.imaging.dicom.TransferSyntax;
import org.medops.shared.DemoData;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Two synthetic studies dated back from today so a newcomer can open the viewer: a coronary angiography XA cine run
 * (native and RLE) and a CT-like series of five slices. Fixed UIDs, so seeding again stores nothing new.
 */
@Component
@ConditionalOnExpression("${medops.demo:false}")
class ImagingDemo implements DemoData {

    private static final String ROOT = "1.2.826.0.1.3680043.10.1447.100.";

    private final ImageStore store;
    private final Clock clock;

    ImagingDemo(ImageStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "imaging studies";
    }

    @Override
    public void seed() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        String cathDate = today.minusDays(2).format(DateTimeFormatter.BASIC_ISO_DATE);
        String ctDate = today.minusDays(5).format(DateTimeFormatter.BASIC_ISO_DATE);
        var cath = new SyntheticImages.Study("DEMO0001", "演示^患者甲", ROOT + "1", "XA" + cathDate, cathDate);
        store.store(SyntheticImages.xaCine(cath, ROOT + "1.1", 1, 30, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN),
                "demo");
        store.store(SyntheticImages.xaCine(cath, ROOT + "1.3", 1, 30, TransferSyntax.RLE_LOSSLESS), "demo");
        var ct = new SyntheticImages.Study("DEMO0002", "演示^患者乙", ROOT + "2", "CT" + ctDate, ctDate);
        for (int slice = 1; slice <= 5; slice++) {
            store.store(SyntheticImages.ctSlice(ct, ROOT + "2.2", slice, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN),
                    "demo");
        }
    }
}
