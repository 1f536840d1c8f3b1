package org.medops.demo;

import org.medops.integration.IntegrationChannels;
import org.medops.integration.IntegrationInterop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The interoperability demo (互联互通): demo channels for patients, encounters, orders, reports and FHIR resources
 * (delivering to the demo EMR), a route for every shipped core interaction, and each sample sent once so the route
 * page shows calls. Samples are sent with a new id and the current time: valid on any date.
 */
@Component
@ConditionalOnExpression("${medops.demo:false} and '${medops.roles:console,gateway,integration}'.contains('integration')")
class DemoInterop {

    private static final Logger log = LoggerFactory.getLogger(DemoInterop.class);

    private final IntegrationChannels channels;
    private final IntegrationInterop interop;
    private final int emrPort;

    DemoInterop(IntegrationChannels channels, IntegrationInterop interop,
                @Value("${medops.demo-emr-port:9091}") int emrPort) {
        this.channels = channels;
        this.interop = interop;
        this.emrPort = emrPort;
    }

    /** Demo data never stops the platform: a failure is logged and the demo skipped. */
    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        try {
            channel("interop-patient", "互联互通 个人信息", "XML", "patient");
            channel("interop-encounter", "互联互通 就诊（挂号/入院/出院）", "XML", "encounter");
            channel("interop-order", "互联互通 医嘱与检查检验申请", "XML", "order");
            channel("interop-report", "互联互通 检查检验报告", "XML", "report");
            channel("interop-fhir", "互联互通 FHIR 接口", "FHIR", "fhir");
            int routed = interop.routeDefaults("demo");
            int sent = interop.sendSamples();
            log.info("Demo: {} interop routes set, {} sample messages sent", routed, sent);
        } catch (RuntimeException e) {
            log.error("Demo: the interop demo failed and was skipped; the platform runs on without it", e);
        }
    }

    private void channel(String code, String name, String dataType, String path) {
        channels.put(code, """
                {
                  "code": "%s",
                  "name": "%s",
                  "source": {"type": "CHANNEL", "dataType": "%s"},
                  "destinations": [{"name": "emr", "type": "HTTP", "url": "http://127.0.0.1:%d/emr/interop/%s"}]
                }""".formatted(code, name, dataType, emrPort, path), "demo");
    }
}
