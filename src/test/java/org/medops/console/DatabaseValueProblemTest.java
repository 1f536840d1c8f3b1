package org.medops.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ProblemDetail;

/**
 * The second line behind the NUL filters: when PostgreSQL itself refuses a value (SQLSTATE class 22,
 * e.g. a NUL reaching a jsonb column through an untyped JSON body), the answer is a 400, not the 409
 * "changed by another request" that a uniqueness race (class 23) gets.
 */
class DatabaseValueProblemTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler(null, new StaticMessageSource(), null);

    private static DataIntegrityViolationException refused(String state) {
        return new DataIntegrityViolationException("refused", new SQLException("refused", state));
    }

    @Test
    void aCharacterTheDatabaseCannotStoreIsInvalidInput() {
        ProblemDetail nul = handler.conflict(refused("22021"));
        assertThat(nul.getStatus()).isEqualTo(400);
        assertThat(nul.getProperties()).containsEntry("code", "invalid-character");
        assertThat(handler.conflict(refused("22P05")).getProperties()).containsEntry("code", "invalid-character");
        ProblemDetail range = handler.conflict(refused("22003"));
        assertThat(range.getStatus()).isEqualTo(400);
        assertThat(range.getProperties()).containsEntry("code", "invalid-value");
    }

    @Test
    void aUniquenessRaceStaysAConflict() {
        ProblemDetail race = handler.conflict(new DuplicateKeyException("dup", new SQLException("dup", "23505")));
        assertThat(race.getStatus()).isEqualTo(409);
        assertThat(race.getProperties()).containsEntry("code", "conflict");
    }
}
