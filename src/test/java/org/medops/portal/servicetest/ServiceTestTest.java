package org.medops.portal.servicetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.medops.shared.ProblemException;

/** A service test goes to the gateway and nowhere else, whatever the form sent. */
class ServiceTestTest {

    private static ServiceTest test(String method, String path, String query) {
        return new ServiceTest("app", method, path, query, null, null);
    }

    @Test
    void targetsTheGatewayWithPathAndQuery() {
        assertThat(test("GET", "/lis/reports", "patientId=1&from=2026-11-01").target("http://127.0.0.1:9080"))
                .hasToString("http://127.0.0.1:9080/lis/reports?patientId=1&from=2026-11-01");
    }

    @Test
    void refusesPathsThatWouldLeaveTheGateway() {
        for (String path : new String[] {"@169.254.169.254/latest/meta-data/", "169.254.169.254/x", ".evil.com/x",
                "/a b", "/x?y=1", "", null}) {
            assertThatThrownBy(() -> test("GET", path, null).target("http://127.0.0.1:9080")).as(path)
                    .isInstanceOf(ProblemException.class).hasMessage("service-test-path");
        }
        assertThatThrownBy(() -> test("GET", "/x", "a=1#@evil.com").target("http://127.0.0.1:9080"))
                .hasMessage("service-test-query");
        assertThatThrownBy(() -> test("TRACE", "/x", null).target("http://127.0.0.1:9080"))
                .hasMessage("service-test-method");
    }
}
