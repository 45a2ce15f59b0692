package vn.motcua.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Signing in on a 360 px wide phone: a typo is announced on the page, and the next try goes where the person was. */
class LoginBrowserTest extends BrowserTest {

    @Test
    void aTypoIsAnnouncedAndTheRightPasswordLandsOnThePageAskedFor() {
        browser.get(url("/ho-so-cua-toi"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/dang-nhap"));
        type("citizen", "demo12");

        WebElement alert = browser.findElement(By.cssSelector("[role=alert]#login-notice"));
        assertThat(alert.isDisplayed()).isTrue();
        assertThat(alert.getText()).isEqualTo("Tên đăng nhập hoặc mật khẩu không đúng.");
        assertThat(browser.findElement(By.cssSelector("label[for=username]")).getText()).isEqualTo("Tên đăng nhập");
        // Nothing sticks out of a 360 px screen.
        Number width = (Number) browser.executeScript("return document.documentElement.scrollWidth");
        Number viewport = (Number) browser.executeScript("return window.innerWidth");
        assertThat(width.intValue()).isLessThanOrEqualTo(viewport.intValue());
        WebElement button = browser.findElement(By.cssSelector("form.stack button"));
        assertThat(button.getRect().getX() + button.getRect().getWidth()).isLessThanOrEqualTo(viewport.intValue());

        type("citizen", "demo123");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/dang-nhap"));
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/ho-so-cua-toi"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
    }

    private void type(String username, String password) {
        browser.findElement(By.id("username")).clear();
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form.stack button")).click();
    }
}
