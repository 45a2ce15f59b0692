package vn.motcua.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.FormField;
import vn.motcua.catalog.Procedure;
import vn.motcua.support.TestData;

/** A citizen submits a dossier online on a phone-sized screen; a reception officer receives it in the back office. */
class SubmitAndReceiveBrowserTest extends BrowserTest {

    @Autowired CatalogService catalog;

    @Test
    void citizenSubmitsOnlineAndTheOfficerReceivesIt() throws Exception {
        Procedure procedure = catalog.procedure("1.001193").orElseThrow();
        signIn("citizen");
        browser.get(url("/thu-tuc/" + procedure.code()));
        browser.findElement(By.linkText("Nộp hồ sơ trực tuyến")).click();
        browser.findElement(By.cssSelector("button.primary")).click(); // Bắt đầu khai hồ sơ

        // Step 1: the deciding agency and the form; what the profile knows is already there.
        new Select(browser.findElement(By.id("coQuan"))).selectByVisibleText("Ủy ban nhân dân phường Thuận Hóa");
        var values = TestData.validFormData(procedure);
        for (FormField f : procedure.formFields()) {
            WebElement input = browser.findElement(By.id("f-" + f.key()));
            if (f.type().name().equals("SELECT")) {
                new Select(input).selectByVisibleText(values.get(f.key()));
            } else if (f.type().name().equals("DATE")) {
                browser.executeScript("arguments[0].value = arguments[1]", input, values.get(f.key()));
            } else {
                input.clear();
                input.sendKeys(values.get(f.key()));
            }
        }
        browser.findElement(By.cssSelector("form button.primary")).click();

        // Step 2: one file per mandatory document.
        Path pdf = Files.createTempFile("to-khai", ".pdf");
        Files.write(pdf, vn.motcua.support.TestData.realPdf("To khai"));
        for (int i = 0; i < procedure.documents().size(); i++) {
            if (procedure.documents().get(i).mandatory()) {
                browser.findElement(By.id("doc" + i)).sendKeys(pdf.toString());
            }
        }
        browser.findElement(By.cssSelector("button[name=di][value=tiep]")).click();

        // Step 3: review and submit.
        // The review page replaces the upload page: wait for it rather than read the page that is going away.
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("main")).getText().contains("Ủy ban nhân dân phường Thuận Hóa"));
        browser.findElement(By.xpath("//button[text()='Nộp hồ sơ']")).click();
        String status = browser.findElement(By.cssSelector("[role=status]")).getText();
        assertThat(status).startsWith("Đã nộp hồ sơ. Mã hồ sơ của bạn là 000.31.01.H57-");
        String code = status.replaceAll(".*là (\\S+);.*", "$1");
        assertThat(browser.findElement(By.cssSelector(".status")).getText()).isEqualTo("Đã nộp, chờ tiếp nhận");

        // The reception officer finds it in the inbox and receives it, which hands it to the specialist's step.
        browser.manage().deleteAllCookies();
        signIn("reception");
        browser.get(url("/quan-tri/ho-so"));
        browser.findElement(By.linkText(code)).click();
        browser.findElement(By.cssSelector("button[value=RECEIVE]")).click();
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("Đã thực hiện: Tiếp nhận.");
        assertThat(browser.findElement(By.cssSelector(".status")).getText()).isEqualTo("Đang giải quyết");
        assertThat(browser.findElement(By.cssSelector(".key-facts")).getText()).contains("Hẹn trả kết quả");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Đang ở bước Thẩm định, xử lý hồ sơ – chờ chuyên viên");

        // Anyone can follow it with the code and the last digits of the phone.
        browser.manage().deleteAllCookies();
        browser.get(url("/tra-cuu?ma=" + code + "&sdt=5678"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Đang giải quyết").doesNotContain("Nguyễn Văn An");
    }
}
