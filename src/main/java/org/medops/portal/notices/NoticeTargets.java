package org.medops.portal.notices;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notifier targets (see notify) the portal's notices go to, besides the in-app message. */
@Repository
class NoticeTargets {

    private final JdbcClient jdbc;

    NoticeTargets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Long> all() {
        return jdbc.sql("select target_id from portal_notify_targets order by target_id").query(Long.class).list();
    }

    void replace(List<Long> targetIds) {
        jdbc.sql("delete from portal_notify_targets").update();
        for (Long id : targetIds) {
            jdbc.sql("insert into portal_notify_targets(target_id) values (:target) on conflict do nothing")
                    .param("target", id).update();
        }
    }
}
