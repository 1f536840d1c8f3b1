package org.medops.opsdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FaultSimilarityTest {

    static final FaultSimilarity INVOICES = FaultSimilarity.of("门诊收费窗口无法打印发票", "点击打印后提示连接打印服务超时");

    @Nested
    class TheSameFault {

        @Test
        void toldInTheSameWordsIsIdentical() {
            assertThat(INVOICES.to(FaultSimilarity.of("门诊收费窗口无法打印发票", "点击打印后提示连接打印服务超时")))
                    .isEqualTo(1.0);
        }

        @Test
        void ignoresWhitespacePunctuationCaseAndFullWidthCharacters() {
            FaultSimilarity retyped = FaultSimilarity.of(" 门诊收费窗口 无法打印发票！", "点击打印后，提示：连接打印服务超时。");
            assertThat(INVOICES.to(retyped)).isEqualTo(1.0);
            assertThat(FaultSimilarity.of("ＨＩＳ 接口超时", "").to(FaultSimilarity.of("his接口超时", ""))).isEqualTo(1.0);
        }

        @Test
        void toldInOtherWordsStillMatches() {
            FaultSimilarity reworded = FaultSimilarity.of("门诊收费窗口打印发票失败", "点击打印后提示：连接打印服务超时！");
            assertThat(INVOICES.to(reworded)).isGreaterThan(0.7);
            assertThat(INVOICES.sameFaultAs(reworded)).isTrue();
        }
    }

    @Nested
    class AnotherFault {

        @Test
        void onTheSameSystemSharesAlmostNothing() {
            FaultSimilarity login = FaultSimilarity.of("门诊挂号系统登录缓慢", "医生登录挂号系统需要 30 秒以上");
            assertThat(INVOICES.to(login)).isLessThan(0.1);
            assertThat(INVOICES.sameFaultAs(login)).isFalse();
        }

        @Test
        void sharingOnlyAFewWordsStaysBelowTheThreshold() {
            FaultSimilarity printer = FaultSimilarity.of("门诊收费窗口打印机卡纸", "打印机频繁卡纸需要人工取纸");
            assertThat(INVOICES.sameFaultAs(printer)).isFalse();
        }
    }

    @Test
    void isSymmetric() {
        FaultSimilarity other = FaultSimilarity.of("收费窗口发票打印慢", "打印发票要等一分钟");
        assertThat(INVOICES.to(other)).isEqualTo(other.to(INVOICES));
    }

    @Test
    void anEmptyReportResemblesNothing() {
        assertThat(FaultSimilarity.of("", null).to(INVOICES)).isZero();
        assertThat(FaultSimilarity.of(" ！", "").to(FaultSimilarity.of("", " "))).isZero();
    }

    @Test
    void aSingleCharacterIsComparedAsItself() {
        assertThat(FaultSimilarity.of("卡", "").to(FaultSimilarity.of("卡", ""))).isEqualTo(1.0);
    }
}
