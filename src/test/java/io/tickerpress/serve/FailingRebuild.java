package io.tickerpress.serve;

import io.tickerpress.TestSites;
import io.tickerpress.pipeline.BuildOptions;
import io.tickerpress.pipeline.SiteBuilder;

import java.io.IOException;
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
import java.util.function.Supplier;

/**
 * The preview of a one-article site whose second build throws a given error, for the tests of failed rebuilds
 * ({@link PreviewFailureTest}, {@link PreviewOutOfMemoryTest}): it starts the server, waits for the first build,
 * and saves the article as an editor would.
 */
final class FailingRebuild implements AutoCloseable {
    /** The article's page. */
    static final String PAGE = "/news/2026/01/05/first/";

    final Path src;
    final Path article;
    final PreviewServer server;
    final StringWriter log = new StringWriter();

    /** @param error what the second build throws (the first and the later ones build the site) */
    FailingRebuild(Path dir, Supplier<? extends Error> error) throws IOException {
        src = oneArticleSite(dir);
        article = src.resolve("content/articles/2026-01-05-first.md");
        BuildOptions options = BuildOptions.of(src, dir.resolve("unused")).withFuture(true).withCacheDir(dir.resolve("cache"));
        AtomicInteger runs = new AtomicInteger();
        server = new PreviewServer(options, "127.0.0.1", 0, new PrintWriter(log, true), (o, parsed, progress) -> {
            if (runs.incrementAndGet() == 2) throw error.get();
            return SiteBuilder.build(o, parsed, progress);
        });
        server.start();
        PreviewStartupTest.await(() -> server.builds() == 1, "the first build");
    }

    /** A site with one article, "First Story", at {@link #PAGE}. */
    static Path oneArticleSite(Path dir) {
        return TestSites.site(dir.resolve("src"), Map.of("content/articles/2026-01-05-first.md", story("First Story")));
    }

    private static String story(String title) {
        return TestSites.article(title, "2026-01-05T09:00:00-05:00", "", "One.");
    }

    /** Saves the article with a new title and waits for the build it causes, number {@code build}. */
    void save(String title, int build, String what) throws IOException {
        Files.writeString(article, story(title));
        PreviewStartupTest.await(() -> server.builds() == build, what);
    }

    /** A page of the preview, as a browser gets it. */
    static String get(PreviewServer server, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    String get(String path) {
        return get(server, path);
    }

    @Override
    public void close() {
        server.close();
    }
}
