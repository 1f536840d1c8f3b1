package org.medops.identity;

import java.util.List;

import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which accounts are remote vendor accounts (远程运维账号): hospitals give remote engineers separate accounts, and
 * the system administrator marks them. The remote-access module restricts what they may do outside a window.
 */
@Component
public class RemoteVendors {

    private final JdbcClient jdbc;
    private final Users users;
    private final ApplicationEventPublisher events;

    RemoteVendors(JdbcClient jdbc, Users users, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.users = users;
        this.events = events;
    }

    /** Read fresh on every call, so a change of the flag applies at the next request. */
    public boolean isRemoteVendor(String username) {
        return username != null && jdbc.sql("select exists (select 1 from users where username = :username "
                        + "and remote_vendor)")
                .param("username", User.normalize(username)).query(Boolean.class).single();
    }

    @Transactional
    void mark(String username, boolean remote) {
        User user = users.findByUsername(username).orElseThrow(() -> ProblemException.notFound("user", username));
        boolean before = user.remoteVendor();
        user.markRemoteVendor(remote);
        users.save(user);
        events.publishEvent(IdentityAudit.ofUser("user.remote-vendor", user.username(),
                List.of(FieldChange.of("remoteVendor", before, remote))));
    }
}
