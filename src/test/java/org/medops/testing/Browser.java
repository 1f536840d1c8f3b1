package org.medops.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium driven through ChromeDriver; screenshots land in target/screenshots. */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** Skips the calling test, loudly, where Chromium is not installed (.ci/run installs it). */
    public static Browser open(int port) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            System.err.println("""
                    ************************************************************************
                    SKIPPING BROWSER TEST: /usr/bin/chromium or /usr/bin/chromedriver missing.
                    Install them with: apt-get install -y chromium chromium-driver
                    ************************************************************************""");
        }
        Assumptions.assumeTrue(present, "Chromium is not installed");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1440,960", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), "http://localhost:" + port);
    }

    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    public WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    public java.util.List<WebElement> findAll(String css) {
        return driver.findElements(org.openqa.selenium.By.cssSelector(css));
    }

    public Browser type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /**
     * Clicks a link or a submit button and waits for the next page, so that nothing reads the old
     * one. Scrolls the element to the middle first, as a person would, so sticky bars never cover it.
     */
    public Browser click(String css) {
        WebElement page = driver.findElement(By.tagName("html"));
        tick(css);
        try {
            new WebDriverWait(driver, Duration.ofSeconds(3)).until(d -> isGone(page));
        } catch (org.openqa.selenium.TimeoutException e) {
            // the click did not navigate (a button that only changes this page)
        }
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                "complete".equals(driver.executeScript("return document.readyState")));
        return this;
    }

    /**
     * Whether the element's page has been replaced. Chromium answers a node of an unloading page with
     * "does not belong to the document" rather than a stale-element error: both mean it is gone.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.WebDriverException e) {
            return true;
        }
    }

    /** Clicks something that stays on this page, such as a check box. */
    public Browser tick(String css) {
        WebElement element = find(css);
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
        return this;
    }

    /** Sets a field's value directly: date and time inputs ignore typed text in some locales. */
    public Browser set(String css, String value) {
        driver.executeScript("arguments[0].value = arguments[1]", find(css), value);
        return this;
    }

    /** Brings an element to the top of the window, e.g. before a screenshot of what lies below the fold. */
    public Browser scrollTo(String css) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'start', behavior: 'instant'})", find(css));
        return this;
    }

    public String text(String css) {
        return find(css).getText();
    }

    public String pageText() {
        return find("body").getText();
    }

    /** The HTTP status this browser's session gets for a GET of {@code path} (e.g. where a link leads). */
    public int status(String path) {
        Object status = driver.executeScript(
                "var x = new XMLHttpRequest(); x.open('GET', arguments[0], false); x.send(); return x.status;", path);
        return ((Number) status).intValue();
    }

    /** A download's text as the signed-in page receives it: the HTTP status first, then the body's lines. */
    public java.util.List<String> fetchLines(String path) {
        Object text = driver.executeScript("var x = new XMLHttpRequest(); x.open('GET', arguments[0], false); x.send();"
                + " return x.status + '\\n' + x.responseText;", path);
        return java.util.List.of(text.toString().split("\r?\n"));
    }

    /** Runs a script in the page (e.g. a synchronous XHR to read a download's text) and returns its value. */
    public Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    public Browser waitForPath(String prefix) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> path().startsWith(prefix));
        return this;
    }

    public Browser screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    public Browser login(String username, String password) {
        go("/login").type("#username", username).type("#password", password).click("#login-submit");
        return this;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
