package org.medops.opsdesk.sla;

import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SlaEscalations {

    private final JdbcClient jdbc;

    SlaEscalations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Escalation> all() {
        return jdbc.sql("select percent, audience, target_ids from sla_escalations order by percent")
                .query((rs, n) -> new Escalation(rs.getInt(1), rs.getString(2),
                        Arrays.asList((Long[]) rs.getArray(3).getArray()))).list();
    }

    void replace(List<Escalation> levels) {
        jdbc.sql("delete from sla_escalations").update();
        for (Escalation level : levels) {
            jdbc.sql("""
                            insert into sla_escalations(percent, audience, target_ids)
                            values (:percent, :audience, :targetIds::bigint[])""")
                    .param("percent", level.percent()).param("audience", level.audience())
                    .param("targetIds", level.targetIds().toArray(Long[]::new)).update();
        }
    }
}
