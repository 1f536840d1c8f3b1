package org.medops.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ActiveHoursTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** A Wednesday. */
    static final ZonedDateTime WEDNESDAY = ZonedDateTime.of(2026, 12, 2, 0, 0, 0, 0, SHANGHAI);

    static ZonedDateTime at(ZonedDateTime day, int hour, int minute) {
        return day.withHour(hour).withMinute(minute);
    }

    @Nested
    class Daytime {

        final ActiveHours weekdays = new ActiveHours(LocalTime.of(7, 0), LocalTime.of(22, 0), List.of(5, 1, 2, 3, 4));

        @Test
        void watchesFromTheStartOfTheDaysWindow() {
            assertThat(weekdays.openSince(at(WEDNESDAY, 9, 30))).contains(at(WEDNESDAY, 7, 0));
        }

        @Test
        void doesNotWatchBeforeOrAfterTheWindow() {
            assertThat(weekdays.openSince(at(WEDNESDAY, 6, 59))).isEmpty();
            assertThat(weekdays.openSince(at(WEDNESDAY, 22, 0))).isEmpty();
        }

        @Test
        void doesNotWatchOnADayNotListed() {
            assertThat(weekdays.openSince(at(WEDNESDAY.plusDays(3), 9, 30))).as("a Saturday").isEmpty();
            assertThat(weekdays.daysText()).isEqualTo("1,2,3,4,5");
        }
    }

    @Nested
    class OverMidnight {

        final ActiveHours night = new ActiveHours(LocalTime.of(22, 0), LocalTime.of(6, 0), List.of());

        @Test
        void aWindowOverMidnightOpenedTheEveningBefore() {
            assertThat(night.openSince(at(WEDNESDAY, 3, 0))).contains(at(WEDNESDAY.minusDays(1), 22, 0));
            assertThat(night.openSince(at(WEDNESDAY, 23, 0))).contains(at(WEDNESDAY, 22, 0));
            assertThat(night.openSince(at(WEDNESDAY, 12, 0))).isEmpty();
        }
    }
}
