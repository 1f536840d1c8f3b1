package org.medops.records.projects;

import java.time.LocalDate;
import java.util.Locale;

import org.medops.notify.Message;
import org.medops.notify.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds the project's notifier targets on the working day before a milestone is due, and once more when it is
 * overdue. Each reminder is marked as sent for that due date before it goes out, so several console nodes and a moved
 * due date (a new reminder) behave.
 */
@Component
@ConditionalOnExpression("'${medops.roles:console,gateway,integration}'.contains('console')")
class ProjectReminders {

    private static final Logger log = LoggerFactory.getLogger(ProjectReminders.class);

    private final Projects projects;
    private final ProjectDesk desk;
    private final Notifications notifications;
    private final MessageSource messages;

    ProjectReminders(Projects projects, ProjectDesk desk, Notifications notifications, MessageSource messages) {
        this.projects = projects;
        this.desk = desk;
        this.notifications = notifications;
        this.messages = messages;
    }

    @Scheduled(fixedDelayString = "${medops.records.projects.reminder-interval:15m}",
            initialDelayString = "${medops.records.projects.reminder-interval:15m}")
    void run() {
        LocalDate today = desk.today();
        WorkingDays days = desk.days();
        for (long id : projects.withOpenMilestones()) {
            try {
                remind(id, today, days);
            } catch (RuntimeException e) {
                log.warn("Project reminders skipped project {} this round: {}", id, e.toString());
            }
        }
    }

    /** Sends what is due for one project today; returns how many messages went out. */
    int remind(long id, LocalDate today, WorkingDays days) {
        Project project = projects.find(id).orElse(null);
        if (project == null || project.notifyTargets().isEmpty() || project.current() == null
                || project.current().due() == null) {
            return 0;
        }
        Milestone m = project.current();
        String milestone = text("records.milestone." + m.code());
        if (m.overdue(today)) {
            if (!projects.markOverdueNoticed(id, m.code(), m.due())) {
                return 0;
            }
            notifications.send(project.notifyTargets(), new Message(text("records.reminder.overdue.title", project.name(),
                    milestone), text("records.reminder.overdue.text", project.name(), milestone, m.due().toString(),
                    String.valueOf(m.late(today, days)), text("records.party." + m.code().party())), "WARNING",
                    "project:" + id));
            return 1;
        }
        if (!today.isBefore(days.before(m.due())) && projects.markReminded(id, m.code(), m.due())) {
            notifications.send(project.notifyTargets(), new Message(text("records.reminder.due.title", project.name(),
                    milestone), text("records.reminder.due.text", project.name(), milestone, m.due().toString(),
                    text("records.party." + m.code().party())), "INFO", "project:" + id));
            return 1;
        }
        return 0;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
    }
}
