package org.medops.publication.topics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;
import org.medops.publication.codes.Code;
import org.medops.publication.codes.CodeTables;
import org.medops.publication.permissions.CanApprovePublication;
import org.medops.publication.permissions.CanReadPublication;
import org.medops.publication.permissions.CanWritePublication;
import org.medops.publication.topics.TopicViews.DraftView;
import org.medops.publication.topics.TopicViews.RecordView;
import org.medops.publication.topics.TopicViews.VersionView;
import org.medops.shared.ConsoleActions;
import org.medops.shared.FilterText;
import org.medops.shared.ListPage;
import org.medops.shared.ListRequest;
import org.medops.shared.ProblemException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 数据发布: the topics' lists, a record's page (published state, open draft with its diff, history), review. */
@Controller
class TopicController {

    private final TopicDrafts drafts;
    private final CodeTables codes;

    TopicController(TopicDrafts drafts, CodeTables codes) {
        this.drafts = drafts;
        this.codes = codes;
    }

    @CanReadPublication
    @GetMapping("/publication")
    String records(@RequestParam(defaultValue = "departments") String topic, @RequestParam(required = false) String q,
                   @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                   @RequestParam(required = false) String sort, HttpServletRequest http, Model model) {
        Topic t = Topic.ofPath(topic);
        ListPage<RecordView> list;
        try {
            ListRequest request = ListRequest.of(page, size, sort, TopicApi.SORT);
            String text = FilterText.orNull(q);
            list = ListPage.of(drafts.live(t, text, request.sort().ascending(), request.offset(), request.size())
                    .stream().map(r -> RecordView.of(r, drafts.pending(t, r.key()).isPresent())).toList(),
                    drafts.countLive(t, text), request, http);
        } catch (ProblemException e) {
            model.addAttribute("problem", e);
            list = ListPage.empty(TopicApi.SORT, http);
        }
        model.addAttribute("topics", Arrays.asList(Topic.values()));
        model.addAttribute("topic", t);
        model.addAttribute("page", list);
        model.addAttribute("pendingCount", drafts.countPending(null));
        return "publication/records";
    }

    @CanReadPublication
    @GetMapping("/publication/open")
    String open(@RequestParam String topic, @RequestParam String key) {
        Topic t = Topic.ofPath(topic);
        if (!key.strip().matches(Topic.KEY_PATTERN)) {
            throw ProblemException.invalid("publication-key-invalid");
        }
        String k = key.strip();
        boolean exists = drafts.published(t, k).isPresent() || drafts.pending(t, k).isPresent();
        return exists ? "redirect:/publication/" + t.path() + "/" + k
                : "redirect:/publication/" + t.path() + "/new?key=" + k;
    }

    /** A record not written yet: the same page with an empty form. */
    @CanWritePublication
    @GetMapping("/publication/{topic:departments|doctors|schedules}/new")
    String fresh(@PathVariable String topic, @RequestParam String key, Model model) {
        if (!key.matches(Topic.KEY_PATTERN)) {
            throw ProblemException.invalid("publication-key-invalid");
        }
        return page(Topic.ofPath(topic), key, model);
    }

    @CanReadPublication
    @GetMapping("/publication/drafts")
    String pending(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                   HttpServletRequest http, Model model) {
        ListRequest request = ListRequest.of(page, size, null, TopicApi.SORT);
        model.addAttribute("page", ListPage.of(drafts.pending(null, request.offset(), request.size()).stream()
                .map(d -> DraftView.of(d, drafts.diffOf(d))).toList(), drafts.countPending(null), request, http));
        return "publication/drafts";
    }

