package org.medops.integration.devices;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.medops.shared.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A channel marked as a device interface: the device (name, maker, model), the hospital system its data goes to
 * (an ops-desk system code such as LIS or PACS), the keys its messages are searched by (an HL7 path such as
 * {@code OBR-3.1}, or a dotted path of the data type's JSON form such as {@code rows[0].样本号} for a column of a
 * delimited file), the paths of patient identifiers (masked without {@code integration:data}) and the
 * responsibility list.
 */
public record DeviceInterface(String channel, String deviceName, String maker, String model, String system,
                              List<SearchKey> searchKeys, List<String> patientPaths,
                              List<Responsibility> responsibilities, Instant updatedAt, String updatedBy) {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern PATH = Pattern.compile("[^\\s]{1,200}");

    public DeviceInterface {
        searchKeys = searchKeys == null ? List.of() : List.copyOf(searchKeys);
        patientPaths = patientPaths == null ? List.of() : List.copyOf(patientPaths);
        responsibilities = responsibilities == null ? List.of() : List.copyOf(responsibilities);
    }

    /** A search key: its name as the page labels it ({@code sample}, {@code barcode}) and where its value is. */
    public record SearchKey(String name, String path) {
    }

    /** Who answers for one kind of failure. */
    public record Responsibility(FailureKind failure, ResponsibleParty party, String note) {
    }

    /** What a client sends to mark a channel (PUT): everything but the channel code and the stamp. */
    public record Marking(String deviceName, String maker, String model, String system, List<SearchKey> searchKeys,
                          List<String> patientPaths, List<Responsibility> responsibilities) {

        /** The marking checked; every problem is named at once (400 {@code integration-device-invalid}). */
        DeviceInterface checked(String channel, Instant at, String by) {
            List<String> problems = new ArrayList<>();
            if (blank(deviceName) || deviceName.length() > 200) {
                problems.add("integration-device-name");
            }
            if (maker != null && maker.length() > 200 || model != null && model.length() > 200) {
                problems.add("integration-device-maker");
            }
            if (blank(system) || system.length() > 32) {
                problems.add("integration-device-system");
            }
            List<SearchKey> keys = searchKeys == null ? List.of() : searchKeys;
            if (keys.size() > 10 || keys.stream().anyMatch(k -> k == null || blank(k.name()) || k.name().length() > 32
                    || k.path() == null || !PATH.matcher(k.path()).matches())) {
                problems.add("integration-device-keys");
            }
            List<String> paths = patientPaths == null ? List.of() : patientPaths;
            if (paths.size() > 20 || paths.stream().anyMatch(p -> p == null || !PATH.matcher(p).matches())) {
                problems.add("integration-device-patient-paths");
            }
            List<Responsibility> duties = responsibilities == null ? List.of() : responsibilities;
            if (duties.stream().anyMatch(r -> r == null || r.failure() == null || r.party() == null
                    || r.note() != null && r.note().length() > 500)
                    || duties.stream().map(Responsibility::failure).distinct().count() != duties.size()) {
                problems.add("integration-device-responsibilities");
            }
            if (!problems.isEmpty()) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "integration-device-invalid", problems, channel);
            }
            return new DeviceInterface(channel, deviceName.strip(), trimmed(maker), trimmed(model), system.strip(), keys,
                    paths, duties, at, by);
        }
    }

    /** The party the responsibility list names for a failure. */
    public Optional<Responsibility> responsibleFor(FailureKind failure) {
        return responsibilities.stream().filter(r -> r.failure() == failure).findFirst();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String trimmed(String text) {
        return blank(text) ? null : text.strip();
    }
}
