package io.tickerpress.serve;

import io.tickerpress.TestSites;
import io.tickerpress.pipeline.BuildOptions;
import io.tickerpress.pipeline.SiteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rebuild that runs out of memory (the heap guard's verdict or the JVM's own error: the same
 * {@link OutOfMemoryError}, injected here into the second build) is a failed rebuild: the server goes on, its pages
 * show the out-of-memory message with the setting that raises the heap, and the next save builds again.
 */
class PreviewOutOfMemoryTest {
    @TempDir
    Path dir;
    PreviewServer server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    private String get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void aRebuildOutOfMemoryIsShownAndTheServerBuildsAgainOnTheNextSave() throws Exception {
        Path src = TestSites.site(dir.resolve("src"), Map.of("content/articles/2026-01-05-first.md",
                TestSites.article("First Story", "2026-01-05T09:00:00-05:00", "", "One.")));
        BuildOptions options = BuildOptions.of(src, dir.resolve("unused")).withFuture(true).withCacheDir(dir.resolve("cache"));
        AtomicInteger runs = new AtomicInteger();
        StringWriter log = new StringWriter();
        server = new PreviewServer(options, "127.0.0.1", 0, new PrintWriter(log, true), (o, parsed, progress) -> {
            if (runs.incrementAndGet() == 2) throw new OutOfMemoryError("Java heap space");
            return SiteBuilder.build(o, parsed, progress);
        });
        server.start();
        PreviewStartupTest.await(() -> server.builds() == 1, "the first build");
        assertTrue(get("/news/2026/01/05/first/").contains("<h1>First Story</h1>"));

        Path article = src.resolve("content/articles/2026-01-05-first.md");
        Files.writeString(article, TestSites.article("First Story, Edited", "2026-01-05T09:00:00-05:00", "", "One."));
        PreviewStartupTest.await(() -> server.builds() == 2, "the rebuild that runs out of memory");
        String page = get("/news/2026/01/05/first/");
        assertTrue(page.contains("ran out of memory") && page.contains("TICKERPRESS_JAVA_OPTS"), page);
        assertFalse(page.contains("internal error"), page);
        assertTrue(log.toString().contains("error: The build ran out of memory"), log.toString());

        Files.writeString(article, TestSites.article("First Story, Again", "2026-01-05T09:00:00-05:00", "", "One."));
        PreviewStartupTest.await(() -> server.builds() == 3, "the next rebuild");
        page = get("/news/2026/01/05/first/");
        assertTrue(page.contains("<h1>First Story, Again</h1>"), page);
        assertFalse(page.contains("ran out of memory"), page);
    }
}
