package org.medops.payment.reconciliation.bills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medops.payment.reconciliation.SampleBills;

class BillParsersTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDateTime NOON = LocalDateTime.of(2026, 12, 7, 12, 0, 0);

    @Nested
    class WechatTradeBills {

        final WechatTradeBill parser = new WechatTradeBill(SHANGHAI);

        @Test
        void readsBackQuotedValuesPaymentsAndRefundsAsOwnRowsWithFees() {
            String bill = new SampleBills.Wechat().pay("ORD-1", "100.00", NOON).pay("ORD-2", "35.50", NOON)
                    .refund("ORD-1", "RF-1", "40.00", NOON.plusHours(1)).text();
            List<BillLine> lines = new ArrayList<>();

            BillTotals totals = parser.read(in(bill), lines::add);

            assertThat(lines).hasSize(3);
            assertThat(lines.get(0)).satisfies(line -> {
                assertThat(line.kind()).isEqualTo(BillLine.Kind.PAY);
                assertThat(line.outTradeNo()).isEqualTo("ORD-1");
                assertThat(line.amountFen()).isEqualTo(10000);
                assertThat(line.feeFen()).isEqualTo(60);
                assertThat(line.reference()).startsWith("4200000");
                assertThat(line.at()).isEqualTo(Instant.parse("2026-12-07T04:00:00Z"));
            });
            assertThat(lines.get(2)).satisfies(line -> {
                assertThat(line.kind()).isEqualTo(BillLine.Kind.REFUND);
                assertThat(line.outTradeNo()).isEqualTo("ORD-1");
                assertThat(line.outRefundNo()).isEqualTo("RF-1");
                assertThat(line.key()).isEqualTo("RF-1");
                assertThat(line.amountFen()).isEqualTo(4000);
                assertThat(line.feeFen()).isEqualTo(-24);
            });
            assertThat(totals).isEqualTo(new BillTotals(3, 2, 13550, 1, 4000, 60 + 21 - 24));
        }

        @Test
        void revokedOrdersAreListedButCountNoMoney() {
            String bill = new SampleBills.Wechat().pay("ORD-1", "10.00", NOON).revoked("ORD-2", "20.00", NOON).text();
            List<BillLine> lines = new ArrayList<>();

            BillTotals totals = parser.read(in(bill), lines::add);

            assertThat(lines).extracting(BillLine::state).containsExactly(BillLine.State.SUCCESS,
                    BillLine.State.REVOKED);
            assertThat(totals.paymentFen()).isEqualTo(1000);
            assertThat(totals.lines()).isEqualTo(2);
        }

        @Test
        void aSummaryThatDisagreesWithTheRowsIsRefused() {
            String bill = new SampleBills.Wechat().pay("ORD-1", "10.00", NOON).text(1);

            assertThatThrownBy(() -> parser.read(in(bill), line -> { }))
                    .isInstanceOfSatisfying(BillFormatException.class, e -> {
                        assertThat(e.code()).isEqualTo("recon-bill-summary");
                        assertThat(e.arguments()).containsExactly("应结订单总金额", "10.01", "10.00");
                    });
        }

        @Test
        void aBillCutShortBeforeItsSummaryIsRefused() {
            String bill = new SampleBills.Wechat().pay("ORD-1", "10.00", NOON).pay("ORD-2", "1.00", NOON).text();
            String cut = bill.substring(0, bill.indexOf("总交易单数"));

            assertThatThrownBy(() -> parser.read(in(cut), line -> { }))
                    .isInstanceOfSatisfying(BillFormatException.class,
                            e -> assertThat(e.code()).isEqualTo("recon-bill-no-summary"));
        }

        @Test
        void anAmountWithMoreThanTwoDecimalsNamesItsLine() {
            String bill = new SampleBills.Wechat().pay("ORD-1", "10.00", NOON).pay("ORD-2", "1.00", NOON).text()
                    .replace("`1.00,", "`1.005,");

            assertThatThrownBy(() -> parser.read(in(bill), line -> { }))
                    .isInstanceOfSatisfying(BillFormatException.class, e -> {
                        assertThat(e.code()).isEqualTo("recon-bill-amount");
                        assertThat(e.line()).isEqualTo(3);
                    });
        }

        @Test
        void aHeaderWithoutTheOrderNumberIsRefused() {
            String bill = new SampleBills.Wechat().pay("ORD-1", "10.00", NOON).text().replace("商户订单号", "订单");

            assertThatThrownBy(() -> parser.read(in(bill), line -> { }))
                    .isInstanceOfSatisfying(BillFormatException.class, e -> {
                        assertThat(e.code()).isEqualTo("recon-bill-header");
                        assertThat(e.arguments()).containsExactly("商户订单号");
                    });
        }
    }

    @Nested
    class AlipayBills {

        final AlipayBill parser = new AlipayBill(SHANGHAI);

        @Test
        void readsTheZippedGbkDetailWithCommentLinesAndNegativeRefunds() {
            byte[] zip = new SampleBills.Alipay().pay("ALI-1", "88.00", NOON).pay("ALI-2", "12.00", NOON)
                    .refund("ALI-1", "ALI-RF-1", "8.00", NOON.plusMinutes(5)).zip();
            List<BillLine> lines = new ArrayList<>();

            BillTotals totals = parser.read(new ByteArrayInputStream(zip), lines::add);

            assertThat(lines).extracting(BillLine::kind).containsExactly(BillLine.Kind.PAY, BillLine.Kind.PAY,
                    BillLine.Kind.REFUND);
            assertThat(lines.get(0).outTradeNo()).isEqualTo("ALI-1");
            assertThat(lines.get(0).feeFen()).isEqualTo(53);
            assertThat(lines.get(2).outRefundNo()).isEqualTo("ALI-RF-1");
            assertThat(lines.get(2).amountFen()).isEqualTo(800);
            assertThat(lines.get(2).feeFen()).isEqualTo(-5);
            assertThat(totals.paymentFen()).isEqualTo(10000);
            assertThat(totals.refundFen()).isEqualTo(800);
        }

        @Test
        void theDetailIsReallyGbk() {
            String detail = new SampleBills.Alipay().pay("ALI-1", "1.00", NOON).detail(1);
            byte[] gbk = detail.getBytes(Charset.forName("GBK"));
            List<BillLine> lines = new ArrayList<>();

            parser.readDetail(new ByteArrayInputStream(gbk), lines::add);

            assertThat(lines).hasSize(1);
            assertThat(new String(gbk, StandardCharsets.UTF_8)).doesNotContain("业务明细");
        }

        @Test
        void commentTotalsThatDisagreeWithTheRowsAreRefused() {
            byte[] zip = new SampleBills.Alipay().pay("ALI-1", "1.00", NOON).zip(2);

            assertThatThrownBy(() -> parser.read(new ByteArrayInputStream(zip), line -> { }))
                    .isInstanceOfSatisfying(BillFormatException.class, e -> {
                        assertThat(e.code()).isEqualTo("recon-bill-summary");
                        assertThat(e.arguments()).containsExactly("交易合计", "2", "1");
                    });
        }

        @Test
        void somethingThatIsNoZipIsRefused() {
            assertThatThrownBy(() -> parser.read(new ByteArrayInputStream("PKnot a zip".getBytes()), line -> { }))
                    .isInstanceOfSatisfying(BillFormatException.class,
                            e -> assertThat(e.code()).isEqualTo("recon-bill-zip"));
        }
    }

    @Nested
    class HisRecords {

        final HisChargeRecords parser = new HisChargeRecords();

        @Test
        void readsPaymentsAndRefundsWithTheirOffsets() {
            String csv = new SampleBills.His().pay("ORD-1", "100.00", NOON).refund("ORD-1", "RF-1", "40.00", NOON)
                    .refund("ORD-1", null, "10.00", NOON).text();
            List<BillLine> lines = new ArrayList<>();

            BillTotals totals = parser.read(in(csv), lines::add);

            assertThat(lines).hasSize(3);
            assertThat(lines.get(0).reference()).isEqualTo("HIS1");
            assertThat(lines.get(0).at()).isEqualTo(Instant.parse("2026-12-07T04:00:00Z"));
            assertThat(lines.get(1).key()).isEqualTo("RF-1");
            assertThat(lines.get(2).outRefundNo()).isNull();
            assertThat(totals.refundFen()).isEqualTo(5000);
        }

        @Test
        void theHeaderMustBeExactlyTheAgreedOne() {
            assertThatThrownBy(() -> parser.read(in("serial,order,amount\n"), line -> { }))
                    .isInstanceOfSatisfying(BillFormatException.class,
                            e -> assertThat(e.code()).isEqualTo("recon-his-header"));
        }

        @Test
        void amountsNeedTwoDecimalsAndKindsArePayOrRefund() {
            String header = "his_serial,out_trade_no,out_refund_no,kind,amount,paid_at\n";
            assertThatThrownBy(() -> parser.read(in(header + "H1,ORD-1,,PAY,100,2026-12-07T10:00:00+08:00\n"),
                    line -> { })).isInstanceOfSatisfying(BillFormatException.class, e -> {
                        assertThat(e.code()).isEqualTo("recon-bill-amount");
                        assertThat(e.line()).isEqualTo(2);
                    });
            assertThatThrownBy(() -> parser.read(in(header + "H1,ORD-1,,CHARGE,1.00,2026-12-07T10:00:00+08:00\n"),
                    line -> { })).isInstanceOfSatisfying(BillFormatException.class,
                    e -> assertThat(e.code()).isEqualTo("recon-his-kind"));
            assertThatThrownBy(() -> parser.read(in(header + "H1,ORD-1,,PAY,1.00,2026-12-07 10:00:00\n"),
                    line -> { })).isInstanceOfSatisfying(BillFormatException.class,
                    e -> assertThat(e.code()).isEqualTo("recon-bill-time"));
        }
    }

    static ByteArrayInputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
