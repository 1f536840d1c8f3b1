package org.medops.records.projects;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.medops.shared.ListRequest;
import org.medops.shared.ListSource;
import org.medops.shared.SortColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Optimisation projects with their milestones and extensions; the project list for the console and the API. */
@Repository
class Projects implements ListSource<Projects.Filter, Projects.Row> {

    static final SortColumns SORT = SortColumns.of("startedOn", false, "p.id", "startedOn", "p.started_on", "name",
            "p.name", "fee", "p.fee");

    /** @param overdue only projects with a milestone open past its due date as of {@code today} */
    record Filter(String text, boolean overdue, LocalDate today) {
    }

    /** A project in the list: its milestone in progress and when that is due. */
    record Row(long id, String name, List<String> systems, java.math.BigDecimal fee, LocalDate startedOn,
               MilestoneCode current, LocalDate currentDue, boolean overdue) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FROM = """
            from records_projects p
            left join lateral (select m.code, m.due_on from records_project_milestones m
                where m.project_id = p.id and m.completed_on is null
                order by array_position(array['RESEARCH_REPORT','PLAN','CONFIRMATION','DELIVERY','TEST_REPORT','ACCEPTANCE'],
                    m.code::text) limit 1) c on true
            where (cast(:text as varchar) is null or p.name ilike '%' || :text || '%')
              and (not :overdue or c.due_on < :today)""";

    private final JdbcClient jdbc;

