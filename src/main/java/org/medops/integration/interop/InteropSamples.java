package org.medops.integration.interop;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.medops.settings.Settings;
import org.springframework.stereotype.Service;

/**
 * Sends a shipped sample through {@code HIPMessageServer} as a caller would (the console's and the API's test, the
 * demo): with a new message id, so a second send is not taken as a duplicate, and the current time as its
 * creation time. Stored and recorded as a call of its route like any other.
 */
@Service
public class InteropSamples {

    private static final Pattern FIRST_ID = Pattern.compile("(<id root=\"2\\.16\\.156\\.10011\\.2\\.5\\.1\\.1\" extension=\")[^\"]*\"");
    private static final Pattern CREATED = Pattern.compile("(<creationTime value=\")\\d+\"");
    private static final DateTimeFormatter HL7_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final InteropCatalogue catalogue;
    private final InteropService service;
    private final Clock clock;
    private final Settings settings;

    InteropSamples(InteropCatalogue catalogue, InteropService service, Clock clock,
                   Settings settings) {
        this.catalogue = catalogue;
        this.service = service;
        this.clock = clock;
        this.settings = settings;
    }

    /** The answer to the route's sample, or empty when the route has no sample. */
    public Optional<String> send(String route) {
        return catalogue.sample(route).map(s -> service.hip(route, fresh(s, clock, settings.current().zone()), null));
    }

    static String fresh(String sample) {
        return fresh(sample, Clock.systemUTC(), ZoneId.of("Asia/Shanghai"));
    }

    static String fresh(String sample, Clock clock, ZoneId zone) {
        String id = FIRST_ID.matcher(sample).replaceFirst("$1TEST-" + UUID.randomUUID().toString().substring(0, 13) + "\"");
        return CREATED.matcher(id).replaceFirst(Matcher.quoteReplacement("<creationTime value=\"")
                + HL7_TIME.format(clock.instant().atZone(zone)) + "\"");
    }
}
