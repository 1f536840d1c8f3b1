package org.medops.payment.reconciliation;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

import org.medops.payment.MerchantView;
import org.medops.payment.Merchants;
import org.medops.payment.PaymentChannel;
import org.medops.payment.PlatformLedger;
import org.medops.payment.reconciliation.bills.AlipayBill;
import org.medops.payment.reconciliation.bills.BillFormatException;
import org.medops.payment.reconciliation.bills.BillLine;
import org.medops.payment.reconciliation.bills.BillTotals;
import org.medops.payment.reconciliation.bills.HisChargeRecords;
import org.medops.payment.reconciliation.bills.WechatTradeBill;
import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reconciles a merchant's day: reads the channel's bill and the HIS's records (or, without them, the platform's own
 * books) straight into staging tables, adds what earlier days left pending and the platform's ledger, lets
 * {@link DayMatcher} sort every line into matched, pending or a mismatch, and commits the run with its audit entry
 * before answering — a run the caller got an id for is there after any crash. A bill that cannot be read leaves
 * nothing behind.
 */
@Service
class Reconciler {

    private final DayMatcher matcher;
    private final Runs runs;
    private final Merchants merchants;
    private final PlatformLedger ledger;
    private final ReconciliationSettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Reconciler(DayMatcher matcher, Runs runs, Merchants merchants, PlatformLedger ledger,
               ReconciliationSettings settings, ApplicationEventPublisher events, TransactionTemplate transactions,
               Clock clock) {
        this.matcher = matcher;
        this.runs = runs;
        this.merchants = merchants;
        this.ledger = ledger;
        this.settings = settings;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * @param billSource UPLOAD or DOWNLOAD
     * @param his        the HIS's charge records, or null to reconcile the channel against the platform's books
     */
    long run(String merchantCode, LocalDate date, BillFile bill, String billSource, BillFile his, String actor) {
        MerchantView merchant = merchant(merchantCode);
        if (date == null) {
            throw ProblemException.invalid("recon-date-required");
        }
        if (!date.isBefore(LocalDate.now(clock.withZone(settings.zone())))) {
            throw ProblemException.invalid("recon-date-not-over", date.toString());
        }
        if (bill == null) {
            throw ProblemException.invalid("recon-bill-required");
        }
        if (runs.closed(merchant.code(), date)) {
            throw ProblemException.conflict("recon-day-closed", merchant.code(), date.toString());
        }
        Instant started = clock.instant();
        Instant dayEnd = date.plusDays(1).atStartOfDay(settings.zone()).toInstant();
        try {
            return transactions.execute(status -> reconcile(merchant, date, bill, billSource, his, actor, started,
                    dayEnd));
        } catch (BillFormatException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, e.code(), arguments(e));
        } catch (UncheckedIOException e) {
            throw ProblemException.invalid("recon-bill-unreadable");
        }
    }

    private long reconcile(MerchantView merchant, LocalDate date, BillFile bill, String billSource, BillFile his,
                           String actor, Instant started, Instant dayEnd) {
        Digest billDigest = new Digest();
        Digest hisDigest = his == null ? null : new Digest();
        // The run row is written first only for its id; the whole run commits or vanishes together.
        long id = runs.start(merchant.code(), date, merchant.channel().name(),
                new Run.Sources(billSource, bill.name(), "", his == null ? "PLATFORM" : "UPLOAD", null), actor,
                started);
        matcher.createStaging();
        BillTotals channel = copyLines("rc_channel", sink -> readBill(merchant.channel(), bill, billDigest, sink));
        long platform = copyPlatform(merchant.code(), date);
        BillTotals books = his != null
                ? copyLines("rc_his", sink -> new HisChargeRecords().read(hisDigest.wrap(his), sink))
                : platformBooks();
        matcher.carryPending(merchant.code(), date);
        matcher.supersedePending(merchant.code(), date, id);
        DayMatcher.Counts counts = matcher.classify(id, merchant.code(), date,
                dayEnd.minus(settings.pendingWindow()), date.minusDays(settings.pendingDays()));
        Run.Totals totals = new Run.Totals(channel.lines(), channel.paymentFen(), channel.refundFen(),
                channel.feeFen(), books.lines(), books.paymentFen(), books.refundFen(), platform);
        runs.finish(id, totals, counts, clock.instant());
        runs.sealDigests(id, billDigest.hex(), hisDigest == null ? null : hisDigest.hex());
        events.publishEvent(ReconciliationAudit.ofRun("recon.run", id, List.of(
                FieldChange.set("reconMerchant", merchant.code()), FieldChange.set("reconDate", date),
                FieldChange.set("reconBillSha256", billDigest.hex()),
                FieldChange.set("reconMatched", counts.matched()), FieldChange.set("reconPending", counts.pending()),
                FieldChange.set("reconMismatches", counts.mismatches()))));
        return id;
    }

