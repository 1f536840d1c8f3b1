package org.medops.records.versions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.medops.shared.FilterText;
import org.medops.shared.ListRequest;
import org.medops.shared.ListSource;
import org.medops.shared.SortColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Upgrades with their two documents, and the history of the hospital's decisions on them. */
@Repository
class Upgrades implements ListSource<Upgrades.Filter, Upgrades.UpgradeRow> {

    /** One step on a document: submitted, revised, agreed or sent back (with the reason). */
    record Decision(UpgradeDocument document, int revision, String decision, String byUser, String signerName,
                    String reason, Instant at) {
    }

    record UpgradeRow(long id, String title, String systemCode, String systemName, String fromVersion,
                      String targetVersion, UpgradeStatus status, DocumentState assessmentState,
                      DocumentState planState, long changeId, String createdBy, Instant createdAt) {
    }

    record Filter(String system, UpgradeStatus status, String text) {
    }

    static final SortColumns SORT = SortColumns.of("createdAt", false, "u.id",
            "id", "u.id",
            "title", "u.title",
            "system", "coalesce(y.name, u.system_code)",
            "targetVersion", "u.target_version",
            "status", "case u.status when 'PREPARING' then 0 when 'AGREED' then 1 when 'INSTALLED' then 2 else 3 end",
            "createdAt", "u.created_at");

    private static final String FROM = """
            from records_upgrades u left join opsdesk_systems y on y.code = u.system_code
            where (cast(:system as varchar) is null or u.system_code = :system)
              and (cast(:status as varchar) is null or u.status = :status)
              and (cast(:like as varchar) is null or u.title ilike :like or u.target_version ilike :like)
            """;

    private static final String SELECT = """
            select id, change_id, system_code, title, from_version, target_version, status, created_by, created_at,
                assessment_reason, assessment_risks, assessment_impact, assessment_revision, assessment_state,
                assessment_by, assessment_at, plan_steps, plan_rollback, plan_tests, plan_window, plan_revision,
                plan_state, plan_by, plan_at, completed_at, version_id
            from records_upgrades""";

    private final JdbcClient jdbc;

