package io.tickerpress.serve;

import io.tickerpress.cli.CliTest;
import io.tickerpress.pipeline.BuildOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

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
        return FailingRebuild.get(server, path);
    }

    /**
     * An Error other than running out of memory (here the NoClassDefFoundError a jar rebuilt under the running
     * preview gives) ended the build thread: the server kept serving the last build and never built again.
     */
    @Test
    void aRebuildThatThrowsAnErrorIsShownAndTheNextSaveBuildsAgain() throws Exception {
        try (FailingRebuild preview = new FailingRebuild(dir,
                () -> new NoClassDefFoundError("io/tickerpress/write/RecordBytes$Reader"))) {
            preview.save("First Story, Edited", 2, "the rebuild that fails");
            String page = preview.get(FailingRebuild.PAGE);
            assertTrue(page.contains("internal error: java.lang.NoClassDefFoundError"), page);

            preview.save("First Story, Again", 3, "the next rebuild");
            page = preview.get(FailingRebuild.PAGE);
            assertTrue(page.contains("<h1>First Story, Again</h1>"), page);
            assertEquals(null, preview.server.error());
        }
    }

    /**
     * Markdown nested deeper than the stack (thousands of '>') overflowed it: `build` ended with an internal error
     * (exit 70) and `serve` stopped building. It is an input error naming the file, and the preview recovers.
     */
    @Test
    void markdownNestedTooDeeplyIsAnInputErrorNamingTheFile() throws Exception {
        Path src = FailingRebuild.oneArticleSite(dir);
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
