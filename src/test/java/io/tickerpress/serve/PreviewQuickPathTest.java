package io.tickerpress.serve;

import io.tickerpress.TestSites;
import io.tickerpress.pipeline.BuildOptions;
import io.tickerpress.pipeline.SiteBuilder;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `serve` shows a saved edit: the article's own page at once, before the full rebuild (held here until the
 * test lets it run), then every page once that rebuild is done.
 */
class PreviewQuickPathTest {
    @TempDir
    Path dir;
    PreviewServer server;
    final StringWriter log = new StringWriter();
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger calls = new AtomicInteger();

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) server.close();
    }

    @Test
    void aSavedArticleIsServedBeforeTheFullRebuildAndEverywhereAfterIt() throws Exception {
        Path src = TestSites.site(dir.resolve("src"), Map.of(
                "content/articles/2026-01-05-first.md", TestSites.article("First Story", "2026-01-05T09:00:00-05:00", "", "One."),
                "content/articles/2026-01-06-second.md", TestSites.article("Second Story", "2026-01-06T09:00:00-05:00", "", "Two.")));
        BuildOptions options = BuildOptions.of(src, dir.resolve("unused")).withCacheDir(dir.resolve("cache"));
        PreviewServer[] self = new PreviewServer[1];
        // The real build, with every build after the first held until the test releases it.
        server = new PreviewServer(options, "127.0.0.1", 0, new PrintWriter(log, true), (o, parsed, progress) -> {
            if (calls.incrementAndGet() > 1) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            return SiteBuilder.build(o, parsed, progress, self[0].articlePreview());
        });
        self[0] = server;
        server.start();
        PreviewStartupTest.await(() -> server.builds() == 1, "the first build");
        assertEquals("First Story", page("/news/2026/01/05/first/").selectFirst("h1").text());

        TestSites.write(src.resolve("content/articles/2026-01-05-first.md"),
                TestSites.article("First Story, Updated", "2026-01-05T09:00:00-05:00", "", "One, with a new sentence."));
        PreviewStartupTest.await(() -> page("/news/2026/01/05/first/").text().contains("with a new sentence"),
                "the saved article's page");
        Document article = page("/news/2026/01/05/first/");
        assertEquals("First Story, Updated", article.selectFirst("h1").text());
        assertEquals(1, server.builds(), "served while the full rebuild is still held");
        assertTrue(page("/").text().contains("First Story") && !page("/").text().contains("First Story, Updated"),
                "the home page waits for the full rebuild");

        release.countDown();
        PreviewStartupTest.await(() -> server.builds() >= 2 && server.idle(), "the full rebuild");
        assertTrue(page("/").text().contains("First Story, Updated"), "the home page after the full rebuild");
        assertTrue(page("/news/2026/01/05/first/").text().contains("with a new sentence"));
        assertTrue(page("/news/2026/01/06/second/").select("a[href$=/first/]").text().contains("First Story, Updated"),
                "the neighbour's link after the full rebuild");
    }

    private Document page(String path) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.url() + path.substring(1))).build(), HttpResponse.BodyHandlers.ofString());
            return Jsoup.parse(r.body());
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