    private BillTotals readBill(PaymentChannel channel, BillFile bill, Digest digest, Consumer<BillLine> sink) {
        return switch (channel) {
            case WECHAT -> new WechatTradeBill(settings.zone()).read(digest.wrap(bill), sink);
            case ALIPAY -> {
                InputStream in = new BufferedInputStream(digest.wrap(bill));
                yield zipped(in) ? new AlipayBill(settings.zone()).read(in, sink)
                        : new AlipayBill(settings.zone()).readDetail(in, sink);
            }
            default -> throw ProblemException.invalid("recon-channel-unsupported", channel.name());
        };
    }

    private BillTotals copyLines(String table, java.util.function.Function<Consumer<BillLine>, BillTotals> reader) {
        StagingCopy copy = matcher.copyInto(table, DayMatcher.LINE_COLUMNS);
        try {
            BillTotals totals = reader.apply(line -> copy.add(line.kind().name(), line.outTradeNo(),
                    line.outRefundNo(), line.reference(), line.amountFen(), line.feeFen(), line.state().name(),
                    line.at(), null));
            copy.finish();
            return totals;
        } catch (RuntimeException e) {
            copy.abandon();
            throw e;
        }
    }

    private long copyPlatform(String merchant, LocalDate date) {
        StagingCopy copy = matcher.copyInto("rc_platform", DayMatcher.PLATFORM_COLUMNS);
        try {
            ledger.stream(merchant, date, entry -> copy.add(entry.kind().name(), entry.outTradeNo(),
                    entry.outRefundNo(), entry.hisBillNo(), entry.amountFen(), entry.status().name(), entry.at()));
            return copy.finish();
        } catch (RuntimeException e) {
            copy.abandon();
            throw e;
        }
    }

    /** Without HIS records the platform's successful payments and refunds are the books the bill is held against. */
    private BillTotals platformBooks() {
        return matcher.platformAsBooks();
    }

    private MerchantView merchant(String code) {
        if (code == null || code.isBlank()) {
            throw ProblemException.invalid("recon-merchant-required");
        }
        MerchantView merchant = merchants.byCode(code.strip())
                .orElseThrow(() -> ProblemException.notFound("payment-merchant", code.strip()));
        if (merchant.channel() != PaymentChannel.WECHAT && merchant.channel() != PaymentChannel.ALIPAY) {
            throw ProblemException.invalid("recon-channel-unsupported", merchant.channel().name());
        }
        return merchant;
    }

    private static boolean zipped(InputStream in) {
        try {
            in.mark(4);
            boolean zip = in.read() == 'P' && in.read() == 'K';
            in.reset();
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object[] arguments(BillFormatException e) {
        Object[] arguments = new Object[e.arguments().size() + 1];
        arguments[0] = String.valueOf(e.line());
        for (int i = 0; i < e.arguments().size(); i++) {
            arguments[i + 1] = e.arguments().get(i);
        }
        return arguments;
    }

    /** SHA-256 of a file as it is read, so the run records exactly which bill it reconciled. */
    private static final class Digest {

        private final MessageDigest sha;

        Digest() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        InputStream wrap(BillFile file) {
            try {
                return new DigestInputStream(file.open(), sha);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String hex() {
            return HexFormat.of().formatHex(sha.digest());
        }
    }
}