    @CanReadPublication
    @GetMapping("/publication/{topic:departments|doctors|schedules}/{key}")
    String record(@PathVariable String topic, @PathVariable String key, Model model) {
        Topic t = Topic.ofPath(topic);
        if (!key.matches(Topic.KEY_PATTERN)) {
            throw ProblemException.notFound("publication-record", topic + "/" + key);
        }
        if (drafts.published(t, key).isEmpty() && drafts.pending(t, key).isEmpty()) {
            throw ProblemException.notFound("publication-record", topic + "/" + key);
        }
        return page(t, key, model);
    }

    private String page(Topic t, String key, Model model) {
        RecordView published = drafts.published(t, key).map(r -> RecordView.of(r, false)).orElse(null);
        DraftView pending = drafts.pending(t, key).map(d -> DraftView.of(d, drafts.diffOf(d))).orElse(null);
        Map<String, String> form = pending != null && !pending.removal() ? pending.fields()
                : published != null ? published.fields() : Map.of();
        Map<String, List<Code>> tables = new LinkedHashMap<>();
        codes.tables().forEach(table -> tables.put(table, codes.of(table).stream().filter(Code::active).toList()));
        model.addAttribute("topic", t);
        model.addAttribute("key", key);
        model.addAttribute("fields", t.fields());
        model.addAttribute("published", published);
        model.addAttribute("pending", pending);
        model.addAttribute("form", form);
        model.addAttribute("codes", tables);
        model.addAttribute("history", drafts.history(t, key).stream().map(VersionView::of).toList());
        model.addAttribute("refused", drafts.draftsOf(t, key).stream()
                .filter(d -> d.status() == Draft.Status.REFUSED).map(d -> DraftView.of(d, List.of())).toList());
        return "publication/record";
    }

    @CanWritePublication
    @PostMapping("/publication/{topic:departments|doctors|schedules}/{key}")
    String write(Authentication caller, @PathVariable String topic, @PathVariable String key,
                 @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        Topic t = Topic.ofPath(topic);
        TreeMap<String, String> values = new TreeMap<>();
        for (TopicField field : t.fields()) {
            String value = form.getFirst(field.name());
            if (value != null) {
                values.put(field.name(), value);
            }
        }
        String note = FilterText.orNull(form.getFirst("note"));
        boolean urgent = "true".equals(form.getFirst("urgent"));
        ConsoleActions.attempt(redirect, "publication.notice.saved", () -> drafts.write(t, key,
                Draft.Change.of(new TopicFields(values), urgent, note == null ? null
                        : note.substring(0, Math.min(note.length(), 1000))), caller.getName()));
        return redirect(t, key);
    }

    @CanWritePublication
    @PostMapping("/publication/{topic:departments|doctors|schedules}/{key}/rollback")
    String rollback(Authentication caller, @PathVariable String topic, @PathVariable String key,
                    @RequestParam long version, RedirectAttributes redirect) {
        Topic t = Topic.ofPath(topic);
        ConsoleActions.attempt(redirect, "publication.notice.rollback",
                () -> drafts.rollback(t, key, version, caller.getName()));
        return redirect(t, key);
    }

    @CanApprovePublication
    @PostMapping("/publication/{topic:departments|doctors|schedules}/{key}/approve")
    String approve(Authentication caller, @PathVariable String topic, @PathVariable String key,
                   RedirectAttributes redirect) {
        Topic t = Topic.ofPath(topic);
        ConsoleActions.attempt(redirect, "publication.notice.approved", () -> drafts.approve(t, key, caller.getName()));
        return redirect(t, key);
    }

    @CanApprovePublication
    @PostMapping("/publication/{topic:departments|doctors|schedules}/{key}/refuse")
    String refuse(Authentication caller, @PathVariable String topic, @PathVariable String key,
                  @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        Topic t = Topic.ofPath(topic);
        ConsoleActions.attempt(redirect, "publication.notice.refused",
                () -> drafts.refuse(t, key, caller.getName(), FilterText.orNull(reason)));
        return redirect(t, key);
    }

    private static String redirect(Topic topic, String key) {
        return "redirect:/publication/" + topic.path() + "/" + key;
    }
}
