package io.tickerpress.serve;

import io.tickerpress.TestSites;
import io.tickerpress.web.Tools;
import io.tickerpress.pipeline.BuildOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The preview server in a real headless Chromium: live reload on save, the error page, and recovery. */
class PreviewServerTest {
    @TempDir
    Path dir;
    Path src;
    PreviewServer server;
    StringWriter log = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        src = TestSites.site(dir.resolve("src"), Map.of(
                "content/articles/2026-01-05-first.md", TestSites.article("First Story", "2026-01-05T09:00:00-05:00", "", "One."),
                "content/articles/2026-01-06-second.md", TestSites.article("Second Story", "2026-01-06T09:00:00-05:00",
                        "draft: true\n", "Two.")));
        BuildOptions options = BuildOptions.of(src, dir.resolve("unused")).withDrafts(true).withFuture(true)
                .withCacheDir(dir.resolve("cache"));
        server = new PreviewServer(options, "127.0.0.1", 0, new PrintWriter(log, true));
        server.start();
        PreviewStartupTest.await(() -> server.builds() == 1, "the first build");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void servesDraftsWithTheReloadScriptThatBuildOutputNeverHas() throws Exception {
        String page = get("/news/2026/01/06/second/");
        assertTrue(page.contains("<h1>Second Story</h1>"), "drafts are shown while serving");
        assertTrue(page.contains("<script src=\"/__tickerpress/reload.js\" data-build=\"1\"></script></body>"), page);
        Path built = dir.resolve("built");
        TestSites.build(src, built);
        try (var walk = Files.walk(built)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".html")).toList()) {
                assertFalse(Files.readString(p).contains("__tickerpress"), p.toString());
            }
        }
        assertTrue(get("/../../etc/passwd").contains("Page not found"), "no file outside the site");
    }

    @Test
    void browserReloadsOnSaveShowsErrorsAndRecovers() throws Exception {
        Tools.requireChromium();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Tools.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--user-data-dir=" + dir.resolve("profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Tools.CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        try {
            driver.get(server.url() + "news/2026/01/05/first/");
            assertEquals("First Story", driver.findElement(By.tagName("h1")).getText());
            // Let the page open its event stream before editing.
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> server.listenerCount() > 0);

            Path file = src.resolve("content/articles/2026-01-05-first.md");
            long start = System.nanoTime();
            Files.writeString(file, TestSites.article("First Story, Updated", "2026-01-05T09:00:00-05:00", "", "One."));
            new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(50)).ignoring(StaleElementReferenceException.class)
                    .until(d ->
                    d.findElement(By.tagName("h1")).getText().equals("First Story, Updated"));
            System.out.printf("preview showed the edit %d ms after the save%n", (System.nanoTime() - start) / 1_000_000);

            Files.writeString(file, "---\ntitle: Broken\ndate: not a date\n---\nOne.\n");
            new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(50)).ignoring(StaleElementReferenceException.class)
                    .until(d ->
                    d.findElement(By.tagName("h1")).getText().equals("Build failed"));
            String message = driver.findElement(By.cssSelector("pre.build-error")).getText();
            assertTrue(message.contains("2026-01-05-first.md:3:"), message);
            assertTrue(message.contains("'date' is not a date: 'not a date'"), message);

            Files.writeString(file, TestSites.article("First Story, Fixed", "2026-01-05T09:00:00-05:00", "", "One."));
            new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(50)).ignoring(StaleElementReferenceException.class)
                    .until(d ->
                    d.findElement(By.tagName("h1")).getText().equals("First Story, Fixed"));
        } finally {
            driver.quit();
        }
    }
}
