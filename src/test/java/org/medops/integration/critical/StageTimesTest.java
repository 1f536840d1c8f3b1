package org.medops.integration.critical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medops.shared.ProblemException;

class StageTimesTest {

    static final Instant T = Instant.parse("2026-11-30T17:00:00Z"); // 2026-12-01 01:00 in Shanghai

    static CriticalValue value(long id, String department, Instant created, Long ackMinutes, Long closeMinutes,
                               CriticalValue.Status status) {
        Instant ack = ackMinutes == null ? null : created.plus(Duration.ofMinutes(ackMinutes));
        Instant closed = closeMinutes == null ? null : created.plus(Duration.ofMinutes(closeMinutes));
        return new CriticalValue(id, id, "1", "lis", "P1", "张三", "K", "血钾", "6.9", "mmol/L", "3.5-5.5", "HH", "检验科",
                "李", created, department, "W1", "王", "d1", status, created, created, ack, ack == null ? null : "doc",
                closed, closed == null ? null : "doc", closed == null ? null : "处理", null, closed,
                closed == null ? null : "doc", 0, created.plus(Duration.ofMinutes(10)), 0, null, null, null, null);
    }

    @Nested
    class Report {

        @Test
        void mediansP90AndSharesPerDepartmentAndMonthInTheHospitalsZone() {
            List<CriticalValue> values = List.of(
                    value(1, "心内科", T, 2L, 30L, CriticalValue.Status.CLOSED),
                    value(2, "心内科", T, 4L, 40L, CriticalValue.Status.CLOSED),
                    value(3, "心内科", T, 8L, null, CriticalValue.Status.ACKNOWLEDGED),
                    value(4, "心内科", T, 20L, null, CriticalValue.Status.ACKNOWLEDGED),
                    value(5, "心内科", T, null, null, CriticalValue.Status.DELIVERED),
                    value(6, "急诊科", T.minus(Duration.ofHours(2)), 40L, null, CriticalValue.Status.ACKNOWLEDGED));
            List<StageTimes.Row> rows = StageTimes.of(values, ZoneId.of("Asia/Shanghai"));
            assertThat(rows).extracting(StageTimes.Row::month, StageTimes.Row::department)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-12", "心内科"),
                            org.assertj.core.groups.Tuple.tuple("2026-11", "急诊科"));
            StageTimes.Row cardiology = rows.get(0);
            assertThat(cardiology.count()).isEqualTo(5);
            assertThat(cardiology.acknowledged()).isEqualTo(4);
            assertThat(cardiology.ackMedian()).isEqualTo(6.0);
            assertThat(cardiology.ackP90()).isEqualTo(20.0);
            assertThat(cardiology.within10()).isEqualTo(60.0);
            assertThat(cardiology.within30()).isEqualTo(80.0);
            assertThat(cardiology.closeMedian()).isEqualTo(35.0);
            assertThat(rows.get(1).within10()).isEqualTo(0.0);
            assertThat(rows.get(1).within30()).isEqualTo(0.0);
        }

        @Test
        void nearestRankPercentileAndEmptyLists() {
            assertThat(StageTimes.percentile(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0), 90)).isEqualTo(9.0);
            assertThat(StageTimes.percentile(List.of(7.0), 90)).isEqualTo(7.0);
            assertThat(StageTimes.median(List.of())).isNull();
            assertThat(StageTimes.percentile(List.of(), 90)).isNull();
        }
    }

    @Nested
    class Stages {

        @Test
        void stepsOutOfOrderAreConflicts() {
            CriticalValue delivered = value(1, "心内科", T, null, null, CriticalValue.Status.DELIVERED);
            assertThat(delivered.acknowledge()).isEqualTo(CriticalValue.Status.DELIVERED);
            assertThatThrownBy(delivered::handle).isInstanceOf(ProblemException.class)
                    .hasMessageContaining("critical-value-not-acknowledged");
            assertThatThrownBy(delivered::close).isInstanceOf(ProblemException.class)
                    .hasMessageContaining("critical-value-not-handled");
            CriticalValue acknowledged = value(2, "心内科", T, 2L, null, CriticalValue.Status.ACKNOWLEDGED);
            assertThatThrownBy(acknowledged::acknowledge).isInstanceOf(ProblemException.class)
                    .hasMessageContaining("critical-value-acknowledged-already");
        }

        @Test
        void overdueOnlyWhileUnacknowledgedPastTheLimit() {
            CriticalValue open = value(1, "心内科", T, null, null, CriticalValue.Status.DELIVERED);
            assertThat(open.overdue(T.plus(Duration.ofMinutes(11)), Duration.ofMinutes(10))).isTrue();
            assertThat(open.overdue(T.plus(Duration.ofMinutes(9)), Duration.ofMinutes(10))).isFalse();
            CriticalValue acknowledged = value(2, "心内科", T, 2L, null, CriticalValue.Status.ACKNOWLEDGED);
            assertThat(acknowledged.overdue(T.plus(Duration.ofHours(1)), Duration.ofMinutes(10))).isFalse();
        }

        @Test
        void masksKeepTheFirstAndLastCharacter() {
            assertThat(CriticalValue.mask("张三丰")).isEqualTo("张**");
            assertThat(CriticalValue.mask("P10023456")).isEqualTo("P*******6");
            assertThat(CriticalValue.mask("王")).isEqualTo("*");
        }
    }
}
