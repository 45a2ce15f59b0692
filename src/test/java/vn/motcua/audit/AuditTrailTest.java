package vn.motcua.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.motcua.audit.internal.Sealer;
import vn.motcua.catalog.CatalogService;
import vn.motcua.identity.CurrentUser;
import vn.motcua.identity.Role;
import vn.motcua.organization.OrganizationService;
import vn.motcua.platform.web.VietnamTime;
import vn.motcua.support.Accounts;
import vn.motcua.support.ApiClient;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestData;

/**
 * The audit trail end to end: a citizen's dossier opened by officials of the ward (page, API, file), looked up by the
 * public and refused to another ward; what the trail, the administrators' page and the citizen's page then say; and
 * the integrity check on copies of the trail that were edited, cut in the middle and cut at the tail.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailTest {

    static final String WARD = "000.31.01.H57";          // Phường Thuận Hóa: the demo reception officer's
    static final String OTHER_WARD = "000.31.02.H57";    // Phường Phú Xuân
    static final String BIRTH = "1.001193";

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired Accounts accounts;
    @Autowired CatalogService catalog;
    @Autowired OrganizationService organization;
    @Autowired AuditService audit;
    @Autowired Sealer sealer;

    final String run = UUID.randomUUID().toString().substring(0, 6).toLowerCase();
    final String owner = "chu-ho-so-" + run;
    String code;

    @BeforeAll
    void aCitizensDossierIsOpenedByTheWard() throws Exception {
        accounts.citizen(owner, "0905111" + "222");
        accounts.citizen("nguoi-khac-" + run, "0905333444");
        accounts.official("phu-xuan-" + run, OTHER_WARD, Role.RECEPTION);
        accounts.official("qt-phu-xuan-" + run, OTHER_WARD, Role.AGENCY_ADMIN);
        ApiClient citizen = ApiClient.signIn(port, owner, TestData.PASSWORD);
        code = citizen.postMultipart("/api/v1/dossiers", TestData.submission(catalog.procedure(BIRTH).orElseThrow(), WARD),
                null).json().get("code").asString();
        citizen.get("/api/v1/dossiers/" + code); // the applicant's own reading is not an access to record

        mvc.perform(get("/quan-tri/ho-so/" + code).with(user(account("reception")))).andExpect(status().isOk());
        ApiClient reception = ApiClient.signIn(port, "reception", "demo123");
        long fileId = reception.get("/api/v1/dossiers/" + code).json().get("files").get(0).get("id").asLong();
        reception.getBytes("/api/v1/dossiers/" + code + "/files/" + fileId);
        mvc.perform(get("/quan-tri/ho-so/" + code).with(user(account("phu-xuan-" + run)))).andExpect(status().isNotFound());
        ApiClient.anonymous(port).get("/api/v1/tracking/" + code + "?phone=1222");
    }

    @Test
    void anOfficialOpeningADossierIsRecordedWithWhoWhatWhoseAndWhere() {
        List<AuditEntry> entries = entries(code);
        AuditEntry page = entries.stream().filter(e -> e.action().equals("DOSSIER_VIEWED")).findFirst().orElseThrow();
        assertThat(page.actor()).isEqualTo("reception");
        assertThat(page.roles()).isEqualTo("RECEPTION");
        assertThat(page.agencyCode()).isEqualTo(WARD);
        assertThat(page.dataSubject()).isEqualTo(owner);
        assertThat(page.outcome()).isEqualTo("OK");
        assertThat(page.client()).isNotBlank();
        assertThat(page.at()).isBefore(java.time.Instant.now());
        assertThat(entries).filteredOn(e -> e.action().equals("DOSSIER_VIEWED")).extracting(AuditEntry::actor)
                .containsOnly("reception").hasSize(2);                                    // the page and the API
        assertThat(entries).filteredOn(e -> e.action().equals("FILE_DOWNLOADED")).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("reception"));
        // the submission itself, by the applicant, in the transaction that created the dossier
        assertThat(entries).filteredOn(e -> e.action().equals("DOSSIER_SUBMITTED")).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(owner));
        assertThat(entries).filteredOn(e -> e.action().equals("TRACKING_LOOKUP")).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("anonymous"));
        // the other ward's official was refused, and that is on the trail too
        sealer.sealNow();
        assertThat(jdbc.sql("select count(*) from audit_entry where actor = ? and action = 'ACCESS_DENIED' and subject like ?")
                .params("phu-xuan-" + run, "%" + code).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theCitizenSeesWhichAgencyAndRoleOpenedTheirDossierButNoOfficialsName() throws Exception {
        String page = page(get("/ai-da-xem"), owner, 200);
        String ward = organization.agency(WARD).orElseThrow().name();
        assertThat(page).contains("Ai đã xem dữ liệu của tôi", ward, "Cán bộ một cửa", code, "Mở hồ sơ",
                        "Tải tệp của hồ sơ", "Người tra cứu bằng mã hồ sơ và số điện thoại")
                .doesNotContain(account("reception").fullName(), ">reception<");
        // Another citizen sees nothing of it.
        assertThat(page(get("/ai-da-xem"), "nguoi-khac-" + run, 200)).doesNotContain(code)
                .contains("Chưa có ai ngoài bạn xem dữ liệu của bạn.");
        // Linked from "Hồ sơ của tôi".
        assertThat(page(get("/ho-so-cua-toi"), owner, 200)).contains("href=\"/ai-da-xem\"");
    }

    @Test
    void onlyAuditorsOpenTheAdministratorsPage() throws Exception {
        mvc.perform(get("/quan-tri/nhat-ky").with(user(account(owner)))).andExpect(status().isForbidden());
        mvc.perform(get("/quan-tri/nhat-ky/xuat.csv").with(user(account(owner)))).andExpect(status().isForbidden());
        mvc.perform(get("/quan-tri/nhat-ky").with(user(account("reception")))).andExpect(status().isForbidden());
        mvc.perform(get("/quan-tri/nhat-ky")).andExpect(status().is3xxRedirection());     // to the login page
        mvc.perform(get("/ai-da-xem").with(user(account("reception")))).andExpect(status().isForbidden());
        mvc.perform(post("/quan-tri/nhat-ky/kiem-tra").with(user(account("admin")))).andExpect(status().isForbidden()); // no CSRF
        page(get("/quan-tri/nhat-ky"), "admin", 200);
    }

    @Test
    void theAdministratorSearchesAndExports() throws Exception {
        String found = page(get("/quan-tri/nhat-ky").param("doiTuong", code).param("thaoTac", "DOSSIER_VIEWED"), "admin", 200);
        assertThat(found).contains("Nhật ký truy cập và thay đổi", code, "Mở hồ sơ", "reception", owner, "2 mục.");
        String today = LocalDate.now(VietnamTime.ZONE).toString();
        assertThat(page(get("/quan-tri/nhat-ky").param("taiKhoan", "reception").param("doiTuong", code)
                .param("tu", today).param("den", today), "admin", 200)).contains("3 mục.");
        assertThat(page(get("/quan-tri/nhat-ky").param("taiKhoan", "khong-co-" + run), "admin", 200)).contains("0 mục.");
        // Bad input: 400, said in Vietnamese.
        assertThat(page(get("/quan-tri/nhat-ky").param("tu", "31/12/2025"), "admin", 400))
                .contains("31/12/2025", "không đúng định dạng năm-tháng-ngày.");
        assertThat(page(get("/quan-tri/nhat-ky").param("tu", "2026-02-01").param("den", "2026-01-01"), "admin", 400))
                .contains("Ngày kết thúc phải sau ngày bắt đầu.");
        assertThat(page(get("/quan-tri/nhat-ky").param("thaoTac", "XOA_HET"), "admin", 400)).contains("XOA_HET");

        String csv = page(get("/quan-tri/nhat-ky/xuat.csv").param("doiTuong", code), "admin", 200);
        List<String> lines = csv.lines().toList();
        assertThat(lines.getFirst()).startsWith("\uFEFFid,stream,seq,at,actor,roles,agency,action,subject,data_subject");
        assertThat(lines).filteredOn(l -> l.contains(",DOSSIER_VIEWED," + code + "," + owner + ",")).hasSize(2);
        sealer.sealNow();
        assertThat(jdbc.sql("select count(*) from audit_entry where actor = 'admin' and action = 'AUDIT_EXPORTED'")
                .query(Integer.class).single()).isPositive();

        // An agency administrator sees their ward's officials, not another ward's.
        assertThat(page(get("/quan-tri/nhat-ky").param("doiTuong", code), "agency-admin", 200)).contains(">reception<");
        assertThat(page(get("/quan-tri/nhat-ky").param("doiTuong", code), "qt-phu-xuan-" + run, 200))
                .doesNotContain(">reception<").contains("0 mục.");
        assertThat(page(get("/quan-tri/nhat-ky").param("taiKhoan", "phu-xuan-" + run), "qt-phu-xuan-" + run, 200))
                .contains("Truy cập bị từ chối", code);
    }

    @Test
    void theIntegrityCheckOfTheLiveTrailSaysItIsIntact() throws Exception {
        var result = mvc.perform(post("/quan-tri/nhat-ky/kiem-tra").with(user(account("admin"))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat((String) result.getFlashMap().get("verificationText")).startsWith("Toàn vẹn: ");
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void anEditedEntryIsCaught() throws Exception {
        AuditEntry viewed = entries(code).stream().filter(e -> e.action().equals("DOSSIER_VIEWED")).findFirst().orElseThrow();
        String copy = copyOfTheTrail();
        assertThat(verify(copy, false)).startsWith("OK: ");
        jdbc.sql("update " + copy + ".audit_entry set actor = 'someone-else' where id = ?").param(viewed.id()).update();
        assertThat(verify(copy, false)).startsWith("BROKEN at stream " + viewed.stream() + " number " + viewed.seq()
                + " (entry id " + viewed.id() + "): its content was changed");
    }

    @Test
    void aDeletedEntryIsCaught() throws Exception {
        AuditEntry viewed = entries(code).stream().filter(e -> e.action().equals("DOSSIER_VIEWED")).findFirst().orElseThrow();
        String copy = copyOfTheTrail();
        jdbc.sql("delete from " + copy + ".audit_entry where id = ?").param(viewed.id()).update();
        assertThat(verify(copy, false)).startsWith("BROKEN at stream " + viewed.stream() + " number " + (viewed.seq() + 1))
                .contains("entries missing before this one");
    }

    @Test
    void aDeletedTailIsCaughtByTheHeadsEvenWhenTheHeadTableIsRewound() throws Exception {
        audit.exportHeads(LocalDate.now(VietnamTime.ZONE));
        String copy = copyOfTheTrail();
        String stream = entries(code).getFirst().stream();
        AuditEntry last = jdbc.sql("select * from " + copy + ".audit_entry where stream = ? order by seq desc limit 1")
                .param(stream).query(AuditService.ENTRY).single();

        jdbc.sql("delete from " + copy + ".audit_entry where id = ?").param(last.id()).update();
        assertThat(verify(copy, false)).startsWith("BROKEN at stream " + stream + " number " + last.seq())
                .contains("its head says");                       // the head table still knows
        // Whoever deletes the tail also rewinds the head: only the exported heads still know.
        jdbc.sql("update " + copy + ".audit_head set seq = ?, hash = ? where stream = ?")
                .params(last.seq() - 1, last.prevHash(), stream).update();
        assertThat(verify(copy, false)).startsWith("OK: ");
        String withHeads = verify(copy, true);
        assertThat(withHeads).startsWith("BROKEN at stream " + stream).contains("exported head is missing");
    }

    // ------------------------------------------------------------------ helpers

    /** The entries about the subject, chained (recording only queues them; the sealer chains them a moment later). */
    private List<AuditEntry> entries(String subject) {
        sealer.sealNow();
        return jdbc.sql("select * from audit_entry where subject = ? or subject like ? order by id")
                .params(subject, "% " + subject).query(AuditService.ENTRY).list();
    }

    /** A copy of the trail's two tables in a schema of its own, as an attacker or a restored backup would have it. */
    private String copyOfTheTrail() {
        String schema = "audit_copy_" + UUID.randomUUID().toString().substring(0, 8);
        sealer.sealNow();
        jdbc.sql("create schema " + schema).update();
        jdbc.sql("create table " + schema + ".audit_entry as select * from public.audit_entry").update();
        jdbc.sql("create table " + schema + ".audit_head as select * from public.audit_head").update();
        jdbc.sql("create table " + schema + ".audit_pending as select * from public.audit_pending").update();
        return schema;
    }

    /** The command line verifier on the copy (its JDBC URL pointed at the copy's schema). */
    private String verify(String schema, boolean withExportedHeads) throws Exception {
        String url;
        String username;
        try (Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
            username = c.getMetaData().getUserName();
        }
        url += (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] args = withExportedHeads
                ? new String[]{url, username, "", audit.headsFolder().toString()}
                : new String[]{url, username, ""};
        int status = VerifyTrail.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(status).as(printed).isEqualTo(printed.startsWith("OK") ? 0 : 1);
        return printed;
    }

    private CurrentUser account(String username) {
        return accounts.findUser(username).orElseThrow();
    }

    private String page(MockHttpServletRequestBuilder request, String username, int expectedStatus) throws Exception {
        var response = mvc.perform(request.with(user(account(username)))).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(expectedStatus);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

}
