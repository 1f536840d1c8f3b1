package org.medops.inspection.rounds;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.medops.inspection.permissions.CanReadInspection;
import org.medops.inspection.permissions.CanRunInspection;
import org.medops.shared.ListPage;
import org.medops.shared.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Rounds over REST: start one now (202, it runs in the background), the list, one round with its items. */
@RestController
@RequestMapping("/api/v1/inspection/rounds")
class RoundsApi {

    private final RoundRunner runner;
    private final RoundViews views;

    RoundsApi(RoundRunner runner, RoundViews views) {
        this.runner = runner;
        this.views = views;
    }

    /** {@code template} one of DAILY, QUARTERLY, DATABASE, BACKUP, or none for each target's full list;
     * {@code targets} the codes, or none for every active target. */
    record RoundRequest(String template, List<String> targets) {
    }

    record Started(long id) {
    }

    @PostMapping
    @CanRunInspection
    ResponseEntity<Started> start(@RequestBody(required = false) RoundRequest request, Authentication who) {
        RoundRequest r = request == null ? new RoundRequest(null, List.of()) : request;
        long id = runner.start(template(r.template()), r.targets() == null ? List.of() : r.targets(),
                RoundTrigger.MANUAL, null, who.getName());
        return ResponseEntity.accepted().header("Location", "/api/v1/inspection/rounds/" + id).body(new Started(id));
    }

    @GetMapping
    @CanReadInspection
    ListPage<Rounds.Row> list(RoundViews.RoundQuery query, HttpServletRequest http) {
        return views.page(query, http);
    }

    @GetMapping("/{id}")
    @CanReadInspection
    RoundViews.RoundView one(@PathVariable long id) {
        return views.round(id);
    }

    static Template template(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return Template.valueOf(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("inspection-template", code);
        }
    }
}
