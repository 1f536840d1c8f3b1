package org.medops.dataops.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medops.shared.ProblemException;

class ScriptTest {

    @Nested
    class Splitting {

        @Test
        void semicolonsInQuotesCommentsAndDollarQuotesDoNotEndAStatement() {
            assertThat(Script.split("""
                    update t set note = 'a; b' where id = 1; -- done; really
                    /* c; d */ delete from "odd;name" where x = 2;
                    create function f() returns int as $body$ select 1; $body$ language sql;;
                    """)).containsExactly("update t set note = 'a; b' where id = 1",
                    "delete from \"odd;name\" where x = 2", "create function f() returns int as $body$ select 1; $body$ language sql");
        }

        @Test
        void aDoubledQuoteStaysInsideTheString() {
            assertThat(Script.split("update t set a = 'it''s; fine' where b = 1")).hasSize(1);
        }
    }

    @Nested
    class Kinds {

        @Test
        void updateAndDeleteSelectTheRowsTheirWhereClauseMatches() {
            List<Script.Statement> s = Script.parse("""
                    UPDATE his.visits v SET state = 'DONE', note = 'where' WHERE v.state = 'STUCK' and id < 9;
                    delete from `print_queue` where job_state = 'FAILED';
                    update t set a = 1""", "statements").statements();
            assertThat(s).extracting(Script.Statement::kind).containsExactly(StatementKind.UPDATE, StatementKind.DELETE,
                    StatementKind.UPDATE);
            assertThat(s.get(0).rowsQuery()).isEqualTo("select * from his.visits v where v.state = 'STUCK' and id < 9");
            assertThat(s.get(1).rowsQuery()).isEqualTo("select * from `print_queue` where job_state = 'FAILED'");
            assertThat(s.get(2).rowsQuery()).as("no WHERE: every row").isEqualTo("select * from t");
        }

        @Test
        void ddlAndOtherStatementsAreNotPreviewable() {
            List<Script.Statement> s = Script.parse("alter table t add c int; insert into t values (1); select 1; "
                    + "update a join b on a.id = b.id set a.x = b.x", "statements").statements();
            assertThat(s).extracting(Script.Statement::kind).containsExactly(StatementKind.DDL, StatementKind.INSERT,
                    StatementKind.OTHER, StatementKind.UPDATE);
            assertThat(s.get(0).kind().previewable()).isFalse();
            assertThat(s.get(2).kind().previewable()).isFalse();
            assertThat(s.get(1).kind().previewable()).isTrue();
            assertThat(s.get(3).rowsQuery()).as("a joined update is not of the simple form").isNull();
        }

        @Test
        void transactionControlIsRefused() {
            for (String sql : List.of("begin; update t set a = 1", "update t set a = 1; commit", "SET autocommit = 1",
                    "start transaction", "rollback")) {
                assertThatThrownBy(() -> Script.parse(sql, "statements")).isInstanceOf(ProblemException.class)
                        .extracting(e -> ((ProblemException) e).code()).isEqualTo("dataops-transaction-control");
            }
        }

        @Test
        void emptyScriptsAreRefused() {
            assertThatThrownBy(() -> Script.parse(" -- nothing\n ; ", "statements"))
                    .extracting(e -> ((ProblemException) e).code()).isEqualTo("dataops-sql-required");
        }
    }

    @Nested
    class Masking {

        @Test
        void patientColumnsKeepTheirFirstAndLastCharacter() {
            assertThat(PatientColumns.MASK.row(List.of("visit_no", "patient_name", "id_card", "state"),
                    java.util.Arrays.asList("MZ1", "张三丰", "110101199001011234", null)))
                    .containsExactly("MZ1", "张*丰", "1******4", null);
            assertThat(PatientColumns.mask("王五")).isEqualTo("王*");
        }
    }
}
