package vn.motcua.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.catalog.CatalogService;
import vn.motcua.support.ApiClient;
import vn.motcua.support.TestData;

/** A citizen pays a dossier's fee through the sandbox gateway and downloads the receipt. */
class PayFeeBrowserTest extends BrowserTest {

    @Autowired CatalogService catalog;

    @Test
    void citizenPaysOnlineThroughTheSandboxAndDownloadsTheReceipt() throws Exception {
        String code = ApiClient.signIn(port, "citizen", "demo123").postMultipart("/api/v1/dossiers",
                        TestData.submission(catalog.procedure("1.004222").orElseThrow(), "000.31.01.H57"), null)
                .json().get("code").asString();
        signIn("citizen");
        browser.get(url("/ho-so-cua-toi/" + code));
        assertThat(browser.findElement(By.id("payment-heading")).getText()).isEqualTo("Phí, lệ phí");
        browser.findElement(By.xpath("//button[text()='Thanh toán trực tuyến (VNPay)']")).click();

        // The sandbox gateway says what it is, shows the order, and pays without money.
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(d -> d.getCurrentUrl().contains("/sandbox/vnpay/"));
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("THỬ NGHIỆM");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("10.000 đ");
        browser.findElement(By.cssSelector("button[value=pay]")).click();

        wait.until(d -> d.getCurrentUrl().contains("/thanh-toan/vnpay/ket-qua"));
        String result = browser.findElement(By.cssSelector("[role=status]")).getText();
        assertThat(result).startsWith("Đã thanh toán 10.000 đ. Biên lai điện tử số BL");

        browser.findElement(By.linkText("Về trang hồ sơ")).click();
        assertThat(browser.findElement(By.cssSelector("#main")).getText()).contains("Đã nộp đủ phí, lệ phí.");
        String receiptUrl = browser.findElement(By.cssSelector("a[href*='/bien-lai/']")).getAttribute("href");

        // Download it with the browser's session.
        Cookie session = browser.manage().getCookies().stream().filter(c -> c.getName().equals("SESSION")
                || c.getName().equals("JSESSIONID")).findFirst().orElseThrow();
        HttpResponse<byte[]> receipt = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(receiptUrl))
                .header("Cookie", session.getName() + "=" + session.getValue()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(receipt.statusCode()).isEqualTo(200);
        assertThat(receipt.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(receipt.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("BIÊN LAI THU PHÍ, LỆ PHÍ", code, "Mười nghìn đồng",
                    "Thanh toán trực tuyến qua VNPay", "CỔNG THỬ NGHIỆM");
        }
    }
}
