package org.medops.publication.subscriptions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.medops.publication.topics.Topic;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The subscriptions and their usage records. */
@Repository
class Subscriptions {

    private final JdbcClient jdbc;

    Subscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Subscription save(Subscription s) {
        MapSqlParameterSource columns = new MapSqlParameterSource()
                .addValue("status", s.status().name()).addValue("approved", String.join(",", s.approvedFields()))
                .addValue("decidedBy", s.decidedBy()).addValue("decidedAt", ts(s.decidedAt()))
                .addValue("note", s.decisionNote()).addValue("changedBy", s.changedBy())
                .addValue("changedAt", ts(s.changedAt()));
        if (s.id() == null) {
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("""
                            insert into publication_subscriptions(channel_code, topic, purpose, requested_fields,
                                approved_fields, webhook_url, applicant, applied_at, status, decided_by, decided_at,
                                decision_note, changed_by, changed_at)
                            values (:channel, :topic, :purpose, :requested, :approved, :webhook, :applicant, :appliedAt,
                                :status, :decidedBy, :decidedAt, :note, :changedBy, :changedAt)""")
                    .paramSource(columns.addValue("channel", s.channelCode())
                            .addValue("topic", s.application().topic().name())
                            .addValue("purpose", s.application().purpose())
                            .addValue("requested", String.join(",", s.application().fields()))
                            .addValue("webhook", s.application().webhookUrl()).addValue("applicant", s.applicant())
                            .addValue("appliedAt", ts(s.appliedAt())))
                    .update(keys, "id");
            return find(keys.getKey().longValue()).orElseThrow();
        }
        jdbc.sql("""
                        update publication_subscriptions set status = :status, approved_fields = :approved,
                            decided_by = :decidedBy, decided_at = :decidedAt, decision_note = :note,
                            changed_by = :changedBy, changed_at = :changedAt
                        where id = :id""")
                .paramSource(columns.addValue("id", s.id())).update();
        return find(s.id()).orElseThrow();
    }

    Optional<Subscription> find(long id) {
        return jdbc.sql("select * from publication_subscriptions where id = :id").param("id", id).query(this::map)
                .optional();
    }

    Optional<Subscription> findForUpdate(long id) {
        return jdbc.sql("select * from publication_subscriptions where id = :id for update").param("id", id)
                .query(this::map).optional();
    }

    boolean liveExists(String channel, Topic topic) {
        return jdbc.sql("""
                        select exists (select 1 from publication_subscriptions where channel_code = :channel
                            and topic = :topic and status in ('REQUESTED', 'APPROVED', 'SUSPENDED'))""")
                .param("channel", channel).param("topic", topic.name()).query(Boolean.class).single();
    }

    Optional<Subscription> approved(String channel, Topic topic) {
        return jdbc.sql("""
                        select * from publication_subscriptions where channel_code = :channel and topic = :topic
                          and status = 'APPROVED'""")
                .param("channel", channel).param("topic", topic.name()).query(this::map).optional();
    }

    List<Subscription> approvedWithWebhook(Topic topic) {
        return jdbc.sql("""
                        select * from publication_subscriptions where topic = :topic and status = 'APPROVED'
                          and webhook_url is not null order by id""")
                .param("topic", topic.name()).query(this::map).list();
    }

    /** Newest first; {@code channel} null for all channels, {@code status} null for every state. */
    List<Subscription> list(String channel, Subscription.Status status, long offset, int limit) {
        return jdbc.sql("""
                        select * from publication_subscriptions
                        where (cast(:channel as varchar) is null or channel_code = :channel)
                          and (cast(:status as varchar) is null or status = :status)
                        order by id desc offset :offset limit :limit""")
                .param("channel", channel).param("status", status == null ? null : status.name())
                .param("offset", offset).param("limit", limit).query(this::map).list();
    }

    long count(String channel, Subscription.Status status) {
        return jdbc.sql("""
                        select count(*) from publication_subscriptions
                        where (cast(:channel as varchar) is null or channel_code = :channel)
                          and (cast(:status as varchar) is null or status = :status)""")
                .param("channel", channel).param("status", status == null ? null : status.name())
                .query(Long.class).single();
    }

    void record(Usage usage) {
        jdbc.sql("""
                        insert into publication_usage(subscription_id, kind, since_version, up_to_version, records, at)
                        values (:subscription, :kind, :since, :upTo, :records, :at)""")
                .param("subscription", usage.subscriptionId()).param("kind", usage.kind().name())
                .param("since", usage.sinceVersion()).param("upTo", usage.upToVersion())
                .param("records", usage.records()).param("at", ts(usage.at())).update();
    }

    List<Usage> usage(long subscription, int limit) {
        return jdbc.sql("select * from publication_usage where subscription_id = :id order by at desc, id desc limit :limit")
                .param("id", subscription).param("limit", limit)
                .query((rs, row) -> {
                    long since = rs.getLong("since_version");
                    Long sinceVersion = rs.wasNull() ? null : since;
                    return new Usage(rs.getLong("subscription_id"), Usage.Kind.valueOf(rs.getString("kind")),
                            sinceVersion, rs.getLong("up_to_version"), rs.getInt("records"),
                            rs.getTimestamp("at").toInstant());
                }).list();
    }

    /** Reads and pushes, and the records they carried, per subscription. */
    record Totals(long reads, long pushes, long records) {
    }

    Totals totals(long subscription) {
        return jdbc.sql("""
                        select count(*) filter (where kind = 'READ') as reads, count(*) filter (where kind = 'PUSH') as pushes,
                               coalesce(sum(records), 0) as records
                        from publication_usage where subscription_id = :id""")
                .param("id", subscription).query(Totals.class).single();
    }

    private Subscription map(ResultSet rs, int row) throws SQLException {
        Topic topic = Topic.valueOf(rs.getString("topic"));
        return new Subscription(rs.getLong("id"), rs.getString("channel_code"),
                new Subscription.Application(topic, rs.getString("purpose"), split(rs.getString("requested_fields")),
                        rs.getString("webhook_url")),
                rs.getString("applicant"), rs.getTimestamp("applied_at").toInstant(),
                Subscription.Status.valueOf(rs.getString("status")), split(rs.getString("approved_fields")),
                rs.getString("decided_by"), instant(rs, "decided_at"), rs.getString("decision_note"),
                rs.getString("changed_by"), instant(rs, "changed_at"));
    }

    private static List<String> split(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.split(","));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
