package io.tickerpress.serve;

import io.tickerpress.TestSites;
import io.tickerpress.cli.CliTest;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A rebuild that fails in any way is a failed rebuild: the preview shows it and builds again on the next save. */
class PreviewFailureTest {
    /** 100,000 '>': block quotes nested 100,000 deep, deeper than any Java stack descends. */
    private static final String DEEP = "---\ntitle: Deep\ndate: 2026-01-05T09:00:00-05:00\n---\n" + ">".repeat(100_000)
            + " x\n";

    @TempDir
    Path dir;
    PreviewServer server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    private String get(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Path site() {
        return TestSites.site(dir.resolve("src"), Map.of("content/articles/2026-01-05-first.md",
                TestSites.article("First Story", "2026-01-05T09:00:00-05:00", "", "One.")));
    }

    /**
     * An Error other than running out of memory (here the NoClassDefFoundError a jar rebuilt under the running
     * preview gives) ended the build thread: the server kept serving the last build and never built again.
     */
    @Test
    void aRebuildThatThrowsAnErrorIsShownAndTheNextSaveBuildsAgain() throws Exception {
        Path src = site();
        BuildOptions options = BuildOptions.of(src, dir.resolve("unused")).withFuture(true).withCacheDir(dir.resolve("cache"));
        AtomicInteger runs = new AtomicInteger();
        StringWriter log = new StringWriter();
        server = new PreviewServer(options, "127.0.0.1", 0, new PrintWriter(log, true), (o, parsed, progress) -> {
            if (runs.incrementAndGet() == 2) throw new NoClassDefFoundError("io/tickerpress/write/RecordBytes$Reader");
            return SiteBuilder.build(o, parsed, progress);
        });
        server.start();
        PreviewStartupTest.await(() -> server.builds() == 1, "the first build");
        Path article = src.resolve("content/articles/2026-01-05-first.md");
        Files.writeString(article, TestSites.article("First Story, Edited", "2026-01-05T09:00:00-05:00", "", "One."));
        PreviewStartupTest.await(() -> server.builds() == 2, "the rebuild that fails");
        String page = get("/news/2026/01/05/first/");
        assertTrue(page.contains("internal error: java.lang.NoClassDefFoundError"), page);

        Files.writeString(article, TestSites.article("First Story, Again", "2026-01-05T09:00:00-05:00", "", "One."));
        PreviewStartupTest.await(() -> server.builds() == 3, "the next rebuild");
        page = get("/news/2026/01/05/first/");
        assertTrue(page.contains("<h1>First Story, Again</h1>"), page);
        assertEquals(null, server.error());
    }

    /**
     * Markdown nested deeper than the stack (thousands of '>') overflowed it: `build` ended with an internal error
     * (exit 70) and `serve` stopped building. It is an input error naming the file, and the preview recovers.
     */
    @Test
    void markdownNestedTooDeeplyIsAnInputErrorNamingTheFile() throws Exception {
        Path src = site();
        Path deep = src.resolve("content/articles/2026-01-05-deep.md");
        Files.writeString(deep, DEEP);
        CliTest.Run built = CliTest.run("build", "--source", src.toString(), "--output", dir.resolve("out").toString(),
                "--now", "2026-02-01T00:00:00Z");
        assertEquals(1, built.code(), built.err());
        String shown = io.tickerpress.diag.Diagnostics.display(deep);
        assertTrue(built.err().startsWith("error: " + shown + ":5: the Markdown is nested too deeply"), built.err());
        assertFalse(built.err().contains("internal error"), built.err());

        Files.delete(deep);
        BuildOptions options = BuildOptions.of(src, dir.resolve("unused")).withFuture(true).withCacheDir(dir.resolve("cache"));
        server = new PreviewServer(options, "127.0.0.1", 0, new PrintWriter(new StringWriter(), true));
        server.start();
        PreviewStartupTest.await(() -> server.builds() == 1, "the first build");
        Files.writeString(deep, DEEP);
        PreviewStartupTest.await(() -> server.builds() >= 2 && server.error() != null, "the rebuild that fails");
        assertTrue(server.error().contains("the Markdown is nested too deeply"), server.error());
        Files.writeString(deep, DEEP.replace(">".repeat(100_000), "> quoted once"));
        PreviewStartupTest.await(() -> server.error() == null && get("/news/2026/01/05/deep/").contains("quoted once"),
                "the next save to build again");
    }
}
