package org.medops.integration.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProjectionTest {

    @Test
    void aSteadyDailyGrowthIsProjectedLinearly() {
        Projection p = Projection.of(Collections.nCopies(30, 1000L));
        assertThat(p.bytesPerDay()).isCloseTo(1000, org.assertj.core.data.Offset.offset(0.001));
        assertThat(p.growth(90)).isEqualTo(90_000);
        assertThat(p.growth(365)).isEqualTo(365_000);
    }

    @Test
    void anAcceleratingGrowthIsFittedByLeastSquares() {
        // Day i stores i bytes: cumulative i(i+1)/2 over 0..3 is 0, 1, 3, 6, slope (least squares) 2.
        assertThat(Projection.of(List.of(0L, 1L, 2L, 3L)).bytesPerDay()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void nothingStoredProjectsNothingAndGrowthIsNeverNegative() {
        assertThat(Projection.of(Collections.nCopies(30, 0L)).growth(365)).isZero();
        assertThat(Projection.of(List.of()).growth(90)).isZero();
        List<Long> days = new ArrayList<>(Collections.nCopies(29, 0L));
        days.add(3000L);
        assertThat(Projection.of(days).growth(90)).isPositive();
    }

    @Test
    void errorShareIsAPercentOfReceived() {
        assertThat(Volumes.share(7, 200)).isEqualTo(3.5);
        assertThat(Volumes.share(0, 0)).isZero();
        assertThat(Volumes.bytes(1536)).isEqualTo("1.5 KiB");
    }
}
