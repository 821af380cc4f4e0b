package io.tickerpress.web;

import io.tickerpress.TestSites;
import io.tickerpress.render.search.SearchFormat;
import io.tickerpress.render.search.SearchReader;
import io.tickerpress.serve.StaticServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample site's search page in a real headless Chromium: a typed word and the filters give the stories
 * worked out by hand from content/articles/, and the files the page fetches for each query (the browser's
 * resource timing entries) are exactly those the index format says a query needs (SearchReader), with their
 * bytes within the budgets (first query 300 KB, later 50 KB).
 */
class SearchBrowserTest {
    @TempDir
    static Path dir;
    static Path site;
    static StaticServer server;
    static WebDriver driver;

    static final String WEEK_AHEAD = "Week Ahead: Bank Earnings and Inflation Data Test the Small-Cap Rally";
    static final String MICRON_RALLY = "Micron Extends Rally as Memory Chip Prices Climb";
    static final String CHIPS_REBOUND = "Chip Stocks Rebound After Strong Outlook From Taiwan Semiconductor";
    static final String NVIDIA_SLIDES = "Nvidia Slides as Investors Rotate Out of Megacaps";

    @BeforeAll
    static void start() throws Exception {
        if (!Tools.hasChromium()) return; // each test skips itself (or fails on CI) in needsBrowser()
        site = dir.resolve("site");
        TestSites.build(TestSites.SAMPLE, site);
        server = new StaticServer("127.0.0.1", 0, () -> site);
        server.start();
        driver = Tools.headlessChromium(dir.resolve("profile"));
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

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private void open() {
        driver.get("http://127.0.0.1:" + server.port() + "/search/");
        // The page reads the manifest as it loads (for the filter choices): it counts towards the first query.
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("search-filters")).isDisplayed());
    }

    private void waitFor(String status) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("search-status")).getText().equals(status));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("status " + driver.findElement(By.id("search-status")).getText() + "; console: "
                    + driver.manage().logs().get(LogType.BROWSER).getAll() + "; failed requests: " + server.failures(), e);
        }
    }



    private static long bytes(Map<String, Long> files) {
        return files.values().stream().mapToLong(Long::longValue).sum();
    }

    @Test
    void aTypedWordFindsTheStoriesWithItNewestFirstAndFetchesOnlyWhatTheFormatNeeds() throws Exception {
        open();
        driver.findElement(By.id("search-input")).sendKeys("rally");
        // Titles with "rally": the week-ahead story (Jan 12) and Micron's (Jan 7); the other stories say it only
        // in their bodies, which are not indexed.
        waitFor("2 stories found");
        assertEquals(List.of(WEEK_AHEAD, MICRON_RALLY), SearchPage.titles(driver));
        Map<String, Long> first = SearchPage.fetched(driver);
        SearchReader reader = new SearchReader(site);
        // Each keystroke is a query: "r", "ra", "ral", "rall", "rally"; the page fetched the manifest and what
        // the last one needs, and nothing under /search/ that none of them needed (a query that a newer keystroke
        // overtakes stops before fetching its results' metadata).
        Set<String> any = new TreeSet<>(Set.of(SearchFormat.MANIFEST));
        for (String typed : List.of("r", "ra", "ral", "rall", "rally")) {
            any.addAll(reader.search(typed, SearchReader.Filters.NONE).files());
        }
        assertTrue(any.containsAll(first.keySet()), "fetched " + first.keySet() + ", needed by some keystroke " + any);
        assertTrue(first.keySet().containsAll(reader.search("rally", SearchReader.Filters.NONE).files()), first.keySet().toString());
        assertTrue(first.containsKey(SearchFormat.MANIFEST));
        for (var e : first.entrySet()) assertEquals(Files.size(site.resolve(e.getKey())), e.getValue(), e.getKey());
        assertTrue(bytes(first) <= 300_000, "first query " + bytes(first));

        // A later query with the ticker filter: "micron" with NVDA is Micron's rally story (title) and the chip
        // rebound (its key point "Nvidia and Micron rose"), newest first.
        var input = driver.findElement(By.id("search-input"));
        js("arguments[0].value = 'micron'", input);
        new Select(driver.findElement(By.id("search-ticker"))).selectByValue("NVDA");
        // "rally" had two stories too: wait for the new titles, not only the count.
        List<String> expectedTitles = List.of(CHIPS_REBOUND, MICRON_RALLY);
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> SearchPage.titles(driver).equals(expectedTitles));
        } catch (org.openqa.selenium.TimeoutException e) {
            // the assertion below says what the page shows
        }
        waitFor("2 stories found");
        assertEquals(expectedTitles, SearchPage.titles(driver));
        Map<String, Long> later = SearchPage.fetched(driver);
        Set<String> needed = reader.search("micron", new SearchReader.Filters("NVDA", null, null, null)).files();
        assertTrue(needed.containsAll(later.keySet()), "fetched " + later.keySet() + ", needed " + needed
                + " (files fetched before come from the page's cache)");
        assertTrue(!later.containsKey(SearchFormat.MANIFEST), "the manifest is read once");
        assertTrue(bytes(later) <= 50_000, "later query " + bytes(later));
        assertTrue(driver.getCurrentUrl().endsWith("/search/?q=micron&ticker=NVDA"), driver.getCurrentUrl());
    }

    @Test
    void filtersAloneListTheirStoriesAndTheUrlRestoresThem() {
        driver.get("http://127.0.0.1:" + server.port() + "/search/?ticker=NVDA");
        // NVDA is a ticker of three stories: the chip rebound (Jan 22), Nvidia's slide (Jan 8), Micron's rally (Jan 7).
        waitFor("3 stories found");
        assertEquals(List.of(CHIPS_REBOUND, NVIDIA_SLIDES, MICRON_RALLY), SearchPage.titles(driver));
        assertEquals("NVDA", new Select(driver.findElement(By.id("search-ticker"))).getFirstSelectedOption().getAttribute("value"));
        // Topic Memory Chips as well: Nvidia's slide is tagged Semiconductors and Market Rotation only.
        new Select(driver.findElement(By.id("search-tag"))).selectByValue("Memory Chips");
        waitFor("2 stories found");
        assertEquals(List.of(CHIPS_REBOUND, MICRON_RALLY), SearchPage.titles(driver));
        // Every sample story is from January 2026: December 2025 and earlier has none.
        new Select(driver.findElement(By.id("search-from"))).selectByValue("2026-01");
        waitFor("2 stories found");
        assertEquals(List.of(), server.failures(), "failed requests");
    }
}
