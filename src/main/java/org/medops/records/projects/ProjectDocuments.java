package org.medops.records.projects;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.medops.identity.People;
import org.medops.opsdesk.HospitalZone;
import org.medops.records.ArchiveSource;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The milestone documents for the archive: research report, plan, the hospital's confirmation, delivery note, test
 * report and acceptance form, each dated on the day its milestone was completed. What the hospital owes or signs
 * off is archived as signed by whoever completed it.
 */
@Component
class ProjectDocuments implements ArchiveSource {

    private final Projects projects;
    private final HospitalZone zone;
    private final MessageSource messages;
    private final People people;

    ProjectDocuments(Projects projects, HospitalZone zone, MessageSource messages, People people) {
        this.projects = projects;
        this.zone = zone;
        this.messages = messages;
        this.people = people;
    }

    @Override
    public List<Document> documents(Instant from, Instant to) {
        ZoneId z = zone.get();
        LocalDate first = LocalDate.ofInstant(from, z);
        LocalDate until = LocalDate.ofInstant(to, z).plusDays(1);
        return projects.documents(first, until).stream()
                .filter(h -> {
                    Instant at = h.completedOn().atStartOfDay(z).toInstant();
                    return !at.isBefore(from) && at.isBefore(to);
                })
                .map(h -> new Document("project:" + h.projectId() + ":" + h.code().name(), h.code().documentType(),
                        h.systems().isEmpty() ? null : h.systems().get(0),
                        h.projectName() + " · " + messages.getMessage("records.milestone." + h.code(), null,
                                h.code().name(), java.util.Locale.SIMPLIFIED_CHINESE),
                        null, h.completedOn().atStartOfDay(z).toInstant(), people.name(h.completedBy()),
                        h.code().hospitalSigns() ? people.name(h.completedBy()) : null, h.fileName(), h.contentType(), h.content()))
                .toList();
    }
}
