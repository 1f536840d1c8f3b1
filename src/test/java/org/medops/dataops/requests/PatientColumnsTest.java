package org.medops.dataops.requests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The database's error texts as a reader without the data right sees them. */
class PatientColumnsTest {

    @Test
    void masksTheRowValuesPostgresqlQuotesButKeepsTheNames() {
        String masked = PatientColumns.maskText("ERROR: duplicate key value violates unique constraint \"his_name\"\n"
                + "  Detail: Key (patient_name)=(李四光) already exists.");
        assertThat(masked).contains("Key (patient_name)=(李*光)", "\"his_name\"").doesNotContain("李四光");
        assertThat(PatientColumns.maskText("Failing row contains (7, 张三丰, null)."))
                .isEqualTo("Failing row contains (7*, 张*丰, n**l).");
    }

    @Test
    void masksTheValuesMysqlQuotesButNotTheKeyName() {
        assertThat(PatientColumns.maskText("Duplicate entry '110101199003071234' for key 'idx_card'"))
                .doesNotContain("110101199003071234").contains("for key 'idx_card'");
    }

    @Test
    void masksBareIdCardAndMobileNumbers() {
        assertThat(PatientColumns.maskText("value 110101199003071234 and 13800138000 rejected"))
                .isEqualTo("value 110101********1234 and 138****8000 rejected");
    }

    @Test
    void leavesAnErrorWithoutValuesAlone() {
        assertThat(PatientColumns.maskText("relation \"visits\" does not exist")).isEqualTo("relation \"visits\" does not exist");
        assertThat(PatientColumns.maskText(null)).isNull();
    }
}
