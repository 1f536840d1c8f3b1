package org.medops.portal.notices;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.medops.identity.DeveloperAccounts;
import org.medops.notify.Message;
import org.medops.notify.Notifications;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells people what happened to applications and registrations: an in-app message written in the same
 * transaction as the step, and, once that commits, the notifier targets chosen for the portal (reviewers'
 * WeCom group, say) or an e-mail to the person concerned. Texts are in the platform's language (Chinese).
 */
@Service
public class PortalNotices {

    private final Inbox inbox;
    private final DeveloperAccounts people;
    private final Notifications notifications;
    private final MessageSource messages;
    private final NoticeTargets noticeTargets;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;

    PortalNotices(Inbox inbox, DeveloperAccounts people, Notifications notifications, MessageSource messages,
                  NoticeTargets noticeTargets, org.springframework.context.ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.inbox = inbox;
        this.people = people;
        this.notifications = notifications;
        this.messages = messages;
        this.noticeTargets = noticeTargets;
        this.clock = clock;
    }

    /** Everyone holding {@code permission}, and the portal's notifier targets. */
    public void toHolders(String permission, Notice notice) {
        for (DeveloperAccounts.Contact reviewer : people.holdersOf(permission)) {
            inbox.add(reviewer.username(), title(notice), text(notice), notice.link(), clock.instant());
        }
        List<Long> targets = targets();
        Message message = message(notice);
        afterCommit(() -> notifications.send(targets, message));
    }

    /** One person: in-app (a developer gets the portal's link), and by e-mail when their address is known. */
    public void toPerson(String username, Notice notice) {
        java.util.Optional<DeveloperAccounts.Contact> contact = people.contact(username);
        boolean developer = contact.map(c -> c.channelCode() != null).orElse(false);
        inbox.add(username, title(notice), text(notice), developer && notice.portalLink() != null
                ? notice.portalLink() : notice.link(), clock.instant());
        String email = contact.map(DeveloperAccounts.Contact::email).orElse(null);
        Message message = message(notice);
        afterCommit(() -> notifications.mail(email, message));
    }

    public List<Long> targets() {
        return noticeTargets.all();
    }

    @org.springframework.transaction.annotation.Transactional
    public void chooseTargets(List<Long> targetIds) {
        List<Long> before = targets();
        noticeTargets.replace(targetIds);
        events.publishEvent(new TargetsChosen(List.of(org.medops.shared.FieldChange.of("targets", before,
                targets()))));
    }

    record TargetsChosen(List<org.medops.shared.FieldChange> changes) implements org.medops.shared.AuditableEvent {
        @Override
        public String action() {
            return "portal.notify-targets";
        }

        @Override
        public String targetType() {
            return "portal";
        }

        @Override
        public String targetId() {
            return "notify-targets";
        }
    }

    /**
     * For the robots and e-mail: the arguments (names and words typed by registrants and applicants) lose
     * the characters markdown acts on, so nobody outside can put a link or a heading into a hospital group.
     */
    private Message message(Notice notice) {
        Object[] plain = java.util.Arrays.stream(notice.arguments())
                .map(a -> a instanceof String text ? text.replaceAll("[\\[\\]()<>*_`#~|!\\\\]", " ") : a).toArray();
        Notice safe = new Notice(notice.key(), notice.link(), notice.portalLink(), notice.reference(), plain);
        return new Message(title(safe), text(safe), "info", notice.reference());
    }

    private String title(Notice notice) {
        return messages.getMessage("notice." + notice.key() + ".title", notice.arguments(), Locale.SIMPLIFIED_CHINESE);
    }

    private String text(Notice notice) {
        return messages.getMessage("notice." + notice.key() + ".text", notice.arguments(), Locale.SIMPLIFIED_CHINESE);
    }

    /** Outside systems hear of a step only once it is committed; without a transaction, at once. */
    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    /**
     * A message by bundle key ({@code notice.<key>.title/.text}) with its arguments; the link into the
     * console, and into the portal for developers; the reference recorded with deliveries.
     */
    public record Notice(String key, String link, String portalLink, String reference, Object... arguments) {
    }
}
