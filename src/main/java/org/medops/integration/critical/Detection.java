package org.medops.integration.critical;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.medops.integration.hl7.Hl7Message;
import org.medops.integration.hl7.Hl7Rejected;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the critical results in a message. An HL7 ORU result (OBX) is critical when its abnormal flag (OBX-8) is
 * one of {@code flags} (HH, LL, AA by default; {@code >} and {@code <} panic flags where a LIS uses them), or when a
 * rule for its item (OBX-3.1) has bounds its numeric value falls outside. A JSON message is a 危急值 topic message:
 * every result in it is critical (shape in {@code docs/integration.md}).
 */
final class Detection {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter HL7_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

    /** An item's bounds: a numeric value below {@code low} or above {@code high} is critical. */
    record Rule(String itemCode, BigDecimal low, BigDecimal high) {

        /** HH or LL when outside the bounds, else empty; a value that is not a number is never outside. */
        Optional<String> outside(String value) {
            BigDecimal number = number(value);
            if (number == null) {
                return Optional.empty();
            }
            if (low != null && number.compareTo(low) < 0) {
                return Optional.of("LL");
            }
            if (high != null && number.compareTo(high) > 0) {
                return Optional.of("HH");
            }
            return Optional.empty();
        }

        private static BigDecimal number(String value) {
            if (value == null) {
                return null;
            }
            try {
                return new BigDecimal(value.strip().replaceFirst("^[<>]=?", ""));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    private final Set<String> flags;
    private final Map<String, Rule> rules;
    private final ZoneId zone;

    Detection(Set<String> flags, Map<String, Rule> rules, ZoneId zone) {
        this.flags = flags.stream().map(f -> f.strip().toUpperCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
        this.rules = rules;
        this.zone = zone;
    }

    /** The critical results of a message: HL7 v2 when it starts with MSH, else a JSON 危急值 message. */
    List<Finding> findings(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        String start = raw.stripLeading();
        if (start.startsWith("MSH")) {
            try {
                return hl7(Hl7Message.parse(raw));
            } catch (Hl7Rejected e) {
                return List.of();
            }
        }
        if (start.startsWith("{")) {
            return json(JSON.readTree(raw));
        }
        return List.of();
    }

    List<Finding> hl7(Hl7Message m) {
        long results = m.segmentIds().stream().filter("OBX"::equals).count();
        if (results == 0) {
            return List.of();
        }
        Finding.Patient patient = new Finding.Patient(v(m, "PID-3.1"), name(v(m, "PID-5.1"), v(m, "PID-5.2")));
        Finding.Orderer orderer = new Finding.Orderer(
                first(v(m, "ORC-17.2"), v(m, "ORC-17.1"), v(m, "PV1-10"), v(m, "PV1-3.1")),
                v(m, "PV1-3.1"),
                first(name(v(m, "ORC-12.2"), v(m, "ORC-12.3")), name(v(m, "OBR-16.2"), v(m, "OBR-16.3")),
                        name(v(m, "PV1-7.2"), v(m, "PV1-7.3"))),
                first(v(m, "ORC-12.1"), v(m, "OBR-16.1"), v(m, "PV1-7.1")));
        String reportingDepartment = first(v(m, "OBR-24"), v(m, "MSH-4.1"), v(m, "MSH-3.1"));
        Instant reportTime = time(first(v(m, "OBR-22"), v(m, "MSH-7")));
        List<Finding> found = new ArrayList<>();
        for (int i = 1; i <= results; i++) {
            String at = "OBX[" + i + "]";
            String code = v(m, at + "-3.1");
            String value = v(m, at + "-5");
            String flag = Optional.ofNullable(v(m, at + "-8")).map(f -> f.strip().toUpperCase(Locale.ROOT)).orElse(null);
            Rule rule = code == null ? null : rules.get(code);
            String critical = flag != null && flags.contains(flag) ? flag
                    : rule == null ? null : rule.outside(value).orElse(null);
            if (critical == null) {
                continue;
            }
            String setId = first(v(m, at + "-1"), String.valueOf(i));
            Instant observed = time(v(m, at + "-14"));
            found.add(new Finding(setId, patient, new Finding.Item(code == null ? "?" : code, v(m, at + "-3.2")), value,
                    v(m, at + "-6.1"), v(m, at + "-7"), critical,
                    new Finding.Reporter(reportingDepartment,
                            first(name(v(m, at + "-16.2"), v(m, at + "-16.3")), v(m, at + "-16.1"), v(m, "OBR-32.1"))),
                    first(reportTime, observed), orderer));
        }
        return found;
    }

    /**
     * A 危急值 topic message: one result, or {@code results} with several; fields missing in a result are taken
     * from the message ({@code patient}, {@code orderer}, {@code reporter}, {@code reportedAt}).
     */
    List<Finding> json(JsonNode root) {
        if (root == null || !root.isObject()) {
            return List.of();
        }
        List<JsonNode> results = new ArrayList<>();
        if (root.get("results") != null && root.get("results").isArray()) {
            root.get("results").forEach(results::add);
        } else {
            results.add(root);
        }
        List<Finding> found = new ArrayList<>();
        int n = 0;
        for (JsonNode r : results) {
            n++;
            String code = first(text(r, "item", "code"), text(r, "itemCode"));
            if (code == null) {
                continue;
            }
            found.add(new Finding(first(text(r, "setId"), String.valueOf(n)),
                    new Finding.Patient(first(text(r, "patient", "id"), text(root, "patient", "id")),
                            first(text(r, "patient", "name"), text(root, "patient", "name"))),
                    new Finding.Item(code, first(text(r, "item", "name"), text(r, "itemName"))), text(r, "value"),
                    text(r, "unit"), text(r, "referenceRange"), first(text(r, "flag"), "AA"),
                    new Finding.Reporter(first(text(r, "reporter", "department"), text(root, "reporter", "department")),
                            first(text(r, "reporter", "name"), text(root, "reporter", "name"))),
                    instant(first(text(r, "reportedAt"), text(root, "reportedAt"))),
                    new Finding.Orderer(first(text(r, "orderer", "department"), text(root, "orderer", "department")),
                            first(text(r, "orderer", "ward"), text(root, "orderer", "ward")),
                            first(text(r, "orderer", "clinician"), text(root, "orderer", "clinician")),
                            first(text(r, "orderer", "clinicianId"), text(root, "orderer", "clinicianId")))));
        }
        return found;
    }

    private static String v(Hl7Message m, String path) {
        return m.value(path).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
    }

    private static String text(JsonNode node, String... path) {
        JsonNode at = node;
        for (String part : path) {
            at = at == null ? null : at.get(part);
        }
        return at == null || at.isNull() || at.isContainer() || at.asString().isBlank() ? null : at.asString().strip();
    }

    private static String name(String family, String given) {
        if (family == null) {
            return given;
        }
        return given == null ? family : family + given;
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private Instant time(String hl7) {
        if (hl7 == null) {
            return null;
        }
        String digits = hl7.replaceFirst("[+-]\\d{4}$", "");
        try {
            String seconds = digits.length() == 12 ? digits + "00" : digits.length() > 14 ? digits.substring(0, 14) : digits;
            return LocalDateTime.parse(seconds, HL7_TIME).atZone(zone).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Instant instant(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(iso).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
