package org.medops.dataops.requests;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.medops.inspection.DatabaseTargets;
import org.medops.opsdesk.ChangeLookup;
import org.medops.opsdesk.ChangeSummary;
import org.medops.shared.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The data-operations demo: on the inspection demo's database target, a fix of stuck outpatient visits executed two
 * days ago (with its preview, review and before-images as recorded then) and a cleanup awaiting review with its
 * preview. The demo has no hospital database to run on, so both are recorded states, written directly and dated
 * relative to today: nothing runs at start, and a preview clicked in the demo only reports the missing HIS table.
 */
@Component
@ConditionalOnProperty(name = "medops.demo", havingValue = "true")
@Order(60)
class DataOpsDemo implements DemoData {

    /** The inspection demo's database target. */
    static final String TARGET = "medops-db";
    private static final Logger log = LoggerFactory.getLogger(DataOpsDemo.class);

    private final DataOperations operations;
    private final DatabaseTargets targets;
    private final ChangeLookup changes;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DataOpsDemo(DataOperations operations, DatabaseTargets targets, ChangeLookup changes, JdbcClient jdbc,
                TransactionTemplate transactions, Clock clock) {
        this.operations = operations;
        this.targets = targets;
        this.changes = changes;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "data operations";
    }

    @Override
    public void seed() {
        if (targets.find(TARGET).isEmpty()) {
            log.info("Demo: data operations not seeded, there is no database target {}", TARGET);
            return;
        }
        if (jdbc.sql("select count(*) from dataops_requests").query(Long.class).single() > 0) {
            return;
        }
        Long change = changes.forSystem("HIS", 5).stream().map(ChangeSummary::id).findFirst().orElse(null);
        DataOperation.Links links = new DataOperation.Links(change == null ? 1L : null, change);
        transactions.executeWithoutResult(status -> {
            executed(links);
            awaiting(links);
        });
    }

    private void executed(DataOperation.Links links) {
        Instant drafted = clock.instant().minus(Duration.ofDays(2)).minus(Duration.ofHours(3));
        String sql = "update his_outpatient_visit set visit_state = 'FINISHED'\nwhere visit_state = 'SETTLING' and settled_at < now() - interval '1 day'";
        String rollback = "update his_outpatient_visit set visit_state = 'SETTLING'\nwhere visit_no in ('MZ0011230001', 'MZ0011230002')";
        long id = operations.insert(TARGET, sql, rollback, "门诊结算后就诊状态停留在\"结算中\"，患者无法打印发票：修正为已完成",
                links, 2, null, "engineer", drafted);
        Run.BeforeImage before = new Run.BeforeImage(List.of("visit_no", "patient_name", "id_card_no", "visit_state"),
                List.of(List.of("MZ0011230001", "张晓明", "110101198803154512", "SETTLING"),
                        List.of("MZ0011230002", "李雪梅", "110105199207213326", "SETTLING")), false, null);
        Run.StatementResult result = new Run.StatementResult(1, sql, StatementKind.UPDATE, true, 2L, before, null);
        Instant previewed = drafted.plus(Duration.ofMinutes(4));
        Instant approved = drafted.plus(Duration.ofMinutes(40));
        Instant executedAt = drafted.plus(Duration.ofMinutes(55));
        Run preview = new Run(previewed, "engineer", 38, Run.Outcome.PREVIEWED, List.of(result), 2, null);
        Run execution = new Run(executedAt, "engineer", 41, Run.Outcome.COMMITTED, List.of(result), 2, null);
        DataOperation op = operations.find(id).orElseThrow();
        operations.save(new DataOperation(id, TARGET, sql, rollback, op.reason(), links, 2, Status.EXECUTED, null,
                op.requested(), preview, new DataOperation.Review("manager", approved, true, "已核对修改前数据与工单一致，同意执行"),
                new DataOperation.Act("engineer", executedAt), execution));
        operations.note(id, drafted, "drafted", "engineer", null);
        operations.note(id, previewed, "previewed", "engineer", "2");
        operations.note(id, approved, "approved", "manager", "已核对修改前数据与工单一致，同意执行");
        operations.note(id, executedAt, "executed", "engineer", "2");
    }

    private void awaiting(DataOperation.Links links) {
        Instant drafted = clock.instant().minus(Duration.ofHours(2));
        String sql = "delete from his_print_queue\nwhere job_state = 'FAILED' and created_at < now() - interval '30 days'";
        long id = operations.insert(TARGET, sql, null, "打印队列中积压的失败任务导致自助机打印变慢：清理 30 天前的失败任务",
                links, 3, null, "engineer", drafted);
        Run.BeforeImage before = new Run.BeforeImage(List.of("job_id", "patient_name", "job_state", "created_at"),
                List.of(List.of("88121", "王建国", "FAILED", daysBefore(drafted, 93, "08:14:55")),
                        List.of("88122", "赵敏", "FAILED", daysBefore(drafted, 93, "08:15:10")),
                        List.of("88317", "刘芳", "FAILED", daysBefore(drafted, 84, "10:02:37"))), false, null);
        Instant previewed = drafted.plus(Duration.ofMinutes(3));
        Run preview = new Run(previewed, "engineer", 27, Run.Outcome.PREVIEWED,
                List.of(new Run.StatementResult(1, sql, StatementKind.DELETE, true, 3L, before, null)), 3, null);
        DataOperation op = operations.find(id).orElseThrow();
        operations.save(op.previewed(preview));
        operations.note(id, drafted, "drafted", "engineer", null);
        operations.note(id, previewed, "previewed", "engineer", "3");
    }

    /** A timestamp as the HIS would print it, {@code days} before {@code at} in the hospital's zone. */
    private static String daysBefore(Instant at, int days, String time) {
        return at.atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate().minusDays(days) + " " + time;
    }
}