    Upgrades(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Upgrade u) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        bind(jdbc.sql("""
                insert into records_upgrades(change_id, system_code, title, from_version, target_version, status,
                    created_by, created_at, assessment_reason, assessment_risks, assessment_impact, assessment_revision,
                    assessment_state, assessment_by, assessment_at, plan_steps, plan_rollback, plan_tests, plan_window,
                    plan_revision, plan_state, plan_by, plan_at, completed_at, version_id)
                values (:changeId, :system, :title, :fromVersion, :targetVersion, :status, :createdBy, :createdAt,
                    :reason, :risks, :impact, :aRevision, :aState, :aBy, :aAt, :steps, :rollback, :tests, :window,
                    :pRevision, :pState, :pBy, :pAt, :completedAt, :versionId)"""), u).update(key, "id");
        return key.getKeyAs(Long.class);
    }

    void update(Upgrade u) {
        bind(jdbc.sql("""
                update records_upgrades set status = :status, assessment_reason = :reason, assessment_risks = :risks,
                    assessment_impact = :impact, assessment_revision = :aRevision, assessment_state = :aState,
                    assessment_by = :aBy, assessment_at = :aAt, plan_steps = :steps, plan_rollback = :rollback,
                    plan_tests = :tests, plan_window = :window, plan_revision = :pRevision, plan_state = :pState,
                    plan_by = :pBy, plan_at = :pAt, completed_at = :completedAt, version_id = :versionId
                where id = :id"""), u).param("id", u.id()).update();
    }

    Optional<Upgrade> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(Upgrades::map).optional();
    }

    Optional<Upgrade> lock(long id) {
        return jdbc.sql(SELECT + " where id = :id for update").param("id", id).query(Upgrades::map).optional();
    }

    Optional<Upgrade> forChange(long changeId) {
        return jdbc.sql(SELECT + " where change_id = :c for update").param("c", changeId).query(Upgrades::map)
                .optional();
    }

    List<Upgrade> ofSystem(String systemCode) {
        return jdbc.sql(SELECT + " where system_code = :s order by created_at desc, id desc").param("s", systemCode)
                .query(Upgrades::map).list();
    }

    /** Upgrades whose assessment or plan was last submitted or decided in {@code [from, to)}, for the archive. */
    List<Upgrade> documentsDated(Instant from, Instant to) {
        return jdbc.sql(SELECT + " " + """
                         where (assessment_at >= :from and assessment_at < :to) or (plan_at >= :from and plan_at < :to)
                         order by id""").param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(Upgrades::map).list();
    }

    boolean isEmpty() {
        return !jdbc.sql("select exists(select 1 from records_upgrades)").query(Boolean.class).single();
    }

    void decided(long upgradeId, UpgradeDocument document, int revision, String decision, String by, String signer,
                 String reason, Instant at) {
        jdbc.sql("""
                        insert into records_upgrade_decisions(upgrade_id, document, revision, decision, by_user,
                            signer_name, reason, at)
                        values (:u, :d, :r, :decision, :by, :signer, :reason, :at)""")
                .param("u", upgradeId).param("d", document.name()).param("r", revision).param("decision", decision)
                .param("by", by).param("signer", signer).param("reason", reason).param("at", Timestamp.from(at))
                .update();
    }

    List<Decision> decisions(long upgradeId) {
        return jdbc.sql("""
                        select document, revision, decision, by_user, signer_name, reason, at
                        from records_upgrade_decisions where upgrade_id = :u order by at, id""")
                .param("u", upgradeId).query(Decision.class).list();
    }

    /** Who agreed the document's current revision, as signed, or null. */
    Optional<String> signer(long upgradeId, UpgradeDocument document, int revision) {
        return jdbc.sql("""
                        select coalesce(signer_name, by_user) from records_upgrade_decisions
                        where upgrade_id = :u and document = :d and revision = :r and decision = 'AGREED'
                        order by at desc limit 1""")
                .param("u", upgradeId).param("d", document.name()).param("r", revision).query(String.class).optional();
    }

    @Override
    public List<UpgradeRow> rows(Filter filter, ListRequest.Sort sort, long offset, int limit) {
        return bind(jdbc.sql("""
                        select u.id, u.title, u.system_code, coalesce(y.name, u.system_code) as system_name,
                            u.from_version, u.target_version, u.status, u.assessment_state, u.plan_state, u.change_id,
                            u.created_by, u.created_at
                        """ + FROM + " order by " + SORT.orderBy(sort) + " offset :offset limit :limit"), filter)
                .param("offset", offset).param("limit", limit).query(UpgradeRow.class).list();
    }

    @Override
    public long count(Filter filter) {
        return bind(jdbc.sql("select count(*) " + FROM), filter).query(Long.class).single();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, Filter f) {
        return sql.param("system", FilterText.orNull(f.system()))
                .param("status", f.status() == null ? null : f.status().name())
                .param("like", FilterText.containing(f.text()));
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, Upgrade u) {
        return sql.param("changeId", u.changeId()).param("system", u.systemCode()).param("title", u.title())
                .param("fromVersion", u.fromVersion()).param("targetVersion", u.targetVersion())
                .param("status", u.status().name()).param("createdBy", u.createdBy())
                .param("createdAt", Timestamp.from(u.createdAt()))
                .param("reason", u.assessment().reason()).param("risks", u.assessment().risks())
                .param("impact", u.assessment().impact()).param("aRevision", u.assessmentReview().revision())
                .param("aState", u.assessmentReview().state().name()).param("aBy", u.assessmentReview().by())
                .param("aAt", Timestamp.from(u.assessmentReview().at()))
                .param("steps", u.plan().steps()).param("rollback", u.plan().rollback()).param("tests", u.plan().tests())
                .param("window", u.plan().window()).param("pRevision", u.planReview().revision())
                .param("pState", u.planReview().state().name()).param("pBy", u.planReview().by())
                .param("pAt", Timestamp.from(u.planReview().at()))
                .param("completedAt", u.completedAt() == null ? null : Timestamp.from(u.completedAt()))
                .param("versionId", u.versionId());
    }

    private static Upgrade map(ResultSet rs, int row) throws SQLException {
        return new Upgrade(rs.getLong("id"), rs.getLong("change_id"), rs.getString("system_code"), rs.getString("title"),
                rs.getString("from_version"), rs.getString("target_version"), UpgradeStatus.valueOf(rs.getString("status")),
                rs.getString("created_by"), instant(rs, "created_at"),
                new Assessment(rs.getString("assessment_reason"), rs.getString("assessment_risks"),
                        rs.getString("assessment_impact")),
                new Upgrade.Review(rs.getInt("assessment_revision"), DocumentState.valueOf(rs.getString("assessment_state")),
                        rs.getString("assessment_by"), instant(rs, "assessment_at")),
                new UpgradePlan(rs.getString("plan_steps"), rs.getString("plan_rollback"), rs.getString("plan_tests"),
                        rs.getString("plan_window")),
                new Upgrade.Review(rs.getInt("plan_revision"), DocumentState.valueOf(rs.getString("plan_state")),
                        rs.getString("plan_by"), instant(rs, "plan_at")),
                instant(rs, "completed_at"), rs.getObject("version_id") == null ? null : rs.getLong("version_id"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
