package io.tickerpress.pipeline;

import io.tickerpress.TestSites;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One source folder built again and again into one output folder, each build checked against a clean build
 * ({@code --clean}, a fresh output folder, the clean builds' own cache) of the same input: the same files with the
 * same bytes and the same warnings; a build that fails must fail as the clean build does and publish nothing.
 * Shared by the tests that attack incremental builds with a sequence of edits.
 */
final class AgainstCleanBuilds {
    /** What a clean build of the current input made: each file's SHA-256 and the warnings, or the error it failed with. */
    record Clean(Map<String, String> files, List<String> warnings, String error) {
    }

    private final Path dir;
    private final Path cleanCache;
    private final Path src;
    private final Path out;
    private final List<String> report = new ArrayList<>();
    private int cleans;

    /**
     * @param dir        a scratch folder for the clean builds' output
     * @param cleanCache the clean builds' cache (may be shared by a test class: charts are drawn once for them)
     */
    AgainstCleanBuilds(Path dir, Path cleanCache, Path src, Path out) {
        this.dir = dir;
        this.cleanCache = cleanCache;
        this.src = src;
        this.out = out;
    }

    /** Builds the source into the output folder as a user's {@code build} does, and checks it against a clean build. */
    BuildResult step(String what) {
        return check(what, SiteBuilder.build(TestSites.options(src, out)));
    }

    /** Checks a build the test ran itself (with its own cache or progress) against a clean build of the same input. */
    BuildResult check(String what, BuildResult r) {
        Clean c = clean();
        assertEquals(null, c.error(), what + ": the clean build fails");
        String differ = TestSites.filesDiffer(c.files(), TestSites.digests(TestSites.snapshot(out)));
        if (!differ.isEmpty()) {
            fail(String.join("\n", report) + "\nafter '" + what + "' the incremental build differs from a clean one: " + differ);
        }
        assertEquals(c.warnings(), r.warnings(), what + ": warnings");
        report.add(what + (quick(r) ? " (quick)" : "") + ": " + r.pagesRendered() + " pages rendered, "
                + r.warnings().size() + " warnings");
        return r;
    }

    /** A build that must fail as a clean build of the same input does, and leave the published site as it was. */
    void failing(String what) {
        Map<String, String> published = TestSites.digests(TestSites.snapshot(out));
        String error = null;
        try {
            SiteBuilder.build(TestSites.options(src, out));
        } catch (RuntimeException e) {
            error = e.getClass().getName() + ": " + e.getMessage();
        }
        Clean c = clean();
        assertTrue(c.error() != null, what + ": the clean build fails");
        assertEquals(c.error(), error, what + ": fails as a clean build does");
        assertEquals("", TestSites.filesDiffer(published, TestSites.digests(TestSites.snapshot(out))),
                what + ": nothing published");
        report.add(what + ": failed as clean");
    }

    /** A clean build of the current input into a fresh folder, deleted afterwards. */
    Clean clean() {
        Path clean = dir.resolve("clean-" + (++cleans));
        try {
            BuildResult r = SiteBuilder.build(TestSites.options(src, clean).withClean(true).withCacheDir(cleanCache));
            return new Clean(TestSites.digests(TestSites.snapshot(clean)), r.warnings(), null);
        } catch (RuntimeException e) {
            return new Clean(null, null, e.getClass().getName() + ": " + e.getMessage());
        } finally {
            if (Files.exists(clean)) TestSites.deleteTree(clean);
        }
    }

    /** Whether a build took the quick path of edits to article bodies ({@link ArticleEdits}). */
    static boolean quick(BuildResult r) {
        return r.stageMillis().containsKey(ArticleEdits.STAGE);
    }

    /** Edits a file of the source folder, given by its path below it. */
    void edit(String file, UnaryOperator<String> change) {
        TestSites.edit(src.resolve(file), change);
    }

    String read(String file) {
        return TestSites.read(src.resolve(file));
    }

    void note(String line) {
        report.add(line);
    }

    /** What each build did, one line a build, for the test's output. */
    void printReport() {
        report.forEach(System.out::println);
    }
}
