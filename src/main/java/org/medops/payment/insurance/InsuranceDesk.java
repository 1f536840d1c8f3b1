package org.medops.payment.insurance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.medops.shared.AuditableEvent;
import org.medops.shared.FieldChange;
import org.medops.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Insurance reconciliation as the platform's flow has it: the hospital's settlements imported; a total check (3201)
 * per insurance type, clearing type and clearing agency for a period; for a group that does not balance, the detail
 * check — the group's settlements written in the region's field set, uploaded (9101), checked (3202), the centre's
 * result downloaded (9102) and kept line by line. Each step is audited.
 */
@Service
class InsuranceDesk {

    static final List<String> CSV_HEADER = List.of("setl_id", "mdtrt_id", "psn_no", "insutype", "clr_type",
            "setl_optins", "setl_time", "medfee_sumamt", "fund_pay_sumamt", "acct_pay", "refd_setl_flag");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> AMOUNTS = List.of("medfee_sumamt", "fund_pay_sumamt", "acct_pay");

    private final InsuranceBooks books;
    private final InsuranceCentre centre;
    private final InsuranceSettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    InsuranceDesk(InsuranceBooks books, InsuranceCentre centre, InsuranceSettings settings,
                  ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.books = books;
        this.centre = centre;
        this.settings = settings;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    record Audit(String action, String targetType, String targetId, List<FieldChange> changes)
            implements AuditableEvent {
    }

    /** Imports the hospital's settlement export (CSV, {@link #CSV_HEADER}); all lines or none. */
    long importSettlements(String region, InputStream csv, String actor) {
        settings.region(region);
        return transactions.execute(status -> {
            long count = 0;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
                String header = reader.readLine();
                if (header == null || !List.of(header.replace("\uFEFF", "").strip().split(",", -1)).equals(CSV_HEADER)) {
                    throw ProblemException.invalid("ins-settlements-header", String.join(",", CSV_HEADER));
                }
                String line;
                long number = 1;
                while ((line = reader.readLine()) != null) {
                    number++;
                    if (!line.isBlank()) {
                        books.save(settlement(region, line, number));
                        count++;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            events.publishEvent(new Audit("ins.settlements.import", "ins-region", region,
                    List.of(FieldChange.set("insSettlements", count))));
            return count;
        });
    }

    /** 3201 for every group the hospital settled in the period; one check each. */
    List<InsuranceBooks.Check> totalCheck(String region, LocalDate begin, LocalDate end, String actor) {
        InsuranceSettings.Region fields = settings.region(region);
        if (begin == null || end == null || end.isBefore(begin)) {
            throw ProblemException.invalid("ins-period-invalid");
        }
        List<InsuranceBooks.Group> groups = books.groups(region, begin, end);
        if (groups.isEmpty()) {
            throw ProblemException.invalid("ins-no-settlements", region, begin.toString(), end.toString());
        }
        List<InsuranceBooks.Check> checks = new ArrayList<>();
        for (InsuranceBooks.Group group : groups) {
            ObjectNode data = JSON.createObjectNode();
            data.put("insutype", group.insutype());
            data.put("clr_type", group.clrType());
            data.put("setl_optins", group.setlOptins());
            data.put("stmt_begndate", begin.toString());
            data.put("stmt_enddate", end.toString());
            data.put("medfee_sumamt", group.medfee().toPlainString());
            data.put("fund_pay_sumamt", group.fundPay().toPlainString());
            data.put("acct_pay", group.acctPay().toPlainString());
            data.put("fixmedins_setl_cnt", group.count());
            fields.extraInput().forEach(data::put);
            ObjectNode input = JSON.createObjectNode();
            input.set("data", data);
            InsuranceCentre.Answer answer = centre.call("3201", region, actor, input);
            String result = answer.output().path("stmtinfo").path("stmt_rslt").asString("");
            String message = answer.output().path("stmtinfo").path("stmt_rslt_dscr").asString("");
            InsuranceBooks.Status status = "0".equals(result) ? InsuranceBooks.Status.BALANCED
                    : InsuranceBooks.Status.IMBALANCED;
            Instant at = clock.instant();
            checks.add(transactions.execute(tx -> {
                long id = books.insertCheck(region, group, begin, end, status, result, message, answer.msgid(),
                        actor, at);
                events.publishEvent(new Audit("ins.check.total", "ins-check", String.valueOf(id), List.of(
                        FieldChange.set("insRegion", region), FieldChange.set("insutype", group.insutype()),
                        FieldChange.set("insClrType", group.clrType()), FieldChange.set("insResult", status))));
                return books.check(id).orElseThrow();
            }));
        }
        return checks;
    }

    /** 9101 → 3202 → 9102 for a check that did not balance; keeps the lines the centre's result names. */
    InsuranceBooks.Check detailCheck(long id, String actor) {
        InsuranceBooks.Check check = books.check(id).orElseThrow(() -> ProblemException.notFound("ins-check", id));
        if (check.status() != InsuranceBooks.Status.IMBALANCED) {
            throw ProblemException.conflict("ins-check-not-imbalanced", id);
        }
        InsuranceSettings.Region fields = settings.region(check.region());
        List<Map<String, String>> records = new ArrayList<>();
        Map<String, InsuranceBooks.Settlement> ours = new HashMap<>();
        books.settlements(check.region(), check.group(), check.begin(), check.end(), s -> {
            ours.put(s.setlId(), s);
            records.add(record(s));
        });
        String filename = settings.fixmedinsCode() + "_" + check.begin() + "_" + id + ".zip";
        String uploadNo = centre.upload(check.region(), actor, filename,
                DetailFiles.write(filename.replace(".zip", ".txt"), fields.detailColumns(), records));
        ObjectNode data = JSON.createObjectNode();
        data.put("setl_optins", check.group().setlOptins());
        data.put("insutype", check.group().insutype());
        data.put("clr_type", check.group().clrType());
        data.put("file_qury_no", uploadNo);
        data.put("stmt_begndate", check.begin().toString());
        data.put("stmt_enddate", check.end().toString());
        data.put("medfee_sumamt", check.group().medfee().toPlainString());
        data.put("fund_pay_sumamt", check.group().fundPay().toPlainString());
        data.put("cash_payamt", check.group().medfee().subtract(check.group().fundPay())
                .subtract(check.group().acctPay()).toPlainString());
        data.put("fixmedins_setl_cnt", check.group().count());
        fields.extraInput().forEach(data::put);
        ObjectNode input = JSON.createObjectNode();
        input.set("data", data);
        InsuranceCentre.Answer answer = centre.call("3202", check.region(), actor, input);
        String resultNo = answer.output().path("fileinfo").path("file_qury_no").asString("");
        String resultName = answer.output().path("fileinfo").path("filename").asString("");
        List<Map<String, String>> results = DetailFiles.read(
                centre.download(check.region(), actor, resultNo, resultName), fields.resultColumns());
        return transactions.execute(tx -> {
            books.lockCheck(id).filter(c -> c.status() == InsuranceBooks.Status.IMBALANCED)
                    .orElseThrow(() -> ProblemException.conflict("ins-check-not-imbalanced", id));
            for (Map<String, String> result : results) {
                books.addLine(id, line(result, ours.get(result.get("setl_id"))));
            }
            books.detailed(id, answer.msgid(), uploadNo, resultNo, clock.instant());
            events.publishEvent(new Audit("ins.check.detail", "ins-check", String.valueOf(id), List.of(
                    FieldChange.set("insRegion", check.region()), FieldChange.set("insLines", results.size()))));
            return books.check(id).orElseThrow();
        });
    }

    private static InsuranceBooks.Line line(Map<String, String> result, InsuranceBooks.Settlement ours) {
        String code = result.getOrDefault("stmt_rslt", "");
        String outcome = switch (code) {
            case "1" -> "CENTRE_ONLY";
            case "2" -> "HOSPITAL_ONLY";
            default -> "AMOUNT_DIFFERS";
        };
        boolean centreHas = !"2".equals(code);
        BigDecimal cm = centreHas ? decimal(result.get("medfee_sumamt")) : null;
        BigDecimal cf = centreHas ? decimal(result.get("fund_pay_sumamt")) : null;
        BigDecimal ca = centreHas ? decimal(result.get("acct_pay")) : null;
        List<String> differing = new ArrayList<>();
        if (ours != null && centreHas) {
            if (ours.medfee().compareTo(cm) != 0) {
                differing.add("medfee_sumamt");
            }
            if (ours.fundPay().compareTo(cf) != 0) {
                differing.add("fund_pay_sumamt");
            }
            if (ours.acctPay().compareTo(ca) != 0) {
                differing.add("acct_pay");
            }
        }
        return new InsuranceBooks.Line(0, outcome, result.get("setl_id"), result.get("mdtrt_id"),
                result.get("psn_no"), ours == null ? null : ours.medfee(), ours == null ? null : ours.fundPay(),
                ours == null ? null : ours.acctPay(), cm, cf, ca, differing);
    }

    private static Map<String, String> record(InsuranceBooks.Settlement s) {
        Map<String, String> record = new HashMap<>();
        record.put("setl_id", s.setlId());
        record.put("mdtrt_id", s.mdtrtId());
        record.put("psn_no", s.psnNo());
        record.put("insutype", s.insutype());
        record.put("clr_type", s.clrType());
        record.put("setl_optins", s.setlOptins());
        record.put("setl_time", s.setlTime().toString());
        record.put("medfee_sumamt", s.medfee().toPlainString());
        record.put("fund_pay_sumamt", s.fundPay().toPlainString());
        record.put("acct_pay", s.acctPay().toPlainString());
        record.put("cash_payamt", s.medfee().subtract(s.fundPay()).subtract(s.acctPay()).toPlainString());
        record.put("refd_setl_flag", s.refdSetlFlag());
        return record;
    }

    private static InsuranceBooks.Settlement settlement(String region, String line, long number) {
        String[] v = line.split(",", -1);
        if (v.length != CSV_HEADER.size()) {
            throw ProblemException.invalid("ins-settlements-columns", String.valueOf(number),
                    String.valueOf(CSV_HEADER.size()), String.valueOf(v.length));
        }
        for (int i = 0; i < 7; i++) {
            if (v[i].isBlank()) {
                throw ProblemException.invalid("ins-settlements-missing", String.valueOf(number), CSV_HEADER.get(i));
            }
        }
        try {
            return new InsuranceBooks.Settlement(region, v[0].strip(), v[1].strip(), v[2].strip(), v[3].strip(),
                    v[4].strip(), v[5].strip(), OffsetDateTime.parse(v[6].strip()).toInstant(), amount(v[7], number),
                    amount(v[8], number), amount(v[9], number), v[10].isBlank() ? "0" : v[10].strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("ins-settlements-time", String.valueOf(number), v[6]);
        }
    }

    private static BigDecimal amount(String text, long number) {
        try {
            BigDecimal value = new BigDecimal(text.strip());
            if (value.scale() > 2) {
                throw ProblemException.invalid("ins-settlements-amount", String.valueOf(number), text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("ins-settlements-amount", String.valueOf(number), text);
        }
    }

    private static BigDecimal decimal(String text) {
        return text == null || text.isBlank() ? null : new BigDecimal(text.strip());
    }
}
