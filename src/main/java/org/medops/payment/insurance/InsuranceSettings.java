package org.medops.payment.insurance;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How MedOps talks to the insurance centre.
 *
 * @param centreUrl     the centre's gateway, e.g. {@code https://fsi.example.gov.cn}; blank: the local sandbox
 * @param fixmedinsCode the hospital's 定点医药机构编号
 * @param regions       per region (统筹区 admdvs code): its name, the columns of the 3202 detail file and of the
 *                      result file, and further input fields its interfaces require (e.g. {@code clr_way})
 * @param sandbox       the centre sandbox: on (demo, tests) and its port (0: any free one)
 */
@ConfigurationProperties("medops.insurance")
record InsuranceSettings(@DefaultValue("") String centreUrl, @DefaultValue("H44010600001") String fixmedinsCode,
                         @DefaultValue("MedOps 医院") String fixmedinsName, Map<String, Region> regions,
                         @DefaultValue Sandbox sandbox) {

    static final List<String> NATIONAL_DETAIL = List.of("setl_id", "mdtrt_id", "psn_no", "medfee_sumamt",
            "fund_pay_sumamt", "acct_pay", "refd_setl_flag");
    static final List<String> NATIONAL_RESULT = List.of("psn_no", "mdtrt_id", "setl_id", "msgid", "stmt_rslt",
            "refd_setl_flag", "memo", "medfee_sumamt", "fund_pay_sumamt", "acct_pay");

    InsuranceSettings {
        regions = regions == null || regions.isEmpty()
                ? Map.of("440100", new Region("广州市（国家版字段）", NATIONAL_DETAIL, NATIONAL_RESULT, Map.of()))
                : Map.copyOf(regions);
    }

    Region region(String code) {
        Region region = regions.get(code);
        if (region == null) {
            throw org.medops.shared.ProblemException.invalid("ins-region-unknown", code);
        }
        return region;
    }

    /** A region's field sets; absent lists take the national layout. */
    record Region(String name, List<String> detailColumns, List<String> resultColumns, Map<String, String> extraInput) {

        Region {
            detailColumns = detailColumns == null || detailColumns.isEmpty() ? NATIONAL_DETAIL : List.copyOf(detailColumns);
            resultColumns = resultColumns == null || resultColumns.isEmpty() ? NATIONAL_RESULT : List.copyOf(resultColumns);
            extraInput = extraInput == null ? Map.of() : Map.copyOf(extraInput);
        }
    }

    record Sandbox(@DefaultValue("false") boolean enabled, @DefaultValue("0") int port) {
    }
}
