package vn.motcua.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.motcua.identity.demo.DemoAccounts;
import vn.motcua.support.IntegrationTest;
import vn.motcua.web.RouteAccess;
import vn.motcua.web.RouteAccess.Route;
import vn.motcua.web.RouteFixtures;
import vn.motcua.web.Visitor;

/**
 * Every page renders for each role that may see it, with the fixtures that put dossiers in every state, and fits a
 * 360 px wide phone screen in Chromium: the document does not scroll sideways, and no element reaches past the right
 * edge unless it sits in a box that scrolls by itself (a wide table in its scrolling container).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageFitBrowserTest {

    static final int WIDTH = 360;

    /** What sticks out of the screen: the document's width, and the first few elements past its right edge. */
    static final String OVERFLOW = """
            const vw = document.documentElement.clientWidth;
            const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                + (e.classList.length ? '.' + [...e.classList].join('.') : '');
            const out = [], reported = [];
            for (const e of document.querySelectorAll('body *')) {
              const r = e.getBoundingClientRect();
              if (r.width === 0 || r.height === 0 || r.right <= vw + 0.5) continue;
              let box = e.parentElement, scrolls = false;
              for (; box && box !== document.body; box = box.parentElement) {
                if (['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) { scrolls = true; break; }
              }
              if (scrolls && box.getBoundingClientRect().right <= vw + 0.5) continue;
              if (reported.some(o => o.contains(e))) continue;
              reported.push(e);
              out.push(name(e) + ' to ' + Math.round(r.right) + ' px'
                  + (e.textContent ? ' "' + e.textContent.trim().slice(0, 40) + '"' : ''));
              if (out.length === 3) break;
            }
            return [document.documentElement.scrollWidth, vw, out.join('; ')];""";

    @LocalServerPort int port;
    @Autowired List<RequestMappingHandlerMapping> mappings;
    @Autowired ApplicationContext context;

    ChromeDriver browser;

    @BeforeAll
    void open() throws Exception {
        browser = Browser.start();
        // A phone's screen, as a phone's browser lays it out (the page's viewport meta tag applies).
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", WIDTH, "height", 800, "deviceScaleFactor", 1, "mobile", true));
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void everyPageRendersForWhoMaySeeItAndFitsAPhoneScreen() {
        RouteFixtures fixtures = RouteFixtures.of(context, port);
        RouteAccess access = RouteAccess.load();
        List<Route> pages = RouteAccess.appRoutes(mappings).keySet().stream()
                .filter(r -> r.isGet() && !r.api() && access.decided(r)).toList();
        List<String> failures = new ArrayList<>();
        int rendered = 0;
        int measured = 0;
        for (String role : RouteAccess.ROLES) {
            Visitor visitor = role.equals(Visitor.ANONYMOUS) ? Visitor.anonymous(port)
                    : Visitor.signIn(port, role, DemoAccounts.PASSWORD);
            browseAs(visitor);
            for (Route route : pages) {
                if (!access.allows(route, role)) {
                    continue;
                }
                for (String path : fixtures.paths(route, role)) {
                    Visitor.Reply reply = visitor.get(path);
                    if (!reply.contentType().startsWith("text/html") || reply.status() / 100 == 3) {
                        continue; // a file to download, or a step on to another page
                    }
                    rendered++;
                    if (reply.status() != 200 || !reply.body().strip().endsWith("</html>")) {
                        failures.add(path + " as " + role + ": did not render (" + reply.status() + ")");
                        continue;
                    }
                    if (!measures(route, role)) {
                        continue;
                    }
                    measured++;
                    browser.get("http://localhost:" + port + path);
                    fits(path + " as " + role, failures);
                }
            }
            if (role.equals("reception")) {
                measured += statementReport(failures);
            }
        }
        System.out.printf("pages × roles: %d rendered, %d measured at %d px in Chromium%n", rendered, measured, WIDTH);
        assertThat(failures).as("pages that do not render, or do not fit a %d px screen", WIDTH).isEmpty();
    }

    private void fits(String what, List<String> failures) {
        @SuppressWarnings("unchecked")
        List<Object> fit = (List<Object>) browser.executeScript(OVERFLOW);
        long scrollWidth = ((Number) fit.get(0)).longValue();
        String beyond = (String) fit.get(2);
        if (scrollWidth > WIDTH || !beyond.isEmpty()) {
            failures.add(what + ": " + scrollWidth + " px wide at " + fit.get(1) + " px; " + beyond);
        }
    }

    /** The page a statement upload answers with: the report of each line (none of them pays anything here). */
    private int statementReport(List<String> failures) {
        try {
            Path csv = Files.createTempFile("sao-ke", ".csv");
            Files.writeString(csv, """
                    Ngày giao dịch;Số tiền ghi có;Nội dung;Số tham chiếu
                    23/11/2026;10.000;NGUYEN VAN AN CK TT99999999;FT26327000000001
                    23/11/2026;50.000;TIEN DIEN THANG 11;FT26327000000002
                    """);
            browser.get("http://localhost:" + port + "/quan-tri/thu-phi/sao-ke");
            browser.findElement(By.id("file")).sendKeys(csv.toString());
            browser.findElement(By.cssSelector("main form button[type=submit]")).click();
            browser.findElement(By.id("report-heading"));
            Files.delete(csv);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        fits("/quan-tri/thu-phi/sao-ke after a statement as reception", failures);
        return 1;
    }

    /**
     * Public pages are measured for anonymous and a citizen (the others see the same page with another name in the
     * header), the applicant's for both applicants, the back office's for each official who may see them.
     */
    private static boolean measures(Route route, String role) {
        return route.pattern().startsWith("/quan-tri") || !List.of("reception", "specialist", "leader",
                "agency-admin", "admin", "business").contains(role)
                || route.pattern().startsWith("/ho-so-cua-toi") || route.pattern().startsWith("/thanh-toan/")
                || route.pattern().startsWith("/kho-du-lieu") || route.pattern().startsWith("/nop-ho-so");
    }

    /** The browser takes over the visitor's session, signed in through the login form. */
    private void browseAs(Visitor visitor) {
        browser.get("http://localhost:" + port + "/css/site.css");
        browser.manage().deleteAllCookies();
        HttpCookie session = visitor.sessionCookie().orElse(null);
        if (session != null) {
            browser.manage().addCookie(new Cookie(session.getName(), session.getValue(), "/"));
        }
    }
}
