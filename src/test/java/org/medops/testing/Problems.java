package org.medops.testing;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on RFC 9457 problem answers of the API. */
public final class Problems {

    private Problems() {
    }

    /** The answer is a problem with this status and, unless {@code code} is null, this stable code. */
    public static void problem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).contains("application/problem+json");
        if (code != null) {
            assertThat(response.json().get("code").asString()).isEqualTo(code);
        }
    }
}
