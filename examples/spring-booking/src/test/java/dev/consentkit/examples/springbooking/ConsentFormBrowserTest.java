package dev.consentkit.examples.springbooking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.consentkit.ConsentKit;
import dev.consentkit.core.SubjectId;
import dev.consentkit.core.consent.ConsentEvent;
import dev.consentkit.core.consent.LedgerEntry;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The consent form and the withdrawal in a real browser: headless Chromium driven by Selenium against
 * the application on a random port (issue 15, item 8). The box starts unticked; the label the client
 * reads is the text whose SHA-256 the ledger pins; withdrawing takes one click.
 *
 * <p>Chromium and its driver come from Debian's {@code chromium} and {@code chromium-driver} packages
 * ({@code .ci/run} installs them). Without them the tests are skipped, or fail when {@code CI=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsentFormBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static WebDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    ConsentKit kit;

    @BeforeAll
    static void startBrowser() {
        for (Path program : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(program)) {
                String reason = program + " is missing: install Debian's chromium and chromium-driver (.ci/run does)";
                if ("true".equals(System.getenv("CI"))) {
                    throw new IllegalStateException(reason);
                }
                Assumptions.abort(reason);
            }
        }
        // Selenium Manager cannot download here: name the driver and the browser, so it is never asked
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(new File(CHROMIUM.toString()))
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,900");
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** R-GDPR-8 (no pre-ticked box), R-GDPR-7 (the text shown is the text proven). */
    @Test
    void theBoxStartsUntickedAndItsLabelIsTheTextWhoseHashTheLedgerPins() {
        browser.get(url("/book"));
        assertThat(browser.findElement(By.id("uses")).getText()).contains("Harbour Spa Ltd", "Bookings (contract)",
                "SMS reminders (consent)");
        WebElement box = browser.findElement(By.id("consent-reminders"));
        assertThat(box.isSelected()).as("the reminder box starts unticked").isFalse();
        String shown = browser.findElement(By.id("notice-reminders")).getText();
        assertThat(shown).isNotBlank();

        SubjectId client = book("Karin Wolf", "+4930222333", true);

        List<LedgerEntry> entries = kit.history(client).entries();
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.event().kind()).isEqualTo(ConsentEvent.Kind.GIVEN);
            assertThat(e.event().notice().orElseThrow().textSha256()).isEqualTo(Forms.sha256(shown));
        });
    }

    /** R-GDPR-8 (silence is no consent). */
    @Test
    void leavingTheBoxUntickedRecordsNoConsent() {
        SubjectId client = book("Lars Alm", "+4930222334", false);

        assertThat(kit.history(client).entries()).isEmpty();
        assertThat(browser.findElement(By.id("state-reminders")).getText()).isEqualTo("never_given");
        assertThat(browser.findElements(By.id("withdraw-reminders"))).isEmpty();
    }

    /** R-GDPR-9 (withdrawing as easy as giving: one click). */
    @Test
    void withdrawalTakesOneClickOnTheClientsPage() {
        SubjectId client = book("Mia Dahl", "+4930222335", true);
        assertThat(browser.findElement(By.id("state-reminders")).getText()).isEqualTo("given");

        browser.findElement(By.id("withdraw-reminders")).click();

        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBe(By.id("state-reminders"), "withdrawn"));
        assertThat(browser.findElements(By.id("withdraw-reminders"))).isEmpty();
        assertThat(kit.history(client).entries()).extracting(e -> e.event().kind())
                .containsExactly(ConsentEvent.Kind.GIVEN, ConsentEvent.Kind.WITHDRAWN);
    }

    /** Fills the form in the browser, submits it, and waits for the client's own page. */
    private SubjectId book(String name, String phone, boolean tick) {
        browser.get(url("/book"));
        browser.findElement(By.name("name")).sendKeys(name);
        browser.findElement(By.name("phone")).sendKeys(phone);
        if (tick) {
            browser.findElement(By.id("consent-reminders")).click();
        }
        browser.findElement(By.id("book")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/me/"));
        String path = browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf("/me/") + 4);
        return SubjectId.of("client-" + UUID.fromString(path));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
