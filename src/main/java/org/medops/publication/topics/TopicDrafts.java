package org.medops.publication.topics;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing, approving, refusing and rolling back drafts of topic records. Approval takes the next version under the
 * counter's lock, records the field-level diff against the published state and announces {@link TopicPublished}.
 */
@Service
public class TopicDrafts {

    private final Drafts drafts;
    private final Publications published;
    private final FieldRules rules;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TopicDrafts(Drafts drafts, Publications published, FieldRules rules, ApplicationEventPublisher events, Clock clock) {
        this.drafts = drafts;
        this.published = published;
        this.rules = rules;
        this.events = events;
        this.clock = clock;
    }

    /** Writes (or rewrites one's own) draft; bad fields are refused with a reason per field. */
    @Transactional
    public Draft write(Topic topic, String key, Draft.Change change, String author) {
        return write(topic, key, change, author, Set.of());
    }

    /** As {@link #write(Topic, String, Draft.Change, String)}, with keys an import is adding at the same time. */
    @Transactional
    public Draft write(Topic topic, String key, Draft.Change change, String author, Set<String> alsoKnown) {
        if (!change.removal()) {
            List<String> problems = rules.problems(topic, key, change.fields(), alsoKnown);
            if (!problems.isEmpty()) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "publication-fields-invalid", problems,
                        String.join(", ", problems));
            }
        }
        Optional<PublishedRecord> current = published.find(topic, key);
        if (change.removal() && current.filter(r -> !r.removed()).isEmpty()) {
            throw ProblemException.notFound("publication-record", topic.path() + "/" + key);
        }
        TopicFields before = current.filter(r -> !r.removed()).map(PublishedRecord::fields).orElse(TopicFields.empty());
        if (!change.removal() && change.rollbackOf() == null && current.filter(r -> !r.removed()).isPresent()
                && change.fields().diffFrom(before).isEmpty()) {
            throw ProblemException.conflict("publication-draft-unchanged");
        }
        Optional<Draft> open = drafts.pendingForUpdate(topic, key);
        Draft draft;
        if (open.isPresent()) {
            draft = open.get();
            draft.rewrite(author, change, clock.instant());
        } else {
            draft = Draft.written(topic, key, change, current.map(PublishedRecord::version).orElse(null), author,
                    clock.instant());
        }
        Draft saved = drafts.save(draft);
        List<FieldChange> audit = new ArrayList<>(TopicAudit.of(change.removal() ? List.of()
                : change.fields().diffFrom(before)));
        audit.add(FieldChange.set("draft", saved.id()));
        if (change.removal()) {
            audit.add(FieldChange.set("removal", true));
        }
        events.publishEvent(TopicAudit.of("publication.draft.write", topic, key, audit));
        return saved;
    }

    @Transactional
    public Draft remove(Topic topic, String key, String author, String note) {
        return write(topic, key, new Draft.Change(TopicFields.empty(), true, false, note, null), author);
    }

    /** A draft whose fields are those of an earlier version: a rollback is reviewed like any change. */
    @Transactional
    public Draft rollback(Topic topic, String key, long toVersion, String author) {
        PublishedVersion target = published.version(toVersion)
                .filter(v -> v.topic() == topic && v.key().equals(key) && !v.removed())
                .orElseThrow(() -> ProblemException.notFound("publication-version", toVersion));
        return write(topic, key, new Draft.Change(target.fields(), false, false, null, toVersion), author);
    }

    /** Publishes the open draft of the record; returns the version it got. */
    @Transactional
    public PublishedVersion approve(Topic topic, String key, String approver) {
        Draft draft = drafts.pendingForUpdate(topic, key)
                .orElseThrow(() -> ProblemException.notFound("publication-draft", topic.path() + "/" + key));
        if (draft.author().equals(approver) && !draft.urgentCancellation()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "publication-self-approval");
        }
        long version = published.nextVersion();
        draft.approve(approver, version, clock.instant());
        TopicFields before = published.find(topic, key).filter(r -> !r.removed()).map(PublishedRecord::fields)
                .orElse(TopicFields.empty());
        TopicFields after = draft.removal() ? before : draft.fields();
        List<FieldDiff> changes = draft.removal() ? List.of() : after.diffFrom(before);
        PublishedVersion publication = new PublishedVersion(version, topic, key, after, draft.removal(), changes,
                draft.id(), draft.author(), approver, draft.urgent(), draft.rollbackOf(), clock.instant());
        published.publish(publication);
        drafts.save(draft);
        List<FieldChange> audit = new ArrayList<>(TopicAudit.of(changes));
        audit.add(FieldChange.set("version", version));
        audit.add(FieldChange.set("author", draft.author()));
        events.publishEvent(TopicAudit.of(draft.author().equals(approver) ? "publication.draft.urgent-publish"
                : "publication.draft.approve", topic, key, audit));
        events.publishEvent(new TopicPublished(version, topic, key, draft.removal()));
        return publication;
    }

    @Transactional
    public Draft refuse(Topic topic, String key, String by, String reason) {
        Draft draft = drafts.pendingForUpdate(topic, key)
                .orElseThrow(() -> ProblemException.notFound("publication-draft", topic.path() + "/" + key));
        draft.refuse(by, reason, clock.instant());
        Draft saved = drafts.save(draft);
        events.publishEvent(TopicAudit.of("publication.draft.refuse", topic, key,
                List.of(FieldChange.set("draft", saved.id()), FieldChange.set("reason", saved.decisionReason()))));
        return saved;
    }

    @Transactional
    public Draft withdraw(Topic topic, String key, String by) {
        Draft draft = drafts.pendingForUpdate(topic, key)
                .orElseThrow(() -> ProblemException.notFound("publication-draft", topic.path() + "/" + key));
        draft.withdraw(by, clock.instant());
        Draft saved = drafts.save(draft);
        events.publishEvent(TopicAudit.of("publication.draft.withdraw", topic, key,
                List.of(FieldChange.set("draft", saved.id()))));
        return saved;
    }

    public Optional<Draft> pending(Topic topic, String key) {
        return drafts.pending(topic, key);
    }

    public List<Draft> pending(Topic topic, long offset, int limit) {
        return drafts.pending(topic, offset, limit);
    }

    public long countPending(Topic topic) {
        return drafts.countPending(topic);
    }

    public List<Draft> draftsOf(Topic topic, String key) {
        return drafts.ofRecord(topic, key);
    }

    public Optional<PublishedRecord> published(Topic topic, String key) {
        return published.find(topic, key);
    }

    public List<PublishedVersion> history(Topic topic, String key) {
        return published.history(topic, key);
    }

    /** The diff a draft would publish now. */
    public List<FieldDiff> diffOf(Draft draft) {
        TopicFields before = published.find(draft.topic(), draft.key()).filter(r -> !r.removed())
                .map(PublishedRecord::fields).orElse(TopicFields.empty());
        return draft.removal() ? before.diffFrom(before) : draft.fields().diffFrom(before);
    }

    /** The fields problems of a record without writing it (an import's preview). */
    public List<String> problems(Topic topic, String key, TopicFields fields, Set<String> alsoKnown) {
        return rules.problems(topic, key, fields, alsoKnown);
    }

    public List<PublishedRecord> live(Topic topic, String text, boolean ascending, long offset, int limit) {
        return published.live(topic, text, ascending, offset, limit);
    }

    public long countLive(Topic topic, String text) {
        return published.countLive(topic, text);
    }
}
