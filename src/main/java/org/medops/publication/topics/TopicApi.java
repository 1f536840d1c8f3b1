package org.medops.publication.topics;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.medops.publication.permissions.CanApprovePublication;
import org.medops.publication.permissions.CanReadPublication;
import org.medops.publication.permissions.CanWritePublication;
import org.medops.publication.topics.TopicViews.Approved;
import org.medops.publication.topics.TopicViews.DraftView;
import org.medops.publication.topics.TopicViews.History;
import org.medops.publication.topics.TopicViews.RecordDetail;
import org.medops.publication.topics.TopicViews.RecordView;
import org.medops.publication.topics.TopicViews.VersionView;
import org.medops.shared.FilterText;
import org.medops.shared.ListPage;
import org.medops.shared.ListRequest;
import org.medops.shared.ProblemException;
import org.medops.shared.SortColumns;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Topic data over the API: {@code PUT /api/v1/publication/departments/{code}} writes a draft with the record's
 * fields, {@code POST …/approve} by another person publishes it and answers its version, {@code POST …/refuse} with a
 * reason turns it down. Same for {@code doctors/{workNumber}} and {@code schedules/{doctor-yyyyMMdd-period}}.
 */
@RestController
@RequestMapping("/api/v1/publication")
class TopicApi {

    static final String TOPIC = "{topic:departments|doctors|schedules}";
    static final SortColumns SORT = SortColumns.of("key", true, "record_key", "key", "record_key");

    private final TopicDrafts drafts;

    TopicApi(TopicDrafts drafts) {
        this.drafts = drafts;
    }

    record Refusal(@NotBlank @Size(max = 1000) String reason) {
    }

    record Rollback(@NotNull Long version) {
    }

    @CanReadPublication
    @GetMapping("/" + TOPIC)
    ListPage<RecordView> list(@PathVariable String topic, @RequestParam(required = false) String q,
                              @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                              @RequestParam(required = false) String sort, HttpServletRequest http) {
        Topic t = Topic.ofPath(topic);
        ListRequest request = ListRequest.of(page, size, sort, SORT);
        String text = FilterText.orNull(q);
        List<RecordView> rows = drafts.live(t, text, request.sort().ascending(), request.offset(), request.size())
                .stream().map(r -> RecordView.of(r, drafts.pending(t, r.key()).isPresent())).toList();
        return ListPage.of(rows, drafts.countLive(t, text), request, http);
    }

    @CanReadPublication
    @GetMapping("/" + TOPIC + "/{key}")
    RecordDetail get(@PathVariable String topic, @PathVariable String key) {
        Topic t = Topic.ofPath(topic);
        RecordView published = drafts.published(t, key).map(r -> RecordView.of(r, false)).orElse(null);
        DraftView pending = drafts.pending(t, key).map(d -> DraftView.of(d, drafts.diffOf(d))).orElse(null);
        if (published == null && pending == null) {
            throw ProblemException.notFound("publication-record", topic + "/" + key);
        }
        return new RecordDetail(topic, key, published, pending);
    }

    @CanReadPublication
    @GetMapping("/" + TOPIC + "/{key}/history")
    History history(@PathVariable String topic, @PathVariable String key) {
        Topic t = Topic.ofPath(topic);
        History history = new History(drafts.history(t, key).stream().map(VersionView::of).toList(),
                drafts.draftsOf(t, key).stream().map(d -> DraftView.of(d, List.of())).toList());
        if (history.versions().isEmpty() && history.drafts().isEmpty()) {
            throw ProblemException.notFound("publication-record", topic + "/" + key);
        }
        return history;
    }

    @CanReadPublication
    @GetMapping("/drafts")
    ListPage<DraftView> pending(@RequestParam(required = false) String topic, @RequestParam(required = false) Integer page,
                                @RequestParam(required = false) Integer size, HttpServletRequest http) {
        Topic t = topic == null || topic.isBlank() ? null : Topic.ofPath(topic);
        ListRequest request = ListRequest.of(page, size, null, SORT);
        return ListPage.of(drafts.pending(t, request.offset(), request.size()).stream()
                .map(d -> DraftView.of(d, drafts.diffOf(d))).toList(), drafts.countPending(t), request, http);
    }

    /** The body is the record's fields by name; {@code urgent} and {@code note} say how the draft is meant. */
    @CanWritePublication
    @PutMapping("/" + TOPIC + "/{key}")
    DraftView write(Authentication caller, @PathVariable String topic, @PathVariable String key,
                    @RequestBody JsonNode body) {
        Topic t = Topic.ofPath(topic);
        if (body == null || !body.isObject()) {
            throw ProblemException.invalid("publication-body-invalid");
        }
        TreeMap<String, String> values = new TreeMap<>();
        boolean urgent = false;
        String note = null;
        for (Map.Entry<String, JsonNode> entry : body.properties()) {
            JsonNode value = entry.getValue();
            switch (entry.getKey()) {
                case "urgent" -> urgent = value.asBoolean(false);
                case "note" -> note = value.isNull() ? null : value.asString();
                default -> values.put(entry.getKey(), text(entry.getKey(), value));
            }
        }
        if (note != null && note.length() > 1000) {
            throw ProblemException.invalid("publication-note-too-long");
        }
        Draft draft = drafts.write(t, key, Draft.Change.of(new TopicFields(values), urgent, note), caller.getName());
        return DraftView.of(draft, drafts.diffOf(draft));
    }

    @CanWritePublication
    @DeleteMapping("/" + TOPIC + "/{key}")
    DraftView remove(Authentication caller, @PathVariable String topic, @PathVariable String key) {
        Draft draft = drafts.remove(Topic.ofPath(topic), key, caller.getName(), null);
        return DraftView.of(draft, List.of());
    }

    @CanWritePublication
    @PostMapping("/" + TOPIC + "/{key}/rollback")
    DraftView rollback(Authentication caller, @PathVariable String topic, @PathVariable String key,
                       @Valid @RequestBody Rollback rollback) {
        Draft draft = drafts.rollback(Topic.ofPath(topic), key, rollback.version(), caller.getName());
        return DraftView.of(draft, drafts.diffOf(draft));
    }

    @CanWritePublication
    @PostMapping("/" + TOPIC + "/{key}/withdraw")
    DraftView withdraw(Authentication caller, @PathVariable String topic, @PathVariable String key) {
        return DraftView.of(drafts.withdraw(Topic.ofPath(topic), key, caller.getName()), List.of());
    }

    @CanApprovePublication
    @PostMapping("/" + TOPIC + "/{key}/approve")
    Approved approve(Authentication caller, @PathVariable String topic, @PathVariable String key) {
        return Approved.of(drafts.approve(Topic.ofPath(topic), key, caller.getName()));
    }

    @CanApprovePublication
    @PostMapping("/" + TOPIC + "/{key}/refuse")
    DraftView refuse(Authentication caller, @PathVariable String topic, @PathVariable String key,
                     @Valid @RequestBody Refusal refusal) {
        return DraftView.of(drafts.refuse(Topic.ofPath(topic), key, caller.getName(), refusal.reason()), List.of());
    }

    private static String text(String field, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            StringBuilder joined = new StringBuilder();
            for (JsonNode item : value) {
                if (!item.isValueNode()) {
                    throw ProblemException.invalid("publication-field-shape", field);
                }
                joined.append(joined.isEmpty() ? "" : ",").append(item.asString());
            }
            return joined.toString();
        }
        if (!value.isValueNode()) {
            throw ProblemException.invalid("publication-field-shape", field);
        }
        return value.asString();
    }
}
