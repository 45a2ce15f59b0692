package vn.motcua.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A citizen asks the chat panel at the bottom of a page, answers its follow-up question, and stays on the page. */
class AssistantBrowserTest extends BrowserTest {

    @Test
    void theChatPanelAnswersInPlaceAndItsFollowUpChoicesWork() {
        browser.get(url("/thu-tuc"));
        browser.findElement(By.cssSelector("#tro-ly > summary")).click();
        WebElement box = browser.findElement(By.id("assistant-panel-q"));
        assertThat(browser.findElement(By.cssSelector("label[for=assistant-panel-q]")).getText())
                .isEqualTo("Câu hỏi của bạn");
        box.sendKeys("khai sinh");
        box.sendKeys(Keys.ENTER);

        WebElement followUp = browser.findElement(By.cssSelector("#tro-ly .assistant-reply .follow-up"));
        assertThat(followUp.getText()).startsWith("Việc này đã từng được đăng ký trước đây chưa");
        assertThat(browser.getCurrentUrl()).endsWith("/thu-tuc"); // answered in place, not by leaving the page
        assertThat(browser.findElement(By.cssSelector("#tro-ly .you")).getText()).isEqualTo("khai sinh");

        browser.findElement(By.cssSelector("#tro-ly .choices")).findElement(By.linkText("Đăng ký lại khai sinh")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
                d.findElements(By.cssSelector("#tro-ly .assistant-reply .answer")).size() == 1);
        String answer = browser.findElement(By.cssSelector("#tro-ly .assistant-reply .answer")).getText();
        assertThat(answer).contains("«Đăng ký lại khai sinh»", "Giấy tờ cần chuẩn bị", "Thời hạn giải quyết");
        assertThat(browser.getCurrentUrl()).endsWith("/thu-tuc");
        Long overflow = (Long) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).isLessThanOrEqualTo(0L);
    }
}
