package vn.motcua.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import vn.motcua.MotCuaApplication;
import vn.motcua.identity.internal.AdminCreateCommand;
import vn.motcua.identity.internal.FirstStart;
import vn.motcua.support.PageClient;
import vn.motcua.support.Peers;

/**
 * A real installation's first start, outside demo mode on an empty database: the one-time setup link printed once in
 * the log creates the first province administrator (once, within its hour, never after one exists), and the jar's
 * {@code admin create} command creates one with the password typed twice on standard input, then exits; then that
 * administrator sets up the province through the pages ({@link ProvinceInstallation}), in this same application.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstStartTest {

    private static final Pattern LINK = Pattern.compile("http://localhost:\\d+/thiet-lap\\?token=([A-Za-z0-9_-]+)");
    private static final String PASSWORD = "Cố đô Huế mùa sen nở";

    private static ConfigurableApplicationContext app;
    private static Path dataDir;
    private static int port;
    private static String startLog;

    @BeforeAll
    static void start() throws IOException {
        dataDir = Files.createTempDirectory("motcua-first-start-");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        // The console as it was during the start: the log line of the link is read from there, as an operator would.
        PrintStream console = System.out;
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new Tee(console, copy), true, StandardCharsets.UTF_8));
        try {
            app = new SpringApplicationBuilder(MotCuaApplication.class).profiles("test").run(
                    "--server.port=" + port, "--motcua.public-url=http://localhost:" + port,
                    "--motcua.data-dir=" + dataDir, "--motcua.demo.enabled=false",
                    // The installation's mail server: the officials' password links go through it.
                    "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + Peers.MAIL.getSmtp().getPort(),
                    "--motcua.notification.email-from=" + Peers.EMAIL_FROM);
        } finally {
            System.setOut(console);
        }
        startLog = copy.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        FileSystemUtils.deleteRecursively(dataDir.toFile());
    }

    @Test
    @Order(1)
    void theSetupLinkIsLoggedOnceAndCreatesTheFirstAdministratorOnce() {
        List<String> tokens = new ArrayList<>();
        Matcher found = LINK.matcher(startLog);
        while (found.find()) {
            if (!tokens.contains(found.group(1))) {
                tokens.add(found.group(1));
            }
        }
        assertThat(tokens).as("setup links in the start's log").hasSize(1);
        assertThat(startLog).contains("http://localhost:" + port + "/thiet-lap?token=");
        String logged = tokens.getFirst();
        PageClient visitor = new PageClient(port);
        assertThat(visitor.get("/thiet-lap").statusCode()).isEqualTo(404);
        assertThat(visitor.get("/thiet-lap?token=not-the-token").statusCode()).isEqualTo(404);
        assertThat(visitor.get("/thiet-lap?token=" + logged).statusCode()).isEqualTo(200);

        // A new link (as a restart makes) voids the old one; a link past its hour does not work.
        FirstStart firstStart = app.getBean(FirstStart.class);
        String second = token(firstStart.newSetupLink());
        assertThat(visitor.get("/thiet-lap?token=" + logged).statusCode()).isEqualTo(404);
        assertThat(visitor.get("/thiet-lap?token=" + second).statusCode()).isEqualTo(200);
        app.getBean(JdbcClient.class).sql("update setup_link set expires_at = now() - interval '1 second'").update();
        assertThat(visitor.get("/thiet-lap?token=" + second).statusCode()).isEqualTo(404);
        assertThat(visitor.post("/thiet-lap", form(second, "tinh-admin", PASSWORD, PASSWORD)).statusCode())
                .isEqualTo(404);

        String token = token(firstStart.newSetupLink());
        assertThat(visitor.get("/thiet-lap?token=" + token).body()).contains("Thiết lập lần đầu");
        HttpResponse<String> mismatch = visitor.post("/thiet-lap", form(token, "tinh-admin", PASSWORD, PASSWORD + "x"));
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(mismatch.body()).contains("Hai lần nhập mật khẩu không khớp nhau.");
        HttpResponse<String> weak = visitor.post("/thiet-lap", form(token, "tinh-admin", "tinh-admin-2026",
                "tinh-admin-2026"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("Mật khẩu không được chứa tên đăng nhập.");
        HttpResponse<String> created = visitor.post("/thiet-lap", form(token, "tinh-admin", PASSWORD, PASSWORD));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/dang-nhap?thiet-lap");

        assertThat(visitor.get("/thiet-lap?token=" + token).statusCode()).as("used").isEqualTo(404);
        String afterwards = token(firstStart.newSetupLink());
        assertThat(visitor.get("/thiet-lap?token=" + afterwards).statusCode()).as("an administrator exists")
                .isEqualTo(404);

        PageClient admin = new PageClient(port);
        assertThat(admin.signIn("tinh-admin", PASSWORD).headers().firstValue("Location").orElseThrow())
                .doesNotContain("loi");
        assertThat(admin.get("/quan-tri/tai-khoan").body()).contains("(tinh-admin)");
        // Before the province has any agency, its figures are empty pages, not errors (the footer links /minh-bach).
        assertThat(admin.get("/quan-tri/bao-cao").statusCode()).isEqualTo(200);
        assertThat(visitor.get("/minh-bach").statusCode()).isEqualTo(200);
        assertThat(app.getBean(JdbcClient.class).sql("""
                select actor from (select actor, action, subject from audit_pending
                                   union all select actor, action, subject from audit_entry) e
                where action = 'FIRST_ADMIN_CREATED' and subject = 'tinh-admin'""").query(String.class).list())
                .hasSize(1);
    }

    @Test
    @Order(2)
    void theAdminCreateCommandAsksForThePasswordTwiceAndRefusesAWeakOne() {
        AdminCreateCommand command = app.getBean(AdminCreateCommand.class);
        assertThat(AdminCreateCommand.requested("admin", "create", "--username=x")).isTrue();
        assertThat(AdminCreateCommand.requested("files", "move")).isFalse();

        assertThat(run(command, "", "admin", "create", "--username=so-tu-phap")).isEqualTo(2);
        assertThat(run(command, "ngan\nngan\n", "admin", "create", "--username=so-tu-phap", "--name=Sở Tư pháp",
                "--email=stp@example.vn")).isEqualTo(2);
        assertThat(run(command, PASSWORD + "\n" + PASSWORD + "!\n", "admin", "create", "--username=so-tu-phap",
                "--name=Sở Tư pháp", "--email=stp@example.vn")).isEqualTo(2);
        assertThat(new PageClient(port).signIn("so-tu-phap", PASSWORD).headers().firstValue("Location").orElseThrow())
                .contains("loi=sai");

        assertThat(run(command, PASSWORD + "\n" + PASSWORD + "\n", "admin", "create", "--username=so-tu-phap",
                "--name=Quản trị Sở Tư pháp", "--email=stp@example.vn")).isEqualTo(0);
        PageClient admin = new PageClient(port);
        assertThat(admin.signIn("so-tu-phap", PASSWORD).headers().firstValue("Location").orElseThrow())
                .doesNotContain("loi");
        assertThat(admin.get("/quan-tri/tai-khoan").statusCode()).isEqualTo(200);
        assertThat(run(command, PASSWORD + "\n" + PASSWORD + "\n", "admin", "create", "--username=so-tu-phap",
                "--name=Lần nữa", "--email=stp@example.vn")).as("taken").isEqualTo(2);
    }

    /** The jar's command in a JVM of its own, on this installation's database: it creates the account and exits. */
    @Test
    @Order(3)
    void theCommandRunsInItsOwnProcessAndExits() throws Exception {
        HikariDataSource data = app.getBean(HikariDataSource.class);
        Path otherDir = Files.createTempDirectory("motcua-admin-create-");
        try {
            Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                    "-cp", System.getProperty("java.class.path"), MotCuaApplication.class.getName(),
                    "admin", "create", "--username=thanh-pho", "--name=Quản trị thành phố", "--email=tp@example.vn",
                    "--spring.datasource.url=" + data.getJdbcUrl(),
                    "--spring.datasource.username=" + data.getUsername(),
                    "--spring.datasource.password=" + (data.getPassword() == null ? "" : data.getPassword()),
                    "--motcua.data-dir=" + otherDir, "--management.server.port=0", "--logging.level.root=WARN")
                    .redirectErrorStream(true).redirectOutput(otherDir.resolve("out.txt").toFile()).start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write((PASSWORD + "\n" + PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
            }
            boolean exited = process.waitFor(240, TimeUnit.SECONDS);
            String output = Files.readString(otherDir.resolve("out.txt"));
            if (!exited) {
                process.destroyForcibly();
            }
            assertThat(exited).as("the command exits: " + output).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).contains("province administrator thanh-pho created");
            assertThat(new PageClient(port).signIn("thanh-pho", PASSWORD).headers().firstValue("Location")
                    .orElseThrow()).doesNotContain("loi");
        } finally {
            FileSystemUtils.deleteRecursively(otherDir.toFile());
        }
    }

    /**
     * The "done means": from the administrator the setup link created (test 1), through the pages alone, a
     * catalog and an organisation are imported, the officials set their passwords through the emailed links, and a
     * walk-in dossier is received at the new commune's counter and reaches its specialist.
     */
    @Test
    @Order(4)
    void theFirstAdministratorSetsUpTheProvinceAndItsCounterReceivesADossier() throws Exception {
        String code = new ProvinceInstallation(port).walk("tinh-admin", PASSWORD);
        assertThat(app.getBean(JdbcClient.class).sql("select receiving_agency from dossier where code = ?").param(code)
                .query(String.class).single()).isEqualTo(ProvinceInstallation.COMMUNE);
    }

    private static int run(AdminCreateCommand command, String typed, String... args) {
        InputStream stdin = System.in;
        System.setIn(new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)));
        try {
            command.run(new DefaultApplicationArguments(args));
            return command.getExitCode();
        } finally {
            System.setIn(stdin);
        }
    }

    private static Map<String, String> form(String token, String username, String password, String repeat) {
        return Map.of("token", token, "username", username, "fullName", "Nguyễn Quản Trị", "email",
                "quantri@example.vn", "password", password, "repeat", repeat);
    }

    private static String token(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    /** Writes to the console and keeps a copy. */
    private static final class Tee extends OutputStream {

        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
