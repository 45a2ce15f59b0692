package vn.motcua.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureLevel;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierReceived;
import vn.motcua.dossier.DossierRef;
import vn.motcua.dossier.DossierRefused;
import vn.motcua.dossier.DossierReturned;
import vn.motcua.dossier.DossierSubmitted;
import vn.motcua.dossier.DossierTransferred;
import vn.motcua.dossier.DossierWithdrawn;
import vn.motcua.dossier.ResultReady;
import vn.motcua.dossier.SupplementReceived;
import vn.motcua.dossier.SupplementRequested;
import vn.motcua.feedback.PetitionClosed;
import vn.motcua.feedback.PetitionRated;
import vn.motcua.feedback.PetitionReceived;
import vn.motcua.feedback.RatingGiven;
import vn.motcua.payment.PaymentCompleted;
import vn.motcua.payment.PaymentMethod;
import vn.motcua.reporting.internal.ReadModel;
import vn.motcua.reporting.internal.ReportStore;
import vn.motcua.support.IntegrationTest;
import vn.motcua.workflow.WorkingCalendar;

/**
 * A known month of one ward, told to the read model as the events the dossier, payment and feedback modules publish
 * (some out of order, one twice), and every indicator checked against its value worked out by hand below. The month
 * is March 2024, which no other test touches.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceIndexTest {

    static final String WARD = "000.31.01.H57";            // Phường Thuận Hóa
    static final String BIRTH = "1.001193";                // Đăng ký khai sinh: online, free
    static final String EXTRACT = "2.000635";              // Cấp bản sao trích lục hộ tịch: online, 8.000 đ a copy
    static final LocalDate MARCH_1 = LocalDate.of(2024, 3, 1);
    static final LocalDate MARCH_31 = LocalDate.of(2024, 3, 31);

    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;
    @Autowired ReportingService reporting;
    @Autowired ReportStore store;
    @Autowired ReadModel model;
    @Autowired CatalogService catalog;

    final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    int facts;

    @BeforeAll
    void tellTheMonth() {
        // D1: online, early (result 06/03, due 08/03), from an account, a document from the data store, paid online,
        // rated satisfied. Its result is announced twice (a redelivery): it counts once.
        DossierRef d1 = ref("D1", EXTRACT, Channel.ONLINE, "citizen");
        publish(new DossierReceived(d1, at("2024-03-04 09:00"), at("2024-03-08 17:00"), 0, 1));
        publish(new PaymentCompleted(d1.code(), "TT-" + run + "-1", PaymentMethod.VNPAY, 50_000, "BL1", true, at("2024-03-05 08:00")));
        publish(new ResultReady(d1, at("2024-03-06 10:00")));
        publish(new ResultReady(d1, at("2024-03-06 10:00")));
        facts--; // the second one is the same fact
        publish(new RatingGiven(d1.code(), WARD, EXTRACT, "ONLINE", true, at("2024-03-07 08:00")));
        // D2: at the counter, scanned, paid in cash, on time (result 08/03 16:00, due 08/03 17:00), rated not satisfied
        // on the counter's tablet. Its payment arrives before its reception.
        DossierRef d2 = ref("D2", EXTRACT, Channel.COUNTER, null);
        publish(new PaymentCompleted(d2.code(), "TT-" + run + "-2", PaymentMethod.CASH, 50_000, "BL2", true, at("2024-03-05 09:00")));
        publish(new DossierReceived(d2, at("2024-03-04 10:00"), at("2024-03-08 17:00"), 2, 0));
        publish(new ResultReady(d2, at("2024-03-08 16:00")));
        publish(new RatingGiven(d2.code(), WARD, EXTRACT, "COUNTER", false, at("2024-03-11 08:00")));
        // D3: at the counter, late (result 11/03, due 07/03), returned 12/03; part of it went to another agency, whose
        // child dossier is its work, not a second dossier.
        DossierRef d3 = ref("D3", BIRTH, Channel.COUNTER, null);
        publish(new DossierReceived(d3, at("2024-03-05 10:00"), at("2024-03-07 17:00"), 0, 0));
        publish(new DossierTransferred(d3, d3.code() + "-C", "000.00.11.H57", at("2024-03-06 09:00")));
        publish(new ResultReady(ref("D3-C", BIRTH, Channel.COUNTER, null), at("2024-03-07 09:00")));
        publish(new ResultReady(d3, at("2024-03-11 09:00")));
        publish(new DossierReturned(d3, "COUNTER", "LATE", at("2024-03-12 09:00")));
        // D4: online, refused on 07/03, before its due date: early.
        DossierRef d4 = ref("D4", BIRTH, Channel.ONLINE, "citizen");
        publish(new DossierReceived(d4, at("2024-03-06 09:00"), at("2024-03-08 17:00"), 0, 0));
        publish(new DossierRefused(d4, "Không thuộc thẩm quyền", at("2024-03-07 09:00")));
        // D5: by post, scanned, still pending and long overdue.
        DossierRef d5 = ref("D5", BIRTH, Channel.POSTAL, null);
        publish(new DossierReceived(d5, at("2024-03-06 10:00"), at("2024-03-12 17:00"), 1, 0));
        // D6: online, waiting for the applicant since 12/03 (due 15/03): ended at the request, early.
        DossierRef d6 = ref("D6", BIRTH, Channel.ONLINE, "citizen");
        publish(new DossierReceived(d6, at("2024-03-11 09:00"), at("2024-03-15 17:00"), 0, 0));
        publish(new SupplementRequested(d6, List.of("Tờ khai"), null, at("2024-03-12 09:00")));
        // D7: at the counter, asked twice for more: late whatever its dates; result into the owner's data store.
        DossierRef d7 = ref("D7", BIRTH, Channel.COUNTER, "citizen");
        publish(new DossierReceived(d7, at("2024-03-11 10:00"), at("2024-03-13 17:00"), 0, 0));
        publish(new SupplementRequested(d7, List.of("Giấy chứng sinh"), null, at("2024-03-12 10:00")));
        publish(new SupplementReceived(d7, at("2024-03-14 09:00"), at("2024-03-15 17:00"), at("2024-03-15 17:00")));
        publish(new SupplementRequested(d7, List.of("Bản sao"), null, at("2024-03-15 09:00")));
        publish(new SupplementReceived(d7, at("2024-03-18 09:00"), at("2024-03-19 17:00"), at("2024-03-19 17:00")));
        publish(new ResultReady(d7, at("2024-03-19 10:00")));
        // D8: online, withdrawn on 21/03 (due 25/03): ended, early.
        DossierRef d8 = ref("D8", BIRTH, Channel.ONLINE, "citizen");
        publish(new DossierReceived(d8, at("2024-03-20 09:00"), at("2024-03-25 17:00"), 0, 0));
        publish(new DossierWithdrawn(d8, at("2024-03-21 09:00")));
        // D9: submitted online, not yet received.
        publish(new DossierSubmitted(ref("D9", BIRTH, Channel.ONLINE, "citizen"), at("2024-03-25 09:00")));
        // Petitions: about D3, closed on time, sender satisfied; about a procedure, closed late, sender not satisfied;
        // a third still open.
        publish(new PetitionReceived("PAKN-" + run + "-1", WARD, BIRTH, d3.code(), at("2024-03-13 09:00")));
        publish(new PetitionClosed("PAKN-" + run + "-1", WARD, BIRTH, d3.code(), "ANSWERED", true, at("2024-03-20 09:00")));
        publish(new PetitionRated("PAKN-" + run + "-1", WARD, BIRTH, true, at("2024-03-21 09:00")));
        publish(new PetitionReceived("PAKN-" + run + "-2", WARD, EXTRACT, null, at("2024-03-14 09:00")));
        publish(new PetitionClosed("PAKN-" + run + "-2", WARD, EXTRACT, null, "ANSWERED", false, at("2024-03-29 09:00")));
        publish(new PetitionRated("PAKN-" + run + "-2", WARD, EXTRACT, false, at("2024-03-30 09:00")));
        publish(new PetitionReceived("PAKN-" + run + "-3", WARD, null, null, at("2024-03-28 09:00")));

        // Each fact was written with the transaction that published its event; the folder counts them.
        assertThat(recorded()).as("one fact per event, the repeated one once").isEqualTo(facts);
        model.catchUp();
    }

    @Test
    void everyCountOfTheMonthIsWhatHappened() {
        Map<String, Long> c = reporting.index(WARD, MARCH_1, MARCH_31, Locale.ROOT).counts();
        assertThat(c).containsEntry("SUBMITTED", 1L)            // D9
                .containsEntry("RECEIVED", 8L)                   // D1–D8; not D3's child
                .containsEntry("RECEIVED_ONLINE", 4L)            // D1, D4, D6, D8
                .containsEntry("HANDLED", 7L)                    // all but D5
                .containsEntry("EARLY", 4L)                      // D1, D4, D6, D8
                .containsEntry("ON_TIME", 1L)                    // D2
                .containsEntry("LATE", 2L)                       // D3, D7
                .containsEntry("REFUSED", 1L).containsEntry("WITHDRAWN", 1L).containsEntry("WAITING", 1L)
                .containsEntry("RETURNED", 1L)
                .containsEntry("SUPPLEMENT_REQUESTS", 3L)        // D6 once, D7 twice
                .containsEntry("TRANSFERRED", 1L)
                .containsEntry("DIGITISED", 2L)                  // D2, D5
                .containsEntry("REUSED", 1L)                     // D1
                .containsEntry("E_RESULTS", 4L)                  // D1, D2, D3, D7
                .containsEntry("RESULTS_TO_STORE", 2L)           // D1, D7 have accounts
                .containsEntry("FEE_PAID", 2L).containsEntry("PAID_ONLINE", 1L)
                .containsEntry("AMOUNT", 100_000L).containsEntry("AMOUNT_ONLINE", 50_000L)
                .containsEntry("RATINGS", 2L).containsEntry("RATINGS_UNSATISFIED", 1L)
                .containsEntry("PETITIONS", 3L).containsEntry("PETITIONS_ON_DOSSIERS", 1L)
                .containsEntry("PETITIONS_CLOSED", 2L).containsEntry("PETITIONS_ON_TIME", 1L)
                .containsEntry("PETITIONS_RATED", 2L).containsEntry("PETITIONS_SATISFIED", 1L);
    }

    @Test
    void everyIndicatorScoresAsWorkedOutByHand() {
        ServiceIndex index = reporting.index(WARD, MARCH_1, MARCH_31, Locale.ROOT);

        // Dossiers: points = min(max, rate × max ÷ threshold).
        expect(index, "TDGQ1", 5, 7, 71.43, 14.29);     // (4 early + 1 on time) ÷ 7 handled; 20 × 5/7
        expect(index, "CLGQ3", 4, 8, 50.00, 6.00);      // 4 online of 8 received; threshold 50% → all 6 points
        expect(index, "TTTT3", 1, 2, 50.00, 3.00);      // 1 paid online of 2 paid; 6 × 0.5
        expect(index, "MDSH1", 4, 4, 100.00, 6.00);     // 4 e-results of 7 handled − refused − withdrawn − waiting
        expect(index, "MDSH2", 2, 4, 50.00, 2.50);      // 2 scanned of 4 on paper; 4 × 50/80
        expect(index, "MDSH4", 1, 8, 12.50, 0.31);      // 1 of 8 reused stored data; 2 × 12.5/80 = 0.3125
        expect(index, "MDSH5", 2, 4, 50.00, 2.00);      // 2 of 4 results to a data store; 4 × 0.5
        expect(index, "MDHL1", 1, 2, 50.00, 3.00);      // 1 of 2 closed petitions on time
        expect(index, "MDHL2", 1, 2, 50.00, 3.00);      // 1 of 2 senders satisfied
        // 100% − (2 late + 1 unsatisfied rating + 1 petition on a dossier) ÷ 7 = 3/7 = 42.86%; 6 × 42.857/90 = 2.857
        expect(index, "MDHL3", 3, 7, 42.86, 2.86);

        // Procedures of the ward, from the catalog: commune-level ones for every commune plus those listing it.
        List<Procedure> ward = catalog.all().stream().filter(p -> p.agencies().contains(WARD)
                || p.agencies().isEmpty() && p.level() == ProcedureLevel.COMMUNE).toList();
        long online = ward.stream().filter(p -> p.onlineLevel() != OnlineLevel.INFO).count();
        long feeBearing = ward.stream().filter(p -> !p.free()).count();
        long payableOnline = ward.stream().filter(p -> !p.free() && p.onlineLevel() != OnlineLevel.INFO).count();
        assertThat(online).isGreaterThan(2);
        expectRatio(index, "CLGQ1", online, ward.size(), 2, 80);
        expectRatio(index, "CLGQ2", 2, online, 4, 100);          // birth and extract received online dossiers
        expectRatio(index, "TTTT1", payableOnline, feeBearing, 2, 80);
        expectRatio(index, "TTTT2", 1, payableOnline, 2, 100);   // only the extract was paid online

        // Population database part: measured from the checks (none of these dossiers was checked) and from the
        // documents the state holds (the demo's permanent residence asks for one).
        IndicatorScore population = index.indicator("MDSH6");
        assertThat(population.measured()).as("MDSH6").isTrue();
        assertThat(population.numerator()).as("MDSH6").isZero();
        assertThat(population.denominator()).as("MDSH6").isPositive();
        assertThat(population.points()).as("MDSH6").isZero();
        long held = ward.stream().filter(p -> p.documents().stream().anyMatch(d -> d.heldByState())).count();
        assertThat(held).isPositive();
        assertThat(index.indicator("MDSH7").measured()).as("MDSH7").isTrue();
        expectRatio(index, "MDSH7", held, ward.size(), 2, 100);
        double connected = index.indicator("MDSH7").points();
        // Measured from the certification book since copies are certified: no copy in the ward that March, so there
        // is nothing to measure, which scores full by default (motcua.reporting.index.nothing-to-measure-scores-full).
        IndicatorScore copies = index.indicator("MDSH3");
        assertThat(copies.measured()).as("MDSH3").isTrue();
        assertThat(copies.denominator()).as("MDSH3").isZero();
        assertThat(copies.points()).as("MDSH3").isEqualTo(copies.max());
        assertThat(index.group("TDGQ").points()).isEqualTo(14.29);
        assertThat(index.group("MDHL").points()).isEqualTo(8.86);
        assertThat(index.group("MDSH").points()).isCloseTo(6 + 2.5 + 0.31 + 2 + copies.max() + connected, within(0.011));
        double total = index.groups().stream().mapToDouble(GroupScore::points).sum();
        assertThat(index.total()).isCloseTo(total, within(0.006));
        // CKMB1 and CKMB2 are measured from the catalog's announcement dates (AnnouncementIndexTest).
        assertThat(index.indicator("CKMB1").measured()).isTrue();
        assertThat(index.indicator("CKMB2").measured()).isTrue();
        // CKMB4 is measured from the status sync (whose own test checks the count): of the dossiers received.
        IndicatorScore synced = index.indicator("CKMB4");
        assertThat(synced.measured()).as("CKMB4").isTrue();
        assertThat(synced.denominator()).as("CKMB4").isEqualTo(index.counts().get("RECEIVED"));
        assertThat(synced.numerator()).as("CKMB4").isBetween(0L, synced.denominator());
        assertThat(synced.points()).as("CKMB4").isCloseTo(6.0 * synced.numerator() / synced.denominator(), within(0.01));
        assertThat(index.measuredMax()).isEqualTo(100); // every indicator is measured
        assertThat(index.groups()).extracting(GroupScore::max).containsExactly(18.0, 20.0, 12.0, 10.0, 22.0, 18.0);
    }

    @Test
    void aPeriodOfPartMonthsAddsTheRightDays() {
        // 06/03–11/03: received D4, D5 (06/03), D6, D7 (11/03); ended D1 (06/03), D4 (07/03), D2 (08/03), D3 (11/03).
        Map<String, Long> days = reporting.index(WARD, LocalDate.of(2024, 3, 6), LocalDate.of(2024, 3, 11), Locale.ROOT).counts();
        assertThat(days).containsEntry("RECEIVED", 4L).containsEntry("HANDLED", 4L).containsEntry("LATE", 1L)
                .containsEntry("EARLY", 2L);
        // Half of February (days) and the whole of March (the monthly table) give March.
        Map<String, Long> across = reporting.index(WARD, LocalDate.of(2024, 2, 15), MARCH_31, Locale.ROOT).counts();
        assertThat(across).isEqualTo(reporting.index(WARD, MARCH_1, MARCH_31, Locale.ROOT).counts());
        // The province holds the ward's month.
        assertThat(reporting.index(null, MARCH_1, MARCH_31, Locale.ROOT).counts().get("RECEIVED")).isEqualTo(8L);
    }

    @Test
    void theDossiersBehindAFigureAreTheOnesCounted() {
        assertThat(reporting.dossiers(WARD, "LATE", MARCH_1, MARCH_31, 100)).extracting(DossierLine::code)
                .containsExactlyInAnyOrder(code("D3"), code("D7"));
        assertThat(reporting.dossiers(WARD, "RECEIVED_ONLINE", MARCH_1, MARCH_31, 100)).extracting(DossierLine::code)
                .containsExactlyInAnyOrder(code("D1"), code("D4"), code("D6"), code("D8"));
        assertThat(reporting.dossiers(WARD, "OVERDUE", MARCH_1, MARCH_31, 10_000)).extracting(DossierLine::code)
                .contains(code("D5")).doesNotContain(code("D6"));
        assertThat(reporting.pending(WARD).overdue()).isGreaterThanOrEqualTo(1);
        // Paid and rated: listed by the day of the payment and of the rating, like their counts.
        assertThat(reporting.dossiers(WARD, "PAID_ONLINE", MARCH_1, MARCH_31, 100)).extracting(DossierLine::code)
                .containsExactly(code("D1"));
        assertThat(reporting.dossiers(WARD, "FEE_PAID", MARCH_1, MARCH_31, 100)).extracting(DossierLine::code)
                .containsExactlyInAnyOrder(code("D1"), code("D2"));
        // D2 ended on 08/03 and was rated on 11/03: it is behind the figure of the week it was rated in.
        assertThat(reporting.dossiers(WARD, "RATINGS_UNSATISFIED", LocalDate.of(2024, 3, 11), LocalDate.of(2024, 3, 17), 100))
                .extracting(DossierLine::code).containsExactly(code("D2"));
        assertThat(reporting.dossiers(WARD, "RATINGS_UNSATISFIED", LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 10), 100))
                .isEmpty();
    }

    @Test
    void theAgenciesAreRankedBestFirst() {
        List<ServiceIndex> ranking = reporting.ranking(MARCH_1, MARCH_31, Locale.ROOT);
        assertThat(ranking).extracting(ServiceIndex::agencyCode).contains(WARD, "000.00.11.H57")
                .doesNotContain("000.00.30.H57", "000.15.22.H57"); // not the service centre nor a department's unit
        assertThat(ranking).extracting(ServiceIndex::total).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        ServiceIndex ward = ranking.stream().filter(i -> i.agencyCode().equals(WARD)).findFirst().orElseThrow();
        assertThat(ward.total()).isEqualTo(reporting.index(WARD, MARCH_1, MARCH_31, Locale.ROOT).total());
    }

    @Test
    void aRebuildFromTheHistoryGivesTheSameReadModel() {
        model.catchUp();
        Map<String, List<String>> live = store.snapshot();
        ServiceIndex before = reporting.index(WARD, MARCH_1, MARCH_31, Locale.ROOT);

        reporting.rebuild();

        assertThat(store.snapshot()).isEqualTo(live);
        assertThat(reporting.index(WARD, MARCH_1, MARCH_31, Locale.ROOT)).isEqualTo(before);
        assertThat(live.get("report_day")).anyMatch(row -> row.startsWith("2024-03-04|" + WARD));
    }

    // ------------------------------------------------------------------ helpers

    private void expect(ServiceIndex index, String code, long numerator, long denominator, double rate, double points) {
        IndicatorScore s = index.indicator(code);
        assertThat(s.numerator()).as(code + " numerator").isEqualTo(numerator);
        assertThat(s.denominator()).as(code + " denominator").isEqualTo(denominator);
        assertThat(s.rate()).as(code + " rate").isEqualTo(rate);
        assertThat(s.points()).as(code + " points").isEqualTo(points);
        assertThat(s.measured()).isTrue();
    }

    private void expectRatio(ServiceIndex index, String code, long numerator, long denominator, double max, double threshold) {
        IndicatorScore s = index.indicator(code);
        assertThat(s.numerator()).as(code + " numerator").isEqualTo(numerator);
        assertThat(s.denominator()).as(code + " denominator").isEqualTo(denominator);
        double rate = 100.0 * numerator / denominator;
        assertThat(s.points()).as(code + " points").isCloseTo(Math.min(max, rate * max / threshold), within(0.006));
    }

    private String code(String name) {
        return WARD + "-" + run + "-" + name;
    }

    private DossierRef ref(String name, String procedure, Channel channel, String account) {
        return new DossierRef(code(name), procedure, "Thủ tục", WARD, WARD, "Phường Thuận Hóa", channel,
                new Applicant(account, "Nguyễn Văn An", null, null, null, null, null, null));
    }

    private void publish(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
        facts++;
    }

    private static Instant at(String vietnamTime) {
        return LocalDateTime.parse(vietnamTime.replace(' ', 'T')).atZone(WorkingCalendar.ZONE).toInstant();
    }

    private int recorded() {
        return jdbc.sql("select count(*) from report_event where subject like ? or subject like ?")
                .params(WARD + "-" + run + "-%", "PAKN-" + run + "-%").query(Integer.class).single();
    }
}
