package org.medops.publication.topics;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.medops.publication.codes.CodeTables;
import org.springframework.stereotype.Component;

/**
 * Checks a record's fields against its topic: required fields, lengths, numbers, dates, phones, codes of the code
 * tables, choices and references to other records. Each problem names the field, e.g. {@code category:code-unknown}.
 */
@Component
class FieldRules {

    private final CodeTables codes;
    private final Publications published;
    private final Drafts drafts;

    FieldRules(CodeTables codes, Publications published, Drafts drafts) {
        this.codes = codes;
        this.published = published;
        this.drafts = drafts;
    }

    /**
     * @param alsoKnown keys that exist for references though not yet stored (earlier rows of the same import),
     *                  as {@code topic/key}
     */
    List<String> problems(Topic topic, String key, TopicFields fields, Set<String> alsoKnown) {
        List<String> problems = new ArrayList<>();
        if (key == null || !key.matches(Topic.KEY_PATTERN)) {
            problems.add("key:invalid");
        }
        for (String name : fields.values().keySet()) {
            if (topic.field(name).isEmpty()) {
                problems.add(name + ":unknown");
            }
        }
        for (TopicField field : topic.fields()) {
            String value = fields.get(field.name());
            if (value == null) {
                if (field.required()) {
                    problems.add(field.name() + ":required");
                }
                continue;
            }
            String problem = check(field, value, alsoKnown);
            if (problem != null) {
                problems.add(field.name() + ":" + problem);
            }
        }
        String derived = topic.derivedKey(fields);
        if (derived != null && !derived.equals(key)) {
            problems.add("key:mismatch");
        }
        if (topic == Topic.DEPARTMENT && key != null && key.equals(fields.get("parent"))) {
            problems.add("parent:self");
        }
        if (topic == Topic.SCHEDULE && "CANCELLED".equals(fields.get("status")) && fields.get("cancelReason") == null) {
            problems.add("cancelReason:required");
        }
        return problems;
    }

    private String check(TopicField field, String value, Set<String> alsoKnown) {
        if (value.length() > field.max()) {
            return "too-long";
        }
        return switch (field.kind()) {
            case TEXT -> null;
            case NUMBER -> value.matches("\\d{1,9}(\\.\\d{1,2})?") ? null : "number-invalid";
            case DATE -> date(value) ? null : "date-invalid";
            case PHONE -> value.matches("[0-9+\\-() ]{5,20}") ? null : "phone-invalid";
            case CODE -> codes.accepts(field.codeTable(), value) ? null : "code-unknown";
            case CHOICE -> field.values().contains(value) ? null : "choice-invalid";
            case REFERENCE -> exists(field.refers(), value, alsoKnown) ? null : "reference-unknown";
            case REFERENCES -> List.of(value.split("[,，]")).stream().map(String::strip)
                    .allMatch(v -> exists(field.refers(), v, alsoKnown)) ? null : "reference-unknown";
        };
    }

    private boolean exists(Topic topic, String key, Set<String> alsoKnown) {
        return alsoKnown.contains(topic.path() + "/" + key)
                || published.find(topic, key).filter(r -> !r.removed()).isPresent()
                || drafts.pendingExists(topic, key);
    }

    private static boolean date(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
