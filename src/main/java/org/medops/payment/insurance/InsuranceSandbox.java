package org.medops.payment.insurance;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for the insurance centre (demo and tests): the platform's envelope on a local port, answering 3201 from
 * its own books ({@code ins_sandbox_centre}), keeping files uploaded with 9101, answering 3202 by comparing the
 * uploaded detail with its books and leaving the result file for 9102. Result lines carry {@code stmt_rslt} 1 (the
 * centre has it, the hospital not), 2 (the hospital has it, the centre not) or 3 (amounts differ; the centre's amounts
 * in the line). Listens on 127.0.0.1 only; on with {@code --demo} or {@code medops.insurance.sandbox.enabled}.
 */
@Component
@ConditionalOnExpression("${medops.insurance.sandbox.enabled:${medops.demo:false}}")
public class InsuranceSandbox implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InsuranceSandbox.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final List<String> AMOUNTS = List.of("medfee_sumamt", "fund_pay_sumamt", "acct_pay");

    /** One settlement as the centre holds it. */
    public record CentreRecord(String region, String setlId, String mdtrtId, String psnNo, String insutype,
                               String clrType, String setlOptins, java.time.Instant setlTime, BigDecimal medfee,
                               BigDecimal fundPay, BigDecimal acctPay) {
    }

    private final InsuranceSettings settings;
    private final JdbcClient jdbc;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private volatile HttpServer server;

    InsuranceSandbox(InsuranceSettings settings, JdbcClient jdbc) {
        this.settings = settings;
        this.jdbc = jdbc;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Puts settlements into the centre's books (replacing any with the same ID). */
    public void hold(List<CentreRecord> records) {
        for (CentreRecord r : records) {
            jdbc.sql("""
                    insert into ins_sandbox_centre (fixmedins_code, region, setl_id, mdtrt_id, psn_no, insutype,
                        clr_type, setl_optins, setl_time, medfee_sumamt, fund_pay_sumamt, acct_pay)
                    values (:code, :region, :setl, :mdtrt, :psn, :insutype, :clr, :optins, :at, :medfee, :fund, :acct)
                    on conflict (fixmedins_code, region, setl_id) do update set medfee_sumamt = excluded.medfee_sumamt,
                        fund_pay_sumamt = excluded.fund_pay_sumamt, acct_pay = excluded.acct_pay""")
                    .param("code", settings.fixmedinsCode()).param("region", r.region()).param("setl", r.setlId())
                    .param("mdtrt", r.mdtrtId()).param("psn", r.psnNo()).param("insutype", r.insutype())
                    .param("clr", r.clrType()).param("optins", r.setlOptins()).param("at", Timestamp.from(r.setlTime()))
                    .param("medfee", r.medfee()).param("fund", r.fundPay()).param("acct", r.acctPay()).update();
        }
    }

    @Override
    public void start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    settings.sandbox().port()), 0);
            http.createContext(InsuranceCentre.SERVICE_PATH, this::handle);
            http.setExecutor(Executors.newFixedThreadPool(2));
            http.start();
            server = http;
            log.info("Insurance centre sandbox listening on {}", baseUrl());
        } catch (IOException e) {
            throw new IllegalStateException("insurance sandbox could not listen", e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode envelope;
            try {
                envelope = JSON.readTree(exchange.getRequestBody().readAllBytes());
            } catch (RuntimeException e) {
                answer(exchange, refusal("报文不是有效的 JSON"));
                return;
            }
            String infno = envelope.path("infno").asString("");
            String region = envelope.path("mdtrtarea_admvs").asString("");
            JsonNode input = envelope.path("input");
            try {
                switch (infno) {
                    case "3201" -> answer(exchange, success(envelope, total(region, input.path("data"))));
                    case "9101" -> answer(exchange, success(envelope, upload(input.path("fsUploadIn"))));
                    case "3202" -> answer(exchange, success(envelope, detail(region, input.path("data"))));
                    case "9102" -> {
                        byte[] file = files.get(input.path("fsDownloadIn").path("file_qury_no").asString(""));
                        if (file == null) {
                            answer(exchange, refusal("文件不存在或已过期"));
                        } else {
                            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
                            exchange.sendResponseHeaders(200, file.length);
                            try (OutputStream out = exchange.getResponseBody()) {
                                out.write(file);
                            }
                        }
                    }
                    default -> answer(exchange, refusal("不支持的交易编号 " + infno));
                }
            } catch (RuntimeException e) {
                answer(exchange, refusal("入参有误：" + e.getMessage()));
            }
        }
    }

    private ObjectNode total(String region, JsonNode data) {
        Totals centre = totals(region, data);
        boolean balanced = centre.count == data.path("fixmedins_setl_cnt").asLong(-1)
                && centre.medfee.compareTo(decimal(data, "medfee_sumamt")) == 0
                && centre.fund.compareTo(decimal(data, "fund_pay_sumamt")) == 0
                && centre.acct.compareTo(decimal(data, "acct_pay")) == 0;
        ObjectNode output = JSON.createObjectNode();
        ObjectNode info = output.putObject("stmtinfo");
        info.put("setl_optins", data.path("setl_optins").asString());
        info.put("stmt_rslt", balanced ? "0" : "1");
        info.put("stmt_rslt_dscr", balanced ? "对账平"
                : "对账不平：中心 %d 笔，医疗费总额 %s，基金支付 %s，个人账户 %s".formatted(centre.count,
                centre.medfee.toPlainString(), centre.fund.toPlainString(), centre.acct.toPlainString()));
        return output;
    }

    private ObjectNode upload(JsonNode in) {
        byte[] bytes = new byte[in.path("in").size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) in.path("in").get(i).asInt();
        }
        String number = "F" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        files.put(number, bytes);
        ObjectNode output = JSON.createObjectNode();
        output.put("file_qury_no", number);
        output.put("filename", in.path("filename").asString());
        output.put("dld_endtime", LocalDate.now(ZONE).plusDays(1).toString());
        return output;
    }

    private ObjectNode detail(String region, JsonNode data) {
        InsuranceSettings.Region fields = settings.region(region);
        byte[] uploaded = files.get(data.path("file_qury_no").asString(""));
        if (uploaded == null) {
            throw new IllegalArgumentException("file_qury_no 无对应上传文件");
        }
        Map<String, Map<String, String>> hospital = new LinkedHashMap<>();
        for (Map<String, String> record : DetailFiles.read(uploaded, fields.detailColumns())) {
            hospital.put(record.get("setl_id"), record);
        }
        Map<String, Map<String, String>> centre = new LinkedHashMap<>();
        for (Map<String, String> record : centreRecords(region, data)) {
            centre.put(record.get("setl_id"), record);
        }
        List<Map<String, String>> results = new ArrayList<>();
        for (Map<String, String> c : centre.values()) {
            Map<String, String> h = hospital.get(c.get("setl_id"));
            if (h == null) {
                results.add(result(c, "1", "中心有医院无"));
            } else if (AMOUNTS.stream().anyMatch(a -> new BigDecimal(h.get(a)).compareTo(new BigDecimal(c.get(a))) != 0)) {
                results.add(result(c, "3", "金额不符"));
            }
        }
        for (Map<String, String> h : hospital.values()) {
            if (!centre.containsKey(h.get("setl_id"))) {
                results.add(result(h, "2", "医院有中心无"));
            }
        }
        String number = "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        files.put(number, DetailFiles.write(number + ".txt", fields.resultColumns(), results));
        ObjectNode output = JSON.createObjectNode();
        ObjectNode info = output.putObject("fileinfo");
        info.put("file_qury_no", number);
        info.put("filename", number + ".zip");
        info.put("dld_endtime", LocalDate.now(ZONE).plusDays(1).toString());
        return output;
    }

    private static Map<String, String> result(Map<String, String> record, String code, String memo) {
        Map<String, String> line = new HashMap<>(record);
        line.put("stmt_rslt", code);
        line.put("memo", memo);
        line.putIfAbsent("msgid", "");
        line.putIfAbsent("refd_setl_flag", "0");
        return line;
    }

    private List<Map<String, String>> centreRecords(String region, JsonNode data) {
        return jdbc.sql("""
                select setl_id, mdtrt_id, psn_no, medfee_sumamt, fund_pay_sumamt, acct_pay, refd_setl_flag
                from ins_sandbox_centre
                where fixmedins_code = :code and region = :region and setl_optins = :optins
                    and (cast(:insutype as text) is null or insutype = :insutype)
                    and (cast(:clr as text) is null or clr_type = :clr)
                    and setl_time >= :from and setl_time < :to
                order by setl_id""")
                .param("code", settings.fixmedinsCode()).param("region", region)
                .param("optins", data.path("setl_optins").asString()).param("insutype", text(data, "insutype"))
                .param("clr", text(data, "clr_type")).param("from", from(data)).param("to", to(data))
                .query((rs, n) -> {
                    Map<String, String> record = new HashMap<>();
                    for (String column : Set.of("setl_id", "mdtrt_id", "psn_no", "refd_setl_flag")) {
                        record.put(column, rs.getString(column));
                    }
                    for (String amount : AMOUNTS) {
                        record.put(amount, rs.getBigDecimal(amount).toPlainString());
                    }
                    return record;
                }).list();
    }

    private record Totals(long count, BigDecimal medfee, BigDecimal fund, BigDecimal acct) {
    }

    private Totals totals(String region, JsonNode data) {
        return jdbc.sql("""
                select count(*), coalesce(sum(medfee_sumamt), 0), coalesce(sum(fund_pay_sumamt), 0),
                    coalesce(sum(acct_pay), 0)
                from ins_sandbox_centre
                where fixmedins_code = :code and region = :region and insutype = :insutype and clr_type = :clr
                    and setl_optins = :optins and setl_time >= :from and setl_time < :to""")
                .param("code", settings.fixmedinsCode()).param("region", region)
                .param("insutype", data.path("insutype").asString()).param("clr", data.path("clr_type").asString())
                .param("optins", data.path("setl_optins").asString()).param("from", from(data)).param("to", to(data))
                .query((rs, n) -> new Totals(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4))).single();
    }

    private static Timestamp from(JsonNode data) {
        return Timestamp.from(LocalDate.parse(data.path("stmt_begndate").asString()).atStartOfDay(ZONE).toInstant());
    }

    private static Timestamp to(JsonNode data) {
        return Timestamp.from(LocalDate.parse(data.path("stmt_enddate").asString()).plusDays(1).atStartOfDay(ZONE)
                .toInstant());
    }

    private static String text(JsonNode data, String field) {
        String value = data.path(field).asString("");
        return value.isBlank() ? null : value;
    }

    private static BigDecimal decimal(JsonNode data, String field) {
        return new BigDecimal(data.path(field).asString("0"));
    }

    private static ObjectNode success(JsonNode request, ObjectNode output) {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("infcode", 0);
        answer.put("inf_refmsgid", request.path("msgid").asString(""));
        answer.put("refmsg_time", java.time.LocalDateTime.now(ZONE).toString());
        answer.put("respond_time", java.time.LocalDateTime.now(ZONE).toString());
        answer.put("err_msg", "");
        answer.set("output", output);
        return answer;
    }

    private static ObjectNode refusal(String message) {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("infcode", -1);
        answer.put("err_msg", message);
        return answer;
    }

    private static void answer(HttpExchange exchange, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

}