    Projects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Row> rows(Filter filter, ListRequest.Sort sort, long offset, int limit) {
        return jdbc.sql("select p.id, p.name, p.systems, p.fee, p.started_on, c.code, c.due_on " + FROM
                        + " order by " + SORT.orderBy(sort) + " limit :limit offset :offset")
                .param("text", filter.text()).param("overdue", filter.overdue()).param("today", filter.today())
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> {
                    String code = rs.getString("code");
                    LocalDate due = date(rs, "due_on");
                    return new Row(rs.getLong("id"), rs.getString("name"), strings(rs.getString("systems")),
                            rs.getBigDecimal("fee"), date(rs, "started_on"), code == null ? null : MilestoneCode.valueOf(code),
                            due, due != null && due.isBefore(filter.today()));
                }).list();
    }

    @Override
    public long count(Filter filter) {
        return jdbc.sql("select count(*) " + FROM).param("text", filter.text()).param("overdue", filter.overdue())
                .param("today", filter.today()).query(Long.class).single();
    }

    /** Open milestones past their due date, over all projects: the workbench's number. */
    long overdueMilestones(LocalDate today) {
        return jdbc.sql("select count(*) from records_project_milestones where completed_on is null and due_on < :today")
                .param("today", today).query(Long.class).single();
    }

    List<Long> withOpenMilestones() {
        return jdbc.sql("select distinct project_id from records_project_milestones where completed_on is null and due_on is not null order by 1")
                .query(Long.class).list();
    }

    Project insert(Project project) {
        long id = jdbc.sql("""
                        insert into records_projects(name, systems, fee, started_on, scenarios, notify_targets, created_at, created_by)
                        values (:name, cast(:systems as jsonb), :fee, :startedOn, cast(:scenarios as jsonb),
                            cast(:targets as jsonb), :at, :by) returning id""")
                .param("name", project.name()).param("systems", JSON.writeValueAsString(project.systems()))
                .param("fee", project.fee()).param("startedOn", project.startedOn())
                .param("scenarios", JSON.writeValueAsString(project.scenarios()))
                .param("targets", JSON.writeValueAsString(project.notifyTargets()))
                .param("at", Timestamp.from(project.createdAt())).param("by", project.createdBy())
                .query(Long.class).single();
        Project stored = project.withId(id, List.of());
        saveMilestones(stored);
        return stored;
    }

    /** Saves the milestones and extensions of a project read with {@link #lock}. */
    Project save(Project project) {
        saveMilestones(project);
        List<Extension> stored = new ArrayList<>();
        for (Extension e : project.extensions()) {
            if (e.id() == 0) {
                long id = jdbc.sql("""
                                insert into records_project_extensions(project_id, working_days, reason, proposed_by,
                                    proposed_by_party, proposed_at)
                                values (:project, :days, :reason, :by, :party, :at) returning id""")
                        .param("project", project.id()).param("days", e.workingDays()).param("reason", e.reason())
                        .param("by", e.proposedBy()).param("party", e.party().name())
                        .param("at", Timestamp.from(e.proposedAt())).query(Long.class).single();
                stored.add(new Extension(id, e.workingDays(), e.reason(), e.proposedBy(), e.party(), e.proposedAt(),
                        null, null));
            } else {
                jdbc.sql("update records_project_extensions set agreed_by = :by, agreed_at = :at where id = :id")
                        .param("by", e.agreedBy()).param("at", e.agreedAt() == null ? null : Timestamp.from(e.agreedAt()))
                        .param("id", e.id()).update();
                stored.add(e);
            }
        }
        return project.withId(project.id(), stored);
    }

    private void saveMilestones(Project project) {
        for (Milestone m : project.milestones()) {
            Milestone.Document d = m.document();
            jdbc.sql("""
                            insert into records_project_milestones(project_id, code, due_on, completed_on, completed_by,
                                file_name, content_type, content, covered)
                            values (:project, :code, :due, :completed, :by, :file, :type, :content, cast(:covered as jsonb))
                            on conflict (project_id, code) do update set due_on = excluded.due_on,
                                completed_on = excluded.completed_on, completed_by = excluded.completed_by,
                                file_name = excluded.file_name, content_type = excluded.content_type,
                                content = excluded.content, covered = excluded.covered""")
                    .param("project", project.id()).param("code", m.code().name()).param("due", m.due())
                    .param("completed", m.completedOn()).param("by", m.completedBy())
                    .param("file", d == null ? null : d.fileName()).param("type", d == null ? null : d.contentType())
                    .param("content", d == null ? null : d.content())
                    .param("covered", JSON.writeValueAsString(m.covered())).update();
        }
    }

    Optional<Project> find(long id) {
        return read(id, "");
    }

    Optional<Project> lock(long id) {
        return read(id, " for update");
    }

    private Optional<Project> read(long id, String lock) {
        return jdbc.sql("select * from records_projects where id = :id" + lock).param("id", id)
                .query((rs, n) -> new Project(rs.getLong("id"), rs.getString("name"), strings(rs.getString("systems")),
                        rs.getBigDecimal("fee"), date(rs, "started_on"), strings(rs.getString("scenarios")),
                        JSON.readValue(rs.getString("notify_targets"), new TypeReference<List<Long>>() { }),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), milestones(id),
                        extensions(id)))
                .optional();
    }

    private List<Milestone> milestones(long id) {
        List<Milestone> rows = new ArrayList<>(jdbc.sql("select * from records_project_milestones where project_id = :id")
                .param("id", id).query(this::milestone).list());
        rows.sort(java.util.Comparator.comparing(Milestone::code));
        return rows;
    }

    private Milestone milestone(ResultSet rs, int n) throws SQLException {
        byte[] content = rs.getBytes("content");
        return new Milestone(MilestoneCode.valueOf(rs.getString("code")), date(rs, "due_on"), date(rs, "completed_on"),
                rs.getString("completed_by"), content == null ? null
                : new Milestone.Document(rs.getString("file_name"), rs.getString("content_type"), content),
                rs.getString("covered") == null ? List.of() : strings(rs.getString("covered")));
    }

    private List<Extension> extensions(long id) {
        return jdbc.sql("select * from records_project_extensions where project_id = :id order by id").param("id", id)
                .query((rs, n) -> new Extension(rs.getLong("id"), rs.getInt("working_days"), rs.getString("reason"),
                        rs.getString("proposed_by"), Party.valueOf(rs.getString("proposed_by_party")),
                        rs.getTimestamp("proposed_at").toInstant(), rs.getString("agreed_by"),
                        instant(rs, "agreed_at"))).list();
    }

    /** Completed milestones that carry a document, dated in the window: what the archive collects. */
    record Handed(long projectId, String projectName, List<String> systems, MilestoneCode code, LocalDate completedOn,
                  String completedBy, String fileName, String contentType, byte[] content) {
    }

    List<Handed> documents(LocalDate from, LocalDate until) {
        return jdbc.sql("""
                        select p.id, p.name, p.systems, m.code, m.completed_on, m.completed_by, m.file_name, m.content_type,
                            m.content
                        from records_project_milestones m join records_projects p on p.id = m.project_id
                        where m.content is not null and m.completed_on >= :from and m.completed_on < :until
                        order by p.id, m.completed_on""")
                .param("from", from).param("until", until)
                .query((rs, n) -> new Handed(rs.getLong("id"), rs.getString("name"), strings(rs.getString("systems")),
                        MilestoneCode.valueOf(rs.getString("code")), date(rs, "completed_on"), rs.getString("completed_by"),
                        rs.getString("file_name"), rs.getString("content_type"), rs.getBytes("content"))).list();
    }

    /** Marks a reminder as sent for this due date; false when another node (or an earlier tick) sent it. */
    boolean markReminded(long projectId, MilestoneCode code, LocalDate due) {
        return jdbc.sql("""
                        update records_project_milestones set reminded_due = :due
                        where project_id = :project and code = :code and reminded_due is distinct from :due""")
                .param("due", due).param("project", projectId).param("code", code.name()).update() == 1;
    }

    boolean markOverdueNoticed(long projectId, MilestoneCode code, LocalDate due) {
        return jdbc.sql("""
                        update records_project_milestones set overdue_noticed = :due
                        where project_id = :project and code = :code and overdue_noticed is distinct from :due""")
                .param("due", due).param("project", projectId).param("code", code.name()).update() == 1;
    }

    private static List<String> strings(String json) {
        return JSON.readValue(json, new TypeReference<List<String>>() { });
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
