package vn.motcua.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** A citizen on a 360 px phone finds a procedure typed without diacritics and opens its page. */
class FindProcedureBrowserTest extends BrowserTest {

    @Test
    void searchesWithoutDiacriticsAndOpensTheProcedurePage() {
        browser.get(url("/"));
        assertThat(browser.findElement(By.cssSelector("label[for=q]")).getText()).isEqualTo("Tìm thủ tục");
        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys("dang ky ket hon");
        box.sendKeys(Keys.ENTER);

        List<WebElement> results = browser.findElements(By.cssSelector(".results .title"));
        assertThat(results).isNotEmpty();
        assertThat(results.getFirst().getText()).isEqualTo("Đăng ký kết hôn");
        assertThat(results.getFirst().findElements(By.tagName("mark"))).isNotEmpty();

        results.getFirst().click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Đăng ký kết hôn");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Thành phần hồ sơ", "Thời hạn giải quyết", "Phí, lệ phí", "Nơi tiếp nhận hồ sơ");
        assertThat(browser.findElement(By.cssSelector(".cta")).getText()).isNotBlank();
        // Nothing overflows a 360 px screen.
        Long overflow = (Long) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).isLessThanOrEqualTo(0L);
    }

    @Test
    void browsingByFieldWorksWithTheKeyboardAndWithoutJavaScript() {
        browser.get(url("/"));
        WebElement field = browser.findElement(By.partialLinkText("Hộ tịch"));
        field.sendKeys(Keys.ENTER);
        assertThat(browser.getCurrentUrl()).contains("linhVuc=ho-tich");
        assertThat(browser.findElements(By.cssSelector(".results .title")))
                .extracting(WebElement::getText).contains("Đăng ký khai sinh");
    }
}
