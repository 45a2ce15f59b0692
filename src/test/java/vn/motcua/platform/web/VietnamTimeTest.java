package vn.motcua.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class VietnamTimeTest {

    final VietnamTime time = new VietnamTime();

    @Test
    void aDueTimeReadsTheSameWhateverTypeCarriesTheInstant() {
        // 10:00 UTC is 17:00 in Huế.
        Instant due = Instant.parse("2026-12-12T10:00:00Z");

        assertThat(time.dateTime(due)).isEqualTo("17:00 ngày 12/12/2026");
        assertThat(time.dateTime(due.atZone(VietnamTime.ZONE))).isEqualTo("17:00 ngày 12/12/2026");
        assertThat(time.dateTime(ZonedDateTime.ofInstant(due, ZoneOffset.UTC))).isEqualTo("17:00 ngày 12/12/2026");
        assertThat(time.dateTime(OffsetDateTime.ofInstant(due, ZoneOffset.UTC))).isEqualTo("17:00 ngày 12/12/2026");
        assertThat(VietnamTime.DATE_TIME.format(due)).isEqualTo("17:00 ngày 12/12/2026");
    }

    @Test
    void daysReadDayMonthYearAndNothingPrintsAsEmpty() {
        Instant lateEvening = Instant.parse("2026-02-04T17:30:00Z"); // 00:30 on 5 February in Huế

        assertThat(time.date(lateEvening)).isEqualTo("05/02/2026");
        assertThat(time.clock(lateEvening)).isEqualTo("00:30");
        assertThat(time.date(LocalDate.of(2027, 4, 30))).isEqualTo("30/04/2027");
        assertThat(time.input(lateEvening)).isEqualTo("2026-02-05");
        assertThat(time.dateTime(null)).isEmpty();
        assertThat(time.date(null)).isEmpty();
        assertThat(time.clock(null)).isEmpty();
    }
}
