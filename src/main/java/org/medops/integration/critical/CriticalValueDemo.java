package org.medops.integration.critical;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the demo seeds into the loop : department contacts and critical values
 * at given stages, each with its timeline, so the board and the report have something to show on any date.
 */
@Component
class CriticalValueDemo {

    /** A demo critical value: recorded {@code at}; each later stage after the minutes given, or null if not reached. */
    record Seed(String patientId, String patientName, String itemCode, String itemName, String value, String unit,
                       String range, String flag, String department, String ward, String clinician, Instant at,
                       Integer ackAfter, Integer handleAfter, Integer closeAfter, String action) {
    }

    private final JdbcClient jdbc;
    private final CriticalValues values;
    private final java.time.Clock clock;
    private final org.medops.integration.channels.ChannelDirectory channels;
    private final org.medops.integration.channels.ChannelBook book;

    CriticalValueDemo(JdbcClient jdbc, CriticalValues values, java.time.Clock clock,
                      org.medops.integration.channels.ChannelDirectory channels,
                      org.medops.integration.channels.ChannelBook book) {
        this.jdbc = jdbc;
        this.values = values;
        this.clock = clock;
        this.channels = channels;
        this.book = book;
    }

    static final String HIS_CHANNEL = "critical-his";

    /**
     * The channel back to HIS ({@code critical-his}: HL7 v2 from the loop, written as files where a demo HIS would
     * read them) and the setting that sends acknowledgements and handlings through it, unless one is set already.
     */
    void backToHis(java.nio.file.Path directory) {
        if (values.his().isPresent()) {
            return;
        }
        if (channels.find(HIS_CHANNEL).isEmpty()) {
            book.save(HIS_CHANNEL, """
                    {"code": "%s", "name": "危急值确认/处理 → HIS",
                     "source": {"type": "CHANNEL", "dataType": "HL7V2"},
                     "destinations": [{"name": "his", "type": "FILE", "directory": "%s", "file": "${controlId}.hl7"}]}"""
                    .formatted(HIS_CHANNEL, directory.toString().replace("\\", "/")), "demo");
        }
        values.saveHis(HIS_CHANNEL, HisMessage.DEFAULT_TYPE, clock.instant(), "demo");
    }

    /** Whether demo values were seeded already: seeding again adds nothing. */
    boolean seeded() {
        return jdbc.sql("select count(*) from integration_critical_values where channel = 'demo'").query(Long.class)
                .single() > 0;
    }

    /** Contacts of a department: notify target names, possibly unknown (then nobody is notified). */
    void contacts(String department, String clinicianTarget, String headTarget, int minutes, Instant at) {
        values.saveDepartment(new CriticalValues.Department(department, clinicianTarget, headTarget, minutes, null), at);
    }

    @Transactional
    void seed(List<Seed> seeds) {
        long message = -1_000_000;
        for (Seed s : seeds) {
            Finding f = new Finding("1", new Finding.Patient(s.patientId(), s.patientName()),
                    new Finding.Item(s.itemCode(), s.itemName()), s.value(), s.unit(), s.range(), s.flag(),
                    new Finding.Reporter("检验科", "李检验"), s.at(),
                    new Finding.Orderer(s.department(), s.ward(), s.clinician(), null));
            long id = values.insert(message--, "demo", f, s.at(), s.at().plus(Duration.ofMinutes(10))).orElseThrow();
            values.event(id, "REPORTED", s.at(), null, s.itemName() + " " + s.value() + " " + s.unit() + " " + s.flag());
            values.delivered(id, s.at().plusSeconds(5));
            values.event(id, "DELIVERED", s.at().plusSeconds(5), null, s.ward());
            if (s.ackAfter() != null) {
                Instant ack = s.at().plus(Duration.ofMinutes(s.ackAfter()));
                values.acknowledge(id, CriticalValue.Status.DELIVERED, s.clinician(), ack, ack.plus(Duration.ofMinutes(30)));
                values.event(id, "ACKNOWLEDGED", ack, s.clinician(), null);
            } else if (s.at().plus(Duration.ofMinutes(10)).isBefore(clock.instant())) {
                jdbc.sql("update integration_critical_values set escalation_level = 1, next_escalation_at = :next where id = :id")
                        .param("id", id).param("next", Timestamp.from(s.at().plus(Duration.ofMinutes(20)))).update();
                values.event(id, "ESCALATED_HEAD", s.at().plus(Duration.ofMinutes(10)), null, s.department() + "主任");
            }
            if (s.handleAfter() != null) {
                Instant handled = s.at().plus(Duration.ofMinutes(s.handleAfter()));
                values.handle(id, s.clinician(), s.action(), null, handled);
                values.event(id, "HANDLED", handled, s.clinician(), s.action());
            }
            if (s.closeAfter() != null) {
                Instant closed = s.at().plus(Duration.ofMinutes(s.closeAfter()));
                values.close(id, s.clinician(), closed);
                values.event(id, "CLOSED", closed, s.clinician(), null);
            }
        }
    }
}
