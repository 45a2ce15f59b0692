package vn.motcua.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.catalog.CatalogService;
import vn.motcua.support.TestData;

/** On a 360 × 740 phone the official's first action on a dossier is in the first screen, before the long details. */
class OfficialActionsBrowserTest extends BrowserTest {

    @Autowired CatalogService catalog;

    @Test
    void theFirstActionButtonIsInTheFirstScreen() {
        // Reception's Tiếp nhận handed it to the specialist's step: the specialist's page, then.
        String code = TestData.atSpecialistStep(port, catalog.procedure("1.001193").orElseThrow(), "000.31.01.H57");
        signIn("specialist");
        // The phone's screen itself is 360 × 740 (a window of that size leaves less to the page, for its own bars).
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 740, "deviceScaleFactor", 1, "mobile", true));
        browser.get(url("/quan-tri/ho-so/" + code));

        WebElement first = browser.findElement(By.cssSelector("#actions button[type=submit]"));
        long viewport = ((Number) browser.executeScript("return window.innerHeight")).longValue();
        long bottom = ((Number) browser.executeScript(
                "return arguments[0].getBoundingClientRect().bottom + window.scrollY", first)).longValue();
        assertThat(viewport).isEqualTo(740);
        assertThat(first.getText()).isNotBlank();
        assertThat(bottom).as("the first action's bottom edge, in a %d px high screen", viewport)
                .isLessThanOrEqualTo(viewport);
    }
}
