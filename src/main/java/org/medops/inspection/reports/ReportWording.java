package org.medops.inspection.reports;

import java.util.Locale;

import org.medops.inspection.history.CheckFamily;
import org.medops.inspection.rounds.ItemResult;
import org.medops.inspection.rounds.RoundItem;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of a report: a check's name (its own label if the check catalogue has one, else what it measures),
 * and the pre-filled finding, cause and suggested action of a FAIL/WARN/ERROR item by what the check measures.
 */
@Component("inspectionReportWording")
public class ReportWording {

    private final MessageSource messages;

    ReportWording(MessageSource messages) {
        this.messages = messages;
    }

    /** Templates call {@code @inspectionReportWording.check(code, #locale)}. */
    public String check(String code, Locale locale) {
        CheckFamily family = CheckFamily.of(code);
        String fallback = family == CheckFamily.OTHER ? code
                : messages.getMessage("inspection.family." + family.name(), null, code, locale);
        return messages.getMessage("inspection.check." + code, null, fallback, locale);
    }

    public String result(ItemResult result, Locale locale) {
        return messages.getMessage("inspection.report.result." + result.name(), null, result.name(), locale);
    }

    Finding prefill(RoundItem item, Locale locale) {
        String advice = item.result() == ItemResult.ERROR ? "ERROR" : CheckFamily.of(item.checkCode()).name();
        String found = item.result() == ItemResult.ERROR
                ? messages.getMessage("inspection.report.finding.error", new Object[] {check(item.checkCode(), locale),
                        orDash(item.value())}, locale)
                : messages.getMessage("inspection.report.finding.measured", new Object[] {check(item.checkCode(), locale),
                        orDash(item.value()), orDash(item.threshold()), result(item.result(), locale)}, locale);
        return new Finding(item.targetName() == null ? item.targetCode() : item.targetName(), item.checkCode(),
                item.result(), found,
                messages.getMessage("inspection.advice." + advice + ".cause", null, locale),
                messages.getMessage("inspection.advice." + advice + ".action", null, locale));
    }

    String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }
}
