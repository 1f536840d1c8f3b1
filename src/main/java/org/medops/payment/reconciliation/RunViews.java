package org.medops.payment.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Runs and mismatches as the API and the pages show them: amounts in yuan, details in the reader's language. */
@Component
class RunViews {

    /** A run with its mismatches; {@code status} RECONCILED, SUPERSEDED or CLOSED. */
    record RunView(long id, String merchant, LocalDate date, String channel, RunStatus status, long matched,
                   long pending, long mismatchCount, long unresolved, Sides sides, String billSource,
                   String billSha256, String hisSource, String startedBy, Instant startedAt, String closedBy,
                   Instant closedAt, List<MismatchView> mismatches) {
    }

    /** Each side's lines and sums in yuan; the fees the channel kept. */
    record Sides(long channelLines, BigDecimal channelPayments, BigDecimal channelRefunds, BigDecimal channelFees,
                 long hisLines, BigDecimal hisPayments, BigDecimal hisRefunds, long platformLines) {
    }

    record MismatchView(long id, Category category, String kind, String outTradeNo, String outRefundNo,
                        BigDecimal hisAmount, BigDecimal channelAmount, BigDecimal platformAmount, String detail,
                        Resolution resolution, String resolutionNote, String resolvedBy, Instant resolvedAt) {
    }

    private final Runs runs;
    private final MismatchDesk desk;
    private final MessageSource messages;

    RunViews(Runs runs, MismatchDesk desk, MessageSource messages) {
        this.runs = runs;
        this.desk = desk;
        this.messages = messages;
    }

    RunView of(long id) {
        Run run = desk.run(id);
        return of(run, runs.mismatches(id).stream().map(this::of).toList());
    }

    RunView of(Run run, List<MismatchView> mismatches) {
        Run.Totals t = run.totals();
        var closing = run.status() == RunStatus.CLOSED ? runs.closing(run.merchantCode(), run.businessDate())
                : java.util.Optional.<Runs.DayClosing>empty();
        return new RunView(run.id(), run.merchantCode(), run.businessDate(), run.channel(), run.status(),
                run.matched(), run.pending(), run.mismatches(), runs.unresolved(run.id()),
                new Sides(t.channelLines(), yuan(t.channelPayFen()), yuan(t.channelRefundFen()),
                        yuan(t.channelFeeFen()), t.hisLines(), yuan(t.hisPayFen()), yuan(t.hisRefundFen()),
                        t.platformLines()),
                run.sources().billSource(), run.sources().billSha256(), run.sources().hisSource(), run.startedBy(),
                run.startedAt(), closing.map(Runs.DayClosing::by).orElse(null),
                closing.map(Runs.DayClosing::at).orElse(null), mismatches);
    }

    MismatchView of(Mismatch m) {
        Mismatch.Handling h = m.handling();
        return new MismatchView(m.id(), m.category(), m.kind(), m.outTradeNo(), m.outRefundNo(),
                yuan(m.hisAmountFen()), yuan(m.channelAmountFen()), yuan(m.platformAmountFen()), detail(m),
                h == null ? null : h.resolution(), h == null ? null : h.note(), h == null ? null : h.by(),
                h == null ? null : h.at());
    }

    /** Amounts first ({0} HIS, {1} channel, {2} platform, in yuan or —), then the detail's own arguments. */
    String detail(Mismatch m) {
        List<Object> arguments = new ArrayList<>();
        arguments.add(text(m.hisAmountFen()));
        arguments.add(text(m.channelAmountFen()));
        arguments.add(text(m.platformAmountFen()));
        for (String argument : m.detailArgs()) {
            arguments.add(argument.startsWith("recon.") ? argument : messages.getMessage("recon.state." + argument,
                    null, argument, LocaleContextHolder.getLocale()));
        }
        return messages.getMessage(m.detailCode(), arguments.toArray(), m.detailCode(),
                LocaleContextHolder.getLocale());
    }

    static BigDecimal yuan(Long fen) {
        return fen == null ? null : BigDecimal.valueOf(fen, 2);
    }

    private static String text(Long fen) {
        return fen == null ? "—" : BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
