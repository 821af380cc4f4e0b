package io.tickerpress.web;

import io.tickerpress.TestSites;
import io.tickerpress.serve.StaticServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opens the built sample site in a real headless Chromium, served from localhost, at a desktop and a phone
 * width. Screenshots are kept in target/screenshots/.
 */
class BrowserTest {
    @TempDir
    static Path dir;
    static Path site;
    static StaticServer server;
    static WebDriver driver;
    static final Path SHOTS = Path.of("target/screenshots");

    @BeforeAll
    static void start() throws Exception {
        // Without a browser each test skips itself (or fails on CI) in needsBrowser(): an assumption here
        // would drop the tests from the count instead.
        if (!Tools.hasChromium()) return;
        site = dir.resolve("site");
        TestSites.build(TestSites.SAMPLE, site);
        server = new StaticServer("127.0.0.1", 0, () -> site);
        server.start();
        driver = Tools.headlessChromium(dir.resolve("profile"));
        Files.createDirectories(SHOTS);
    }

    @BeforeEach
    void needsBrowser() {
        Tools.requireChromium();
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
        if (server != null) server.close();
    }

    private void open(String path, int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        driver.get("http://127.0.0.1:" + server.port() + path);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> "complete".equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Light or dark colour scheme for the pages opened next (as the reader's system setting would ask). */
    private void scheme(String scheme) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("features",
                List.of(java.util.Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    private Object js(String script, Object... args) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(script, args);
    }

    private void shot(String name) throws Exception {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(name + ".png"), png);
    }

    private void assertNoConsoleErrorsOrFailedRequests() {
        List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertEquals(List.of(), errors.stream().map(LogEntry::getMessage).toList(), "console errors");
        // The upper-case ticker URL is asked for on purpose (its 404 page redirects).
        assertEquals(List.of(), server.failures().stream().filter(f -> !f.equals("404 /tickers/NVDA/")).toList(),
                "failed requests");
    }

    @Test
    void pagesAtDesktopAndPhoneWidthsInLightAndDark() throws Exception {
        String[][] pages = {{"home", "/"}, {"article", "/news/2026/01/20/russell-2000-record-first-10-days/"},
                {"digest", "/markets/2026/01/20/"}, {"ticker", "/tickers/nvda/"}, {"archive", "/news/2026/01/"},
                {"author", "/authors/dana-whitfield/"}, {"tag", "/tags/earnings/"}};
        try {
            for (String scheme : List.of("light", "dark")) {
                scheme(scheme);
                for (String[] page : pages) {
                    open(page[1], 1280, 900);
                    fullPageShot(page[0] + "-1280-" + scheme);
                    open(page[1], 390, 844);
                    fullPageShot(page[0] + "-390-" + scheme);
                    // The chart the browser picked is the variant for the scheme and the width.
                    for (WebElement img : driver.findElements(By.cssSelector("figure.chart img"))) {
                        js("arguments[0].scrollIntoView()", img);
                        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> (Boolean) js(
                                "return arguments[0].complete && arguments[0].naturalWidth > 0", img));
                        String src = (String) js("return arguments[0].currentSrc", img);
                        assertTrue(src.contains("-narrow"), "a phone gets the narrow chart: " + src);
                        assertEquals(scheme.equals("dark"), src.contains("-dark"), scheme + " scheme, chart " + src);
                    }
                }
            }
        } finally {
            scheme("light");
        }
        assertNoConsoleErrorsOrFailedRequests();
    }

    /** A screenshot of the whole page height (the window grows to the document for the shot). */
    private void fullPageShot(String name) throws Exception {
        Dimension size = driver.manage().window().getSize();
        long height = (Long) js("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(height + 200, 6000)));
        shot(name);
        driver.manage().window().setSize(size);
    }

    /**
     * No page of the sample site scrolls sideways on a phone: at 390 and 375 px the document is no wider than
     * the viewport (wide tables scroll inside their own box).
     */
    @Test
    void noPageScrollsSidewaysOnAPhone() throws Exception {
        List<String> paths;
        Path root = site.toRealPath(); // the published version the site link points to
        try (var files = Files.walk(root)) {
            paths = files.filter(f -> f.getFileName().toString().endsWith(".html"))
                    .map(f -> "/" + root.relativize(f).toString().replace('\\', '/').replace("index.html", ""))
                    .sorted().toList();
        }
        assertTrue(paths.size() > 40, "the sample site's pages: " + paths.size());
        java.util.Map<String, Long> widest = new java.util.TreeMap<>();
        List<String> wide = new java.util.ArrayList<>();
        java.util.Map<String, String> firstOfKind = new java.util.TreeMap<>();
        for (int width : new int[] {390, 375}) {
            // Every page at 390 px; at 375 px the first page of each kind.
            for (String path : width == 390 ? paths : List.copyOf(firstOfKind.values())) {
                open(path, width, 844);
                long scroll = (Long) js("return document.documentElement.scrollWidth");
                // The viewport without a vertical scroll bar (innerWidth would count the bar in).
                long inner = (Long) js("return document.documentElement.clientWidth");
                if (scroll > inner) wide.add(path + " at " + width + ": " + scroll + " > " + inner);
                String kind = (String) js("return document.body.dataset.kind || ''");
                if (width == 390) {
                    widest.merge(kind, scroll, Math::max);
                    firstOfKind.putIfAbsent(kind, path);
                }
            }
        }
        System.out.println("widest document per page kind at 390 px: " + widest);
        assertEquals(List.of(), wide, "pages wider than the phone");
    }

    /** /tickers/NVDA/ is not a page (ticker pages are lower case); its 404 page sends the reader to /tickers/nvda/. */
    @Test
    void anUpperCaseTickerUrlLeadsToTheLowerCasePage() {
        open("/tickers/NVDA/", 1280, 900);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/tickers/nvda/"));
        assertTrue(driver.findElement(By.tagName("h1")).getText().contains("NVDA"), driver.getTitle());
    }

    /** The longest index name of the sample, "Dow Jones Industrial Average", takes at most two lines in the board. */
    @Test
    void indexNamesTakeAtMostTwoLinesInTheDesktopBoard() {
        open("/", 1280, 900);
        List<WebElement> names = driver.findElements(By.cssSelector("aside .board .board-name"));
        assertTrue(names.size() >= 4, "the board's indices: " + names.size());
        for (WebElement name : names) {
            double lines = ((Number) js("const s = getComputedStyle(arguments[0]);"
                    + " return arguments[0].getBoundingClientRect().height / parseFloat(s.lineHeight)", name)).doubleValue();
            assertTrue(lines < 2.5, name.getText() + " takes " + lines + " lines");
        }
    }

    @Test
    void sidebarIsBesideTheArticleOnDesktopAndBelowItOnAPhone() {
        String article = "/news/2026/01/20/russell-2000-record-first-10-days/";
        open(article, 1280, 900);
        Rectangle main = driver.findElement(By.tagName("main")).getRect();
        Rectangle aside = driver.findElement(By.tagName("aside")).getRect();
        assertTrue(aside.getX() >= main.getX() + main.getWidth(), "aside to the right of main on desktop");
        assertTrue(aside.getY() < main.getY() + 200, "aside starts at the top beside the article");
        open(article, 390, 844);
        main = driver.findElement(By.tagName("main")).getRect();
        aside = driver.findElement(By.tagName("aside")).getRect();
        assertTrue(aside.getY() >= main.getY() + main.getHeight(), "aside below main on a phone");
        assertTrue(main.getWidth() <= 390, "no horizontal overflow of the article");
        // Chart images are loaded and decoded by the browser.
        for (WebElement img : driver.findElements(By.cssSelector("figure.chart img"))) {
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", img);
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d)
                    .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", img));
        }
        assertNoConsoleErrorsOrFailedRequests();
    }

    @Test
    void searchFindsAKnownArticleByTickerAndByWord() throws Exception {
        open("/search/", 1280, 900);
        WebElement input = driver.findElement(By.id("search-input"));
        input.sendKeys("MU");
        try {
            // Each keystroke redraws the results: wait for the final count before reading them.
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                    d.findElement(By.id("search-status")).getText().equals("3 stories found"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no results; console: " + driver.manage().logs().get(LogType.BROWSER).getAll()
                    + "; status: " + driver.findElement(By.id("search-status")).getText() + "; requests failed: "
                    + server.failures(), e);
        }
        @SuppressWarnings("unchecked")
        List<String> titles = (List<String>) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('#search-results .teaser-title')).map(e => e.textContent)");
        assertTrue(titles.contains("Micron Closes at a Record as Memory Demand Outruns Supply"), titles.toString());
        assertEquals(3, titles.size());
        input.clear();
        input.sendKeys("hiring");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                d.findElement(By.id("search-status")).getText().equals("1 story found"));
        assertEquals("December Jobs Report: Hiring Cools, Keeping a March Rate Cut in Play",
                ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                        "return document.querySelector('#search-results .teaser-title').textContent"));
        shot("search");
        assertNoConsoleErrorsOrFailedRequests();
    }
}
