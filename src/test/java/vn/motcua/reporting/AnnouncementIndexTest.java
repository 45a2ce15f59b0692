package vn.motcua.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.catalog.ProcedureAnnouncement;
import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.reporting.internal.AnnouncementTimeliness;
import vn.motcua.reporting.internal.IndexCalculator;
import vn.motcua.reporting.internal.ProcedureProfile;
import vn.motcua.reporting.internal.ReportStore;
import vn.motcua.support.IntegrationTest;

/**
 * CKMB1 and CKMB2 follow the catalog's announcement dates on the working-day calendar: a procedure announced or
 * published on time counts, a late one counts against, one without a date is left out. October 2026 has no public
 * holiday, so its working days are its weekdays.
 */
@IntegrationTest
class AnnouncementIndexTest {

    static final LocalDate FRI_9 = LocalDate.of(2026, 10, 9), MON_12 = LocalDate.of(2026, 10, 12),
            TUE_13 = LocalDate.of(2026, 10, 13), FRI_16 = LocalDate.of(2026, 10, 16),
            MON_19 = LocalDate.of(2026, 10, 19), TUE_20 = LocalDate.of(2026, 10, 20);

    @Autowired AnnouncementTimeliness timeliness;
    @Autowired IndexCalculator calculator;

    @Test
    void announcedOnTimeNeedsFiveWorkingDaysBeforeTheLegalBasisTakesEffect() {
        assertThat(timeliness.announcedOnTime(announced(MON_12, MON_19, null))).isTrue();   // Mon–Fri: 5
        assertThat(timeliness.announcedOnTime(announced(TUE_13, MON_19, null))).isFalse();  // Tue–Fri: 4
        assertThat(timeliness.announcedOnTime(announced(FRI_9, FRI_16, null))).isTrue();    // the weekend not counted: 5
        assertThat(timeliness.announcedOnTime(announced(FRI_9, MON_12, null))).isFalse();
        assertThat(timeliness.announcedOnTime(announced(MON_19, MON_12, null))).isFalse();  // after it took effect
        assertThat(timeliness.announcedOnTime(announced(MON_12, null, null))).isNull();
        assertThat(timeliness.announcedOnTime(announced(null, MON_19, null))).isNull();
    }

    @Test
    void publishedOnTimeWithinFiveWorkingDaysOfTheDecision() {
        assertThat(timeliness.publishedOnTime(announced(MON_12, null, MON_12))).isTrue();
        assertThat(timeliness.publishedOnTime(announced(MON_12, null, MON_19))).isTrue();   // the 5th working day
        assertThat(timeliness.publishedOnTime(announced(MON_12, null, TUE_20))).isFalse();  // the 6th
        assertThat(timeliness.publishedOnTime(announced(FRI_9, null, FRI_16))).isTrue();    // weekend skipped
        assertThat(timeliness.publishedOnTime(announced(MON_12, null, null))).isNull();     // an older procedure
        assertThat(timeliness.publishedOnTime(announced(null, null, MON_12))).isNull();
    }

    @Test
    void theRatesFollowTheDates() {
        List<ProcedureProfile> procedures = List.of(
                profile("1.000001", announced(MON_12, MON_19, MON_12)),  // announced on time, published on time
                profile("1.000002", announced(TUE_13, MON_19, TUE_20)),  // announced late, published on time
                profile("1.000003", announced(MON_12, FRI_16, TUE_20)),  // announced late, published late
                profile("1.000004", announced(MON_12, null, null)),      // no effective date, no publication date
                profile("1.000005", null));                              // nothing known
        ServiceIndex index = calculator.score(null, "Tỉnh", MON_12, TUE_20,
                new ReportStore.Sums(List.of(), List.of()), new long[]{0, 0}, procedures,
                new IndexCalculator.PopulationUse(0, java.util.Set.of()), key -> key);

        IndicatorScore announced = index.indicator("CKMB1");
        assertThat(announced.measured()).isTrue();
        assertThat(announced.numerator()).isEqualTo(1);
        assertThat(announced.denominator()).isEqualTo(3);
        assertThat(announced.points()).isEqualTo(2.0);            // 6 points × 1/3 (threshold 100%)
        IndicatorScore published = index.indicator("CKMB2");
        assertThat(published.numerator()).isEqualTo(2);
        assertThat(published.denominator()).isEqualTo(3);
        assertThat(published.points()).isEqualTo(2.67);           // 4 points × 2/3
    }

    private ProcedureProfile profile(String code, ProcedureAnnouncement a) {
        return new ProcedureProfile(code, List.of(), ProcedureLevel.COMMUNE, true, false, true,
                timeliness.announcedOnTime(a), timeliness.publishedOnTime(a));
    }

    private static ProcedureAnnouncement announced(LocalDate decision, LocalDate effective, LocalDate published) {
        return new ProcedureAnnouncement("1.000000", "1/QĐ-TEST", decision, effective, published);
    }
}
