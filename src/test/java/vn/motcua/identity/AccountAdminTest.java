package vn.motcua.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.support.Accounts;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.PageClient;
import vn.motcua.support.Peers;
import vn.motcua.support.TestData;

/**
 * Accounts administration over HTTP as administrators use it: a province administrator creates an official who sets
 * a password through the emailed link; an agency administrator reaches only its subtree's officials and never grants
 * a province role; a forced change, an unlock and a disable take effect on the holder's next request.
 */
@IntegrationTest
class AccountAdminTest {

    private static final String WARD = "000.31.01.H57";
    private static final String OTHER_WARD = "000.31.02.H57";
    /** The address failed sign-ins come from (a documentation range), so that they count against no other test. */
    private static final String GUESSER = "198.51.100.15";
    private static final String NEW_PASSWORD = "Sông Hương chảy qua Huế";

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    @Test
    void provinceAdministratorCreatesAnOfficialWhoSetsAPasswordThroughTheEmailedLink() throws Exception {
        String username = "cb-" + suffix();
        String email = username + "@example.vn";
        PageClient admin = signedIn("admin", "demo123");
        assertThat(admin.get("/quan-tri/tai-khoan/moi").statusCode()).isEqualTo(200);

        HttpResponse<String> bad = admin.post("/quan-tri/tai-khoan", Map.of("username", "Ab", "fullName", "Lê Văn Bình",
                "roles", "SPECIALIST"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Tên đăng nhập phải dài 3–64 ký tự");

        HttpResponse<String> created = admin.post("/quan-tri/tai-khoan", Map.of("username", username,
                "fullName", "Lê Văn Bình", "email", email, "phone", "0912 345 678", "roles", "SPECIALIST"));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/quan-tri/tai-khoan/" + username);
        assertThat(accounts.findUser(username).orElseThrow().roles()).containsExactly(Role.SPECIALIST);
        assertThat(admin.get("/quan-tri/tai-khoan?q=" + username).body()).contains("Lê Văn Bình");
        assertThat(auditAuthor("ACCOUNT_CREATED", username)).isEqualTo("admin");

        admin.get("/quan-tri/tai-khoan/" + username);
        assertThat(admin.post("/quan-tri/tai-khoan/" + username + "/gui-lien-ket", Map.of()).statusCode()).isEqualTo(302);
        String link = await().atMost(Duration.ofSeconds(10)).until(() -> linkIn(email), l -> l != null);
        assertThat(link).startsWith("http://localhost:" + port + "/dat-mat-khau?token=");
        String path = link.substring(link.indexOf("/dat-mat-khau"));

        PageClient official = new PageClient(port);
        assertThat(official.get(path).statusCode()).isEqualTo(200);
        HttpResponse<String> weak = official.post("/dat-mat-khau", Map.of("token", token(path),
                "password", "matkhau12345", "repeat", "matkhau12345"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("quá phổ biến");
        HttpResponse<String> set = official.post("/dat-mat-khau", Map.of("token", token(path),
                "password", NEW_PASSWORD, "repeat", NEW_PASSWORD));
        assertThat(set.headers().firstValue("Location").orElseThrow()).endsWith("/dang-nhap?mat-khau-moi");
        assertThat(new PageClient(port).get(path).statusCode()).as("the link works once").isEqualTo(404);
        assertThat(official.post("/dat-mat-khau", Map.of("token", token(path), "password", NEW_PASSWORD + "!",
                "repeat", NEW_PASSWORD + "!")).statusCode()).isEqualTo(404);
        assertThat(location(official.signIn(username, NEW_PASSWORD))).doesNotContain("loi");
        assertThat(official.get("/quan-tri").statusCode()).isEqualTo(200);
        assertThat(auditAuthor("PASSWORD_LINK_SENT", username)).isEqualTo("admin");
    }

    @Test
    void anAgencyAdministratorReachesOnlyItsSubtreeAndNeverGrantsAProvinceRole() {
        String inside = "trong-" + suffix();
        String outside = "ngoai-" + suffix();
        accounts.official(inside, WARD, Role.RECEPTION);
        accounts.official(outside, OTHER_WARD, Role.RECEPTION);
        PageClient agencyAdmin = signedIn("agency-admin", "demo123");

        String list = agencyAdmin.get("/quan-tri/tai-khoan?trang=0").body();
        assertThat(list).contains("(" + inside + ")").doesNotContain("(" + outside + ")")
                .doesNotContain("(admin)").doesNotContain("(citizen)");
        String searched = agencyAdmin.get("/quan-tri/tai-khoan?q=" + outside).body();
        assertThat(searched).doesNotContain("(" + outside + ")");
        assertThat(agencyAdmin.get("/quan-tri/tai-khoan/" + outside).statusCode()).isEqualTo(404);
        assertThat(agencyAdmin.get("/quan-tri/tai-khoan/citizen").statusCode()).isEqualTo(404);
        assertThat(agencyAdmin.get("/quan-tri/tai-khoan/admin").statusCode()).isEqualTo(404);

        // A province administrator whose staff record is in the ward is beyond an agency administrator too.
        String provincial = "tinh-" + suffix();
        accounts.official(provincial, WARD, Role.PROVINCE_ADMIN);
        assertThat(agencyAdmin.get("/quan-tri/tai-khoan?q=" + provincial).body()).doesNotContain("(" + provincial + ")");
        assertThat(agencyAdmin.get("/quan-tri/tai-khoan/" + provincial).statusCode()).isEqualTo(404);

        agencyAdmin.get("/quan-tri/tai-khoan/" + inside);
        assertThat(agencyAdmin.post("/quan-tri/tai-khoan/" + provincial + "/khoa", Map.of()).statusCode()).isEqualTo(404);
        assertThat(accounts.findUser(provincial).orElseThrow().isEnabled()).isTrue();
        assertThat(agencyAdmin.post("/quan-tri/tai-khoan/" + outside + "/khoa", Map.of()).statusCode()).isEqualTo(404);
        assertThat(agencyAdmin.post("/quan-tri/tai-khoan/" + outside, Map.of("fullName", "Đổi tên",
                "roles", "LEADER")).statusCode()).isEqualTo(404);
        assertThat(accounts.findUser(outside).orElseThrow().isEnabled()).isTrue();
        assertThat(accounts.findUser(outside).orElseThrow().fullName()).isEqualTo("Cán bộ " + outside);

        HttpResponse<String> province = agencyAdmin.post("/quan-tri/tai-khoan/" + inside,
                Map.of("fullName", "Cán bộ " + inside, "roles", "PROVINCE_ADMIN"));
        assertThat(province.statusCode()).isEqualTo(403);
        assertThat(accounts.findUser(inside).orElseThrow().roles()).containsExactly(Role.RECEPTION);
        assertThat(agencyAdmin.post("/quan-tri/tai-khoan", Map.of("username", "moi-" + suffix(), "fullName", "Mới",
                "roles", "PROVINCE_ADMIN")).statusCode()).isEqualTo(403);

        HttpResponse<String> changed = agencyAdmin.post("/quan-tri/tai-khoan/" + inside,
                Map.of("fullName", "Trần Thị Cúc", "roles", "SPECIALIST"));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(accounts.findUser(inside).orElseThrow().roles()).containsExactly(Role.SPECIALIST);
        assertThat(auditAuthor("ACCOUNT_CHANGED", inside)).isEqualTo("agency-admin");

        // A new official of an agency administrator works at its agency, so it stays within reach.
        String created = "moi-" + suffix();
        assertThat(agencyAdmin.post("/quan-tri/tai-khoan", Map.of("username", created, "fullName", "Phan Văn Dũng",
                "title", "Chuyên viên", "roles", "SPECIALIST")).statusCode()).isEqualTo(302);
        assertThat(agencyAdmin.get("/quan-tri/tai-khoan/" + created).statusCode()).isEqualTo(200);
    }

    @Test
    void aProvinceAdministratorMayOnlyDisableEnableAndUnlockAnApplicant() {
        String citizen = "dan-" + suffix();
        accounts.citizen(citizen, "0912000111");
        PageClient admin = signedIn("admin", "demo123");
        assertThat(admin.get("/quan-tri/tai-khoan/" + citizen).statusCode()).isEqualTo(200);
        assertThat(admin.post("/quan-tri/tai-khoan/" + citizen, Map.of("fullName", "Khác", "roles", "LEADER"))
                .statusCode()).isEqualTo(403);
        assertThat(admin.post("/quan-tri/tai-khoan/" + citizen + "/gui-lien-ket", Map.of()).statusCode()).isEqualTo(403);
        assertThat(accounts.findUser(citizen).orElseThrow().roles()).containsExactly(Role.CITIZEN);
        assertThat(admin.post("/quan-tri/tai-khoan/" + citizen + "/khoa", Map.of()).statusCode()).isEqualTo(302);
        assertThat(accounts.findUser(citizen).orElseThrow().isEnabled()).isFalse();
        assertThat(admin.post("/quan-tri/tai-khoan/" + citizen + "/mo-khoa", Map.of()).statusCode()).isEqualTo(302);
        assertThat(accounts.findUser(citizen).orElseThrow().isEnabled()).isTrue();
    }

    @Test
    void disablingEndsTheSessionAndTheApiTokensAtOnce() {
        String username = "khoa-" + suffix();
        accounts.official(username, WARD, Role.SPECIALIST);
        PageClient official = signedIn(username, TestData.PASSWORD);
        assertThat(official.get("/quan-tri").statusCode()).isEqualTo(200);
        HttpResponse<String> token = Http.postJson(port, "/api/v1/auth/token",
                "{\"username\":\"" + username + "\",\"password\":\"" + TestData.PASSWORD + "\"}");
        assertThat(token.statusCode()).isEqualTo(200);

        PageClient admin = signedIn("agency-admin", "demo123");
        admin.get("/quan-tri/tai-khoan/" + username);
        assertThat(admin.post("/quan-tri/tai-khoan/" + username + "/khoa", Map.of()).statusCode()).isEqualTo(302);
        assertThat(auditAuthor("ACCOUNT_DISABLED", username)).isEqualTo("agency-admin");

        HttpResponse<String> after = official.get("/quan-tri");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(location(after)).contains("/dang-nhap");
        assertThat(jdbc.sql("select count(*) from api_token t join account a on a.id = t.account_id where a.username = ?")
                .param(username).query(Long.class).single()).isZero();
        assertThat(location(new PageClient(port).signIn(username, TestData.PASSWORD, "X-Forwarded-For", GUESSER)))
                .contains("loi=");
    }

    @Test
    void aForcedChangeShowsOnlyTheChangePasswordPageUntilANewOneIsSet() {
        String username = "doi-" + suffix();
        accounts.official(username, WARD, Role.RECEPTION);
        PageClient admin = signedIn("admin", "demo123");
        admin.get("/quan-tri/tai-khoan/" + username);
        assertThat(admin.post("/quan-tri/tai-khoan/" + username + "/doi-mat-khau", Map.of("bat", "true"))
                .statusCode()).isEqualTo(302);

        PageClient official = signedIn(username, TestData.PASSWORD);
        for (String page : List.of("/quan-tri", "/quan-tri/ho-so", "/")) {
            HttpResponse<String> answer = official.get(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(303);
            assertThat(location(answer)).endsWith("/doi-mat-khau");
        }
        assertThat(official.get("/doi-mat-khau").body()).contains("Quản trị viên yêu cầu bạn đặt mật khẩu mới");
        HttpResponse<String> wrong = official.post("/doi-mat-khau", Map.of("current", "sai mật khẩu",
                "password", NEW_PASSWORD, "repeat", NEW_PASSWORD));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("Mật khẩu hiện tại không đúng.");
        assertThat(official.post("/doi-mat-khau", Map.of("current", TestData.PASSWORD, "password", username + "-dai-hon",
                "repeat", username + "-dai-hon")).body()).contains("không được chứa tên đăng nhập");
        assertThat(official.post("/doi-mat-khau", Map.of("current", TestData.PASSWORD, "password", NEW_PASSWORD,
                "repeat", NEW_PASSWORD)).statusCode()).isEqualTo(302);
        assertThat(official.get("/quan-tri").statusCode()).isEqualTo(200);
        assertThat(auditAuthor("PASSWORD_CHANGED", username)).isEqualTo(username);
    }

    @Test
    void aTemporaryPasswordHandedOverInPersonMustBeChangedAtTheFirstSignIn() {
        String username = "tam-" + suffix();
        accounts.official(username, WARD, Role.SPECIALIST);
        PageClient before = signedIn(username, TestData.PASSWORD);
        PageClient admin = signedIn("admin", "demo123");
        admin.get("/quan-tri/tai-khoan/" + username);
        String temporary = "Tam-thoi-" + suffix() + "-x";
        HttpResponse<String> weak = admin.post("/quan-tri/tai-khoan/" + username + "/mat-khau-tam",
                Map.of("password", "ngan", "repeat", "ngan"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(location(new PageClient(port).signIn(username, TestData.PASSWORD))).as("unchanged").doesNotContain("loi");

        admin.get("/quan-tri/tai-khoan/" + username);
        assertThat(admin.post("/quan-tri/tai-khoan/" + username + "/mat-khau-tam",
                Map.of("password", temporary, "repeat", temporary)).statusCode()).isEqualTo(302);
        assertThat(before.get("/quan-tri").statusCode()).as("the old session ended").isNotEqualTo(200);
        assertThat(location(new PageClient(port).signIn(username, TestData.PASSWORD))).contains("loi");
        PageClient official = signedIn(username, temporary);
        assertThat(location(official.get("/quan-tri/ho-so"))).endsWith("/doi-mat-khau");
        assertThat(auditAuthor("PASSWORD_CHANGED", username)).isEqualTo("admin");
    }

    @Test
    void unlockingClearsTheFailedSignInsOfTheAccount() {
        String username = "chan-" + suffix();
        accounts.official(username, WARD, Role.SPECIALIST);
        PageClient guesser = new PageClient(port);
        for (int i = 0; i < 5; i++) {
            guesser.signIn(username, "sai-" + i, "X-Forwarded-For", GUESSER);
        }
        assertThat(location(guesser.signIn(username, TestData.PASSWORD, "X-Forwarded-For", GUESSER))).contains("loi=cho");

        PageClient admin = signedIn("admin", "demo123");
        admin.get("/quan-tri/tai-khoan/" + username);
        assertThat(admin.post("/quan-tri/tai-khoan/" + username + "/go-chan", Map.of()).statusCode()).isEqualTo(302);
        assertThat(location(guesser.signIn(username, TestData.PASSWORD, "X-Forwarded-For", GUESSER)))
                .doesNotContain("loi");
        assertThat(auditAuthor("ACCOUNT_UNLOCKED", username)).isEqualTo("admin");
    }

    private PageClient signedIn(String username, String password) {
        PageClient client = new PageClient(port);
        assertThat(location(client.signIn(username, password))).as("sign-in of " + username).doesNotContain("loi");
        return client;
    }

    private String auditAuthor(String action, String subject) {
        return jdbc.sql("""
                select actor from (select id, actor, action, subject from audit_pending
                                   union all select id, actor, action, subject from audit_entry) e
                where action = ? and subject = ? limit 1""").params(action, subject).query(String.class)
                .optional().orElse(null);
    }

    private static String linkIn(String email) throws Exception {
        for (MimeMessage message : Arrays.asList(Peers.MAIL.getReceivedMessages())) {
            if (Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().contains(email))) {
                Matcher link = Pattern.compile("http\\S+/dat-mat-khau\\?token=[A-Za-z0-9_-]+")
                        .matcher(message.getContent().toString());
                if (link.find()) {
                    return link.group();
                }
            }
        }
        return null;
    }

    private static String token(String path) {
        return path.substring(path.indexOf("token=") + "token=".length());
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
