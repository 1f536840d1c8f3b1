package org.medops.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceDocTest {

    private static ServiceDoc withErrorCodes(String text) {
        return new ServiceDoc("lis", true, null, null, null, null, text, null, "admin");
    }

    @Test
    void readsOneErrorCodeALineWhateverSeparatesCodeAndMeaning() {
        assertThat(withErrorCodes("PATIENT-NOT-FOUND 患者不存在\n\nREPORT-NOT-READY: 报告未审核\nE42 | 院区停诊\nBARE")
                .errorCodeList()).containsExactly(
                new ServiceDoc.ErrorCode("PATIENT-NOT-FOUND", "患者不存在"),
                new ServiceDoc.ErrorCode("REPORT-NOT-READY", "报告未审核"),
                new ServiceDoc.ErrorCode("E42", "院区停诊"),
                new ServiceDoc.ErrorCode("BARE", ""));
    }

    @Test
    void noErrorCodesIsAnEmptyList() {
        assertThat(withErrorCodes(null).errorCodeList()).isEmpty();
        assertThat(withErrorCodes("  \n ").errorCodeList()).isEmpty();
    }
}
