package org.medops.publication.topics;

import static org.medops.publication.topics.DataClass.INTERNAL;
import static org.medops.publication.topics.DataClass.PERSONAL;
import static org.medops.publication.topics.DataClass.PUBLIC;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.medops.publication.codes.CodeTables;
import org.medops.publication.topics.TopicField.Kind;
import org.medops.shared.ProblemException;

/** The published topics and their fields. */
public enum Topic {
    DEPARTMENT("departments"),
    DOCTOR("doctors"),
    SCHEDULE("schedules");

    /** Department codes, work numbers and schedule keys: letters, digits, dot, dash, underscore. */
    public static final String KEY_PATTERN = "[0-9A-Za-z_.-]{1,64}";

    private final String path;

    Topic(String path) {
        this.path = path;
    }

    /** As in the API's and the gateway's paths: {@code departments}, {@code doctors}, {@code schedules}. */
    public String path() {
        return path;
    }

    public static Topic ofPath(String path) {
        return find(path).orElseThrow(() -> ProblemException.notFound("publication-topic", path));
    }

    public static Optional<Topic> find(String path) {
        return Arrays.stream(values()).filter(t -> t.path.equals(path)).findFirst();
    }

    public List<TopicField> fields() {
        return switch (this) {
            case DEPARTMENT -> List.of(
                    TopicField.text("name", PUBLIC, true, 100),
                    TopicField.reference("parent", DEPARTMENT, false, false),
                    TopicField.text("campus", PUBLIC, false, 100),
                    TopicField.text("location", PUBLIC, false, 200),
                    TopicField.code("category", CodeTables.DEPARTMENT_CATEGORY, true),
                    TopicField.text("introduction", PUBLIC, false, 4000),
                    TopicField.text("director", PUBLIC, false, 50),
                    TopicField.of("phone", PUBLIC, Kind.PHONE, false),
                    TopicField.text("scope", PUBLIC, false, 1000),
                    TopicField.of("beds", INTERNAL, Kind.NUMBER, false),
                    TopicField.text("openingHours", PUBLIC, false, 200),
                    TopicField.choice("status", true, "OPEN", "MERGED", "CLOSED"),
                    TopicField.of("statusSince", PUBLIC, Kind.DATE, false));
            case DOCTOR -> List.of(
                    TopicField.text("name", PUBLIC, true, 50),
                    TopicField.code("sex", CodeTables.SEX, true),
                    TopicField.reference("departments", DEPARTMENT, true, true),
                    TopicField.code("title", CodeTables.TITLE, true),
                    TopicField.text("education", PUBLIC, false, 50),
                    TopicField.text("specialties", PUBLIC, false, 1000),
                    TopicField.text("introduction", PUBLIC, false, 4000),
                    TopicField.of("officePhone", INTERNAL, Kind.PHONE, false),
                    TopicField.of("mobile", PERSONAL, Kind.PHONE, false),
                    TopicField.choice("status", true, "ACTIVE", "LEAVE", "LEFT"));
            case SCHEDULE -> List.of(
                    TopicField.reference("doctor", DOCTOR, false, true),
                    TopicField.reference("department", DEPARTMENT, false, true),
                    TopicField.of("date", PUBLIC, Kind.DATE, true),
                    TopicField.choice("period", true, "AM", "PM", "NIGHT"),
                    TopicField.choice("clinicType", true, "GENERAL", "EXPERT", "SPECIAL"),
                    TopicField.of("quota", PUBLIC, Kind.NUMBER, true),
                    TopicField.of("fee", PUBLIC, Kind.NUMBER, false),
                    TopicField.choice("status", true, "OPEN", "CANCELLED"),
                    TopicField.text("cancelReason", PUBLIC, false, 200));
        };
    }

    public Optional<TopicField> field(String name) {
        return fields().stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The fields a subscription may ask for: all but the personal ones. */
    public List<String> publishableFields() {
        return fields().stream().filter(f -> f.dataClass().publishable()).map(TopicField::name).toList();
    }

    /** The record's key as its fields name it, for schedules (doctor, date, period); null where the key is chosen. */
    String derivedKey(TopicFields fields) {
        if (this != SCHEDULE || fields.get("doctor") == null || fields.get("date") == null
                || fields.get("period") == null) {
            return null;
        }
        return fields.get("doctor") + "-" + fields.get("date").replace("-", "") + "-" + fields.get("period");
    }

    /** The field a list shows as the record's title. */
    public String titleField() {
        return this == SCHEDULE ? "date" : "name";
    }
}
