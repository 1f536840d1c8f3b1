package org.medops.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.medops.shared.FieldChange;
import org.medops.shared.InAppNotice;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dormant accounts (长期未使用账户): no sign-in for {@code medops.identity.dormant-after} (90 days by default) disables
 * the account, ends its tokens, records it in the audit trail and tells the system administrators in-app. Service
 * accounts are exempt: their keys expire by themselves.
 */
@Component
class DormantAccounts {

    private final Users users;
    private final ApiTokens tokens;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;
    private final Duration dormantAfter;

    DormantAccounts(Users users, ApiTokens tokens, ApplicationEventPublisher events, MessageSource messages,
                    Clock clock, @Value("${medops.identity.dormant-after:90d}") Duration dormantAfter) {
        this.users = users;
        this.tokens = tokens;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
        this.dormantAfter = dormantAfter;
    }

    @Scheduled(fixedDelayString = "${medops.identity.dormant-sweep:1h}", initialDelayString = "${medops.identity.dormant-sweep:1h}")
    void sweep() {
        disableDormant();
    }

    /** Disables every account dormant at this moment; returns their usernames. */
    @Transactional
    List<String> disableDormant() {
        Instant now = clock.instant();
        Instant since = now.minus(dormantAfter);
        List<String> disabled = new ArrayList<>();
        List<User> administrators = users.holdersOf(Permission.USER_WRITE.code());
        for (User user : users.dormantSince(since)) {
            boolean lastAdministrator = administrators.size() == 1 && administrators.get(0).id().equals(user.id());
            if (!user.dormantSince(since) || lastAdministrator) {
                continue; // the last system administrator stays: nobody could enable anyone again
            }
            user.disable();
            users.save(user);
            tokens.revokeAll(user.id());
            events.publishEvent(IdentityAudit.ofUser("user.dormant-disable", user.username(), List.of(
                    FieldChange.of("enabled", true, false),
                    FieldChange.set("lastLoginAt", user.lastLoginAt() == null ? "-" : user.lastLoginAt().toString()),
                    FieldChange.set("dormantDays", dormantAfter.toDays()))));
            Object[] args = {user.displayName(), user.username(), dormantAfter.toDays()};
            for (User admin : administrators) {
                if (!admin.username().equals(user.username())) {
                    events.publishEvent(new InAppNotice(admin.username(),
                            messages.getMessage("signin.dormant.notice.title", args, Locale.SIMPLIFIED_CHINESE),
                            messages.getMessage("signin.dormant.notice.text", args, Locale.SIMPLIFIED_CHINESE),
                            "/users/" + user.username()));
                }
            }
            disabled.add(user.username());
        }
        return disabled;
    }
}
