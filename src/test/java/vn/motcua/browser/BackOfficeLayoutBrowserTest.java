package vn.motcua.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpCookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import vn.motcua.identity.demo.DemoAccounts;
import vn.motcua.support.IntegrationTest;
import vn.motcua.web.RouteAccess.Route;
import vn.motcua.web.RouteFixtures;
import vn.motcua.web.Visitor;

/**
 * The official's working day fits the screen, in Chromium, at a phone's 360x740 and a desk's 1280x800: the inbox, dossier
 * pages, the dashboard and the reports' dossier list never scroll sideways, and at 1280 px no table is wider than its
 * box (the inbox shows code, applicant, due and status first); on the phone the lists' rows are cards and chart text is
 * at least 12 px; and axe-core finds no serious or critical violation, nor any scrollable region that the keyboard
 * cannot reach.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackOfficeLayoutBrowserTest {

    /** axe-core's script, shipped in Deque's Selenium binding (its only file that is used). */
    static final String AXE = axeScript();

    /**
     * The document's width, and each table (with its caption or first header) that is wider than its box; on a phone
     * (arguments[0]) a table may be wider only inside a box that scrolls, that the keyboard reaches and that is named.
     */
    static final String OVERFLOW = """
            const vw = document.documentElement.clientWidth, phone = arguments[0];
            const wide = [];
            for (const t of document.querySelectorAll('main table')) {
              const parent = t.parentElement, box = parent.getBoundingClientRect(), r = t.getBoundingClientRect();
              const region = parent.classList.contains('scroll') && parent.tabIndex === 0
                  && parent.getAttribute('aria-label') && getComputedStyle(parent).overflowX === 'auto';
              if (phone && region && box.right <= vw + 0.5) continue;
              if (r.width > 0 && (r.width > box.width + 0.5 || r.right > vw + 0.5)) {
                const name = (t.caption || t.querySelector('th') || t).textContent.trim().slice(0, 40);
                wide.push('table "' + name + '" ' + Math.round(r.width) + ' px in ' + Math.round(box.width) + ' px');
              }
            }
            return [document.documentElement.scrollWidth, vw, wide.join('; ')];""";

    /** The smallest chart text as rendered (font size times the drawing's scale), and how many texts were measured. */
    static final String CHART_TEXT = """
            let smallest = 1000, n = 0;
            for (const t of document.querySelectorAll('svg.chart text')) {
              const r = t.getBoundingClientRect();
              if (r.width === 0) continue;
              const px = parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a;
              smallest = Math.min(smallest, px); n++;
            }
            return [smallest, n];""";

    /** Rows of the lists that should be cards on a phone, and those of them that are not (or lack a cell's label). */
    static final String CARDS = """
            const rows = [...document.querySelectorAll('main table.cards > tbody > tr')];
            const bad = rows.filter(tr => getComputedStyle(tr).display !== 'block'
                || [...tr.querySelectorAll('td')].some(td => !td.hasAttribute('data-label') && !td.hasAttribute('colspan')));
            return [rows.length, bad.length];""";

    /** axe-core's serious and critical violations, and any scrollable region the keyboard cannot reach. */
    static final String AXE_RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical' || v.id === 'scrollable-region-focusable')
                .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))
                .join('; '))).catch(e => done('axe failed: ' + e));""";

    @LocalServerPort int port;
    @Autowired ApplicationContext context;

    ChromeDriver browser;

    @BeforeAll
    void open() throws Exception {
        browser = Browser.start();
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theOfficialsPagesFitAPhoneAndADeskAndPassAxe() {
        RouteFixtures fixtures = RouteFixtures.of(context, port);
        List<String> pages = new ArrayList<>(List.of("/quan-tri/ho-so", "/quan-tri/ho-so?tatCa=true"));
        pages.addAll(fixtures.paths(new Route("GET", "/quan-tri/ho-so/{code}"), "leader").stream().limit(4).toList());
        pages.addAll(List.of("/quan-tri/bao-cao", "/quan-tri/bao-cao?ky=nam",
                "/quan-tri/bao-cao/ho-so?chiSo=RECEIVED&ky=nam", "/quan-tri/bao-cao/ho-so?chiSo=PENDING"));
        browseAs(Visitor.signIn(port, "leader", DemoAccounts.PASSWORD));

        List<String> failures = new ArrayList<>();
        int charts = 0;
        int cards = 0;
        for (int[] screen : new int[][]{{360, 740}, {1280, 800}}) {
            int width = screen[0];
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", screen[1],
                    "deviceScaleFactor", 1, "mobile", width < 600));
            for (String path : pages) {
                browser.get("http://localhost:" + port + path);
                String at = path + " at " + width + " px: ";
                assertThat(browser.getTitle()).as(at + "title").isNotBlank();
                List<?> fit = (List<?>) browser.executeScript(OVERFLOW, width == 360);
                long scrollWidth = ((Number) fit.get(0)).longValue();
                if (scrollWidth > width || !((String) fit.get(2)).isEmpty()) {
                    failures.add(at + "document " + scrollWidth + " px wide at " + fit.get(1) + " px; " + fit.get(2));
                }
                if (width == 1280 && path.startsWith("/quan-tri/ho-so?")) {
                    assertThat(browser.executeScript("return [...document.querySelectorAll('main table.inbox thead th')]"
                            + ".slice(0, 4).map(th => th.textContent.trim())")).as(at + "first columns")
                            .isEqualTo(List.of("Mã hồ sơ", "Người nộp", "Hẹn trả kết quả", "Trạng thái"));
                }
                if (width == 360) {
                    List<?> text = (List<?>) browser.executeScript(CHART_TEXT);
                    double smallest = ((Number) text.get(0)).doubleValue();
                    charts += ((Number) text.get(1)).intValue();
                    if (smallest < 12) {
                        failures.add(at + "chart text " + Math.round(smallest * 10) / 10.0 + " px");
                    }
                    List<?> rows = (List<?>) browser.executeScript(CARDS);
                    cards += ((Number) rows.get(0)).intValue();
                    if (((Number) rows.get(1)).intValue() > 0) {
                        failures.add(at + rows.get(1) + " rows of a list are not labelled cards");
                    }
                }
                browser.executeScript(AXE);
                String violations = (String) browser.executeAsyncScript(AXE_RUN);
                if (!violations.isEmpty()) {
                    failures.add(at + "axe: " + violations);
                }
            }
        }
        System.out.printf("back office: %d pages at 360 and 1280 px, %d chart texts and %d card rows measured%n",
                pages.size(), charts, cards);
        assertThat(charts).as("chart texts measured on the dashboard").isPositive();
        assertThat(cards).as("rows of the lists shown as cards on a phone").isPositive();
        assertThat(failures).isEmpty();
    }

    /** The browser takes over the visitor's session, signed in through the login form. */
    private void browseAs(Visitor visitor) {
        browser.get("http://localhost:" + port + "/css/site.css");
        browser.manage().deleteAllCookies();
        HttpCookie session = visitor.sessionCookie().orElseThrow();
        browser.manage().addCookie(new Cookie(session.getName(), session.getValue(), "/"));
    }

    private static String axeScript() {
        try (InputStream in = BackOfficeLayoutBrowserTest.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
