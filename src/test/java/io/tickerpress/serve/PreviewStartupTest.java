package io.tickerpress.serve;

import io.tickerpress.TestSites;
import io.tickerpress.pipeline.BuildOptions;
import io.tickerpress.pipeline.BuildResult;
import io.tickerpress.pipeline.SiteBuilder;
import io.tickerpress.render.Theme;
import io.tickerpress.web.Tools;
import io.tickerpress.write.BuildManifest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The preview server never misses a save: a real server on a real port, real files edited while it builds,
 * and pages read over HTTP. The first build is held at a known point by wrapping the real build (the hook only
 * waits after {@link SiteBuilder#build} returned; what is built and served is the production code path).
 */
class PreviewStartupTest {
    private static final String PAGE = "/news/2026/01/05/first/";

    @TempDir
    Path dir;
    Path src;
    PreviewServer server;
    final StringWriter log = new StringWriter();
    final HttpClient http = HttpClient.newHttpClient();
    final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown(); // a failed test must not leave the first build held
        if (server != null) server.close();
    }

    private Path site() {
        return TestSites.site(dir.resolve("src"), Map.of(
                "content/articles/2026-01-05-first.md", TestSites.article("First Story", "2026-01-05T09:00:00-05:00", "", "One."),
                "content/articles/2026-01-06-second.md", TestSites.article("Second Story", "2026-01-06T09:00:00-05:00", "", "Two.")));
    }

    private BuildOptions options() {
        return BuildOptions.of(src, dir.resolve("unused")).withDrafts(true).withFuture(true)
                .withCacheDir(dir.resolve("cache"));
    }

    /** Polls until the condition holds; fails after 30 s. */
    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String h1(String path) {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) return "status " + r.statusCode();
        Element h1 = Jsoup.parse(r.body()).selectFirst("h1");
        return h1 == null ? "no h1" : h1.text();
    }

    final CountDownLatch firstBuilt = new CountDownLatch(1);
    final AtomicInteger calls = new AtomicInteger();

    /** The real build, whose first run then waits for {@link #release} (counting {@link #calls}). */
    private PreviewServer.Build heldFirstBuild() {
        return (options, parsed, progress) -> {
            BuildResult r = SiteBuilder.build(options, parsed, progress);
            if (calls.incrementAndGet() == 1) {
                // The first build has read every file and written the site; the server still counts it as running.
                firstBuilt.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            return r;
        };
    }

    private static void edit(Path file, String title, String date) {
        TestSites.write(file, TestSites.article(title, date, "", "One."));
    }

    @Test
    void editsSavedDuringTheFirstBuildAreBuiltOnceRightAfterIt() throws Exception {
        src = site();
        server = new PreviewServer(options(), "127.0.0.1", 0, new PrintWriter(log, true), heldFirstBuild());
        server.start();
        assertTrue(firstBuilt.await(60, TimeUnit.SECONDS), "the first build ran");

        // While it runs, every page is the "Building…" page, with the reload script for build 0.
        for (String path : List.of(PAGE, "/", "/assets/style.css")) {
            HttpResponse<String> r = get(path);
            assertEquals(503, r.statusCode(), path);
            assertEquals("1", r.headers().firstValue("Retry-After").orElse(null), path);
            Document page = Jsoup.parse(r.body());
            assertEquals("Building…", page.selectFirst("h1").text(), path);
            Element script = page.selectFirst("script[src=/__tickerpress/reload.js]");
            assertNotNull(script, "the Building page reloads itself: " + r.body());
            assertEquals("0", script.attr("data-build"));
        }
        // A tab on that page listens; it is told "0" now (no reload) and "1" when the first build is done.
        List<String> events = new CopyOnWriteArrayList<>();
        // Read on a thread of its own: thenAccept would read the endless stream on this thread when the response
        // has come by the time it is called (seen on a quiet machine: the test then waited forever).
        java.util.concurrent.Executor reader = task -> {
            Thread t = new Thread(task, "event-stream reader");
            t.setDaemon(true);
            t.start();
        };
        http.sendAsync(HttpRequest.newBuilder(URI.create(server.url() + "__tickerpress/events")).build(),
                HttpResponse.BodyHandlers.ofLines()).thenAcceptAsync(r -> r.body()
                .filter(l -> l.startsWith("data: ")).forEach(events::add), reader);
        await(() -> events.contains("data: 0"), "the event stream to say build 0");

        // Three saves while the first build runs: each is seen (one build request per save, plus the first build).
        Path first = src.resolve("content/articles/2026-01-05-first.md");
        Path second = src.resolve("content/articles/2026-01-06-second.md");
        edit(first, "First Story, Saved During The Build", "2026-01-05T09:00:00-05:00");
        await(() -> server.buildRequests() >= 2, "the watcher to see the first save");
        edit(second, "Second Story, Also Saved During It", "2026-01-06T09:00:00-05:00");
        await(() -> server.buildRequests() >= 3, "the watcher to see the second save");
        Path third = src.resolve("content/articles/2026-01-07-third.md");
        edit(third, "Third Story, New During It", "2026-01-07T09:00:00-05:00");
        await(() -> server.buildRequests() >= 4, "the watcher to see the new file");
        assertEquals(1, calls.get(), "still in the first build");
        release.countDown();

        // All saves during one build: exactly one more build after it (2 builds for 4 requests).
        await(() -> server.builds() >= 2 && server.idle(), "the builds after the release to end");
        assertEquals(2, server.builds());
        assertEquals("First Story, Saved During The Build", h1(PAGE));
        assertEquals("Second Story, Also Saved During It", h1("/news/2026/01/06/second/"));
        assertEquals("Third Story, New During It", h1("/news/2026/01/07/third/"));
        assertEquals(2, calls.get(), "saves during a build coalesce into one build: " + log);
        await(() -> events.contains("data: 2"), "the tab to be told about build 2");
        assertEquals(List.of("data: 0", "data: 1", "data: 2"), events, "a reload after each build, none missed");
        assertEquals(200, get("/").statusCode());
    }

    @Test
    void aTabOpenedDuringTheFirstBuildReloadsItselfWhenTheSiteIsReady() throws Exception {
        Tools.requireChromium(); // skipped off CI when missing, a failure on CI
        src = site();
        server = new PreviewServer(options(), "127.0.0.1", 0, new PrintWriter(log, true), heldFirstBuild());
        server.start();
        assertTrue(firstBuilt.await(60, TimeUnit.SECONDS), "the first build ran");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Tools.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--user-data-dir=" + dir.resolve("profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Tools.CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        try {
            driver.get(server.url() + PAGE.substring(1));
            assertEquals("Building…", driver.findElement(By.tagName("h1")).getText());
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> server.listenerCount() > 0);
            release.countDown();
            new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(50))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.tagName("h1")).getText().equals("First Story"));
        } finally {
            driver.quit();
        }
    }

    @Test
    void foldersCreatedAfterStartAreWatched() throws Exception {
        src = site();
        server = new PreviewServer(options(), "127.0.0.1", 0, new PrintWriter(log, true));
        server.start();
        await(() -> server.builds() == 1, "the first build");
        assertEquals("First Story", h1(PAGE));
        assertFalse(Files.exists(src.resolve("templates")));

        // templates/ made after start: its creation is a change (a build), and saves into it are watched.
        Path templates = Files.createDirectory(src.resolve("templates"));
        await(() -> server.builds() == 2, "a build for the new templates/ folder");
        String article;
        try (InputStream in = Theme.class.getResourceAsStream(Theme.DEFAULT_THEME_RESOURCE + "/article.ftlh")) {
            article = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String override = article.replace("<h1>${article.title}</h1>", "<h1 class=\"override\">Override: ${article.title}</h1>");
        assertFalse(override.equals(article), "the default article template has the heading the override changes");
        Files.writeString(templates.resolve("article.ftlh"), override);
        await(() -> h1(PAGE).equals("Override: First Story"), "the template override to show");

        // A new subfolder of content/articles/, then an article saved into it.
        int before = server.builds();
        Path year = Files.createDirectories(src.resolve("content/articles/2026"));
        await(() -> server.builds() > before, "a build for the new folder");
        edit(year.resolve("2026-01-08-nested.md"), "Nested Story", "2026-01-08T09:00:00-05:00");
        await(() -> h1("/news/2026/01/08/nested/").equals("Override: Nested Story"), "the article in the new folder");
        assertTrue(server.error() == null, server.error());
    }

    /**
     * Folders made one inside another while the watcher takes them in ({@code mkdir -p templates/static/a/b/c}, or
     * a copied theme): a save into the deepest is a change. The watcher listed a new folder before watching it, so
     * a subfolder made in between (likely on a loaded machine, where mkdir -p lost 2 saves in 3 by hand) was never
     * watched, nor anything below it. Here 200 folders are made one inside another as fast as the disk takes them,
     * so the watcher meets them midway.
     */
    @Test
    void foldersMadeOneInsideAnotherAreWatchedAllTheWayDown() throws Exception {
        src = site();
        server = new PreviewServer(options(), "127.0.0.1", 0, new PrintWriter(log, true));
        server.start();
        await(() -> server.builds() == 1, "the first build");
        Path deepest = src.resolve("templates/static");
        StringBuilder url = new StringBuilder("/assets");
        for (int level = 0; level < 200; level++) { // about 3 ms in all: the watcher starts in the middle
            deepest = Files.createDirectories(deepest.resolve("d" + level));
            url.append("/d").append(level);
        }
        await(() -> server.builds() >= 2, "a build for the new folders");
        Thread.sleep(500); // the burst of events is over: what comes next is the save alone
        int before = server.builds();
        Files.writeString(deepest.resolve("saved.css"), "a { color: red }\n");
        String asset = url + "/saved.css";
        await(() -> server.builds() > before && get(asset).statusCode() == 200, "the file saved into the deepest folder");
        assertTrue(server.error() == null, server.error());
    }

    @Test
    void contentCreatedAfterStartIsWatched() throws Exception {
        src = Files.createDirectories(dir.resolve("empty-src"));
        server = new PreviewServer(options(), "127.0.0.1", 0, new PrintWriter(log, true));
        server.start();
        await(() -> server.builds() == 1, "the first build");
        assertTrue(server.error().contains("no content folder here"), server.error());
        // No site yet: every page shows the error (and reloads when it changes).
        assertEquals("Build failed", Jsoup.parse(get("/").body()).selectFirst("h1").text());
        TestSites.site(src, Map.of(
                "content/articles/2026-01-05-first.md", TestSites.article("First Story", "2026-01-05T09:00:00-05:00", "", "One.")));
        await(() -> h1(PAGE).equals("First Story"), "the site in the new content/ folder");
    }

    @Test
    void closingRemovesThePrivateFolderAndItsManifest() throws Exception {
        src = site();
        server = new PreviewServer(options(), "127.0.0.1", 0, new PrintWriter(log, true));
        server.start();
        await(() -> server.builds() == 1, "the first build");
        Path temp = server.temporaryFolder();
        Path manifest = BuildManifest.file(dir.resolve("cache"), server.output());
        assertTrue(Files.isRegularFile(server.output().resolve("index.html")), "built into the private folder");
        assertTrue(Files.isRegularFile(manifest), "the build left its manifest in the cache");
        server.close();
        assertFalse(Files.exists(temp), "private folder removed");
        assertEquals(List.of(), manifests(dir.resolve("cache")), "no manifest left in the cache");
        server.close(); // twice is harmless
    }

    /** Every page manifest in a cache folder. */
    static List<String> manifests(Path cache) throws java.io.IOException {
        if (!Files.isDirectory(cache)) return List.of();
        try (Stream<Path> s = Files.list(cache)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("pages-")).sorted().toList();
        }
    }
}
