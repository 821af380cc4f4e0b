package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import io.tickerpress.load.ContentLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The market memo ({@link MarketMemo}) against clean builds: after every build the output (files, bytes) and the
 * warnings must be a clean build's, and a build that fails must fail as a clean build does. Whether the build took
 * the memo or parsed the market files is told by how many files it parsed: without the memo, every file below
 * {@code content/market/} (counted here from the folder).
 */
class MarketMemoTest {
    private static final Path SAMPLE_CONTENT = TestSites.SAMPLE.resolve("content");
    private static final String SNAPSHOT = "content/market/2026-01-16.json";
    private static final String GAP = "content/market/2026-01-14.json";
    private static final String SITE_YAML = "content/site.yaml";
    private static final String BODY_EDITED = "content/articles/2026-01-21-fed-officials-patience.md";
    /** More than the files' own status clock: files older than this are no longer "racy" ({@link InputIndex}). */
    private static final long SETTLE_MILLIS = InputIndex.RACY_MILLIS + 200;

    @TempDir
    Path dir;
    @TempDir
    static Path cleanCache;
    private Path src;
    private Path out;
    private int added;
    private AgainstCleanBuilds builds;

    @Test
    void buildsWithTheMemoGiveTheBytesAndWarningsOfACleanBuild() throws Exception {
        src = dir.resolve("src");
        out = dir.resolve("site");
        TestSites.copyTree(SAMPLE_CONTENT, src.resolve("content"));
        builds = new AgainstCleanBuilds(dir, cleanCache, src, out);
        settle(); // files saved just before a build are never taken into a memo (their bytes may still change)
        Path memo = TestSites.options(src, out).cacheDir().resolve(MarketMemo.FILE);

        assertFalse(memoUsed(step("first build")));
        assertTrue(Files.isRegularFile(memo), "the memo is written");
        addArticle();
        assertTrue(memoUsed(step("an article added: the market files are those of the memo")));
        TestSites.edit(src.resolve(BODY_EDITED), s -> s + "\nMU {{< quote MU close >}}.\n");
        assertTrue(quick(step("a body edit with a quote (the quick path)")));

        // A snapshot edited: the memo is not for these files.
        String snapshot0 = TestSites.read(src.resolve(SNAPSHOT));
        edit(SNAPSHOT, s -> s.replace("\"close\": 342.5", "\"close\": 343.5"));
        assertFalse(memoUsed(step("snapshot edited")));
        settle();
        addArticle();
        assertFalse(memoUsed(step("the first build after an edit just before a build writes the memo")));
        addArticle();
        assertTrue(memoUsed(step("and the next one uses it")));

        // The same size, the same modification time (an edit within the clock's resolution): the hash tells.
        Path snapshot = src.resolve(SNAPSHOT);
        FileTime time = Files.getLastModifiedTime(snapshot);
        long size = Files.size(snapshot);
        edit(SNAPSHOT, s -> s.replace("\"close\": 343.5", "\"close\": 344.5"));
        Files.setLastModifiedTime(snapshot, time);
        assertEquals(size, Files.size(snapshot), "the test's edit keeps the size");
        assertFalse(memoUsed(step("snapshot edited keeping size and time")));
        TestSites.write(snapshot, snapshot0);
        settle();
        addArticle();
        step("snapshot undone");
        addArticle();
        assertTrue(memoUsed(step("the memo of the undone text")));

        // A damaged, cut or foreign memo: parsed as before, and written again.
        byte[] good = Files.readAllBytes(memo);
        byte[] damaged = good.clone();
        damaged[damaged.length / 2] ^= 0x10;
        Files.write(memo, damaged);
        addArticle();
        assertFalse(memoUsed(step("memo damaged")));
        addArticle();
        assertTrue(memoUsed(step("memo written again")));
        Files.write(memo, Arrays.copyOf(good, good.length - 7));
        addArticle();
        assertFalse(memoUsed(step("memo cut short")));
        Files.write(memo, Files.readAllBytes(memo.resolveSibling("parsed-articles.bin")));
        addArticle();
        assertFalse(memoUsed(step("another file in the memo's place")));
        Files.write(memo, new byte[0]);
        addArticle();
        assertFalse(memoUsed(step("memo empty")));

        // A day missing: the parse warns, and the memo gives the same warnings.
        Files.delete(src.resolve(GAP));
        settle();
        addArticle();
        BuildResult gap = step("a trading day missing");
        assertTrue(gap.warnings().stream().anyMatch(w -> w.contains("2026-01-14")), "the test's gap warns: " + gap.warnings());
        addArticle();
        BuildResult again = step("the gap again, from the memo");
        assertTrue(memoUsed(again));
        assertEquals(gap.warnings(), again.warnings(), "the memo's warnings are the parse's");

        // Settings that change the parse: strict makes the gap an error; an early close moves a snapshot's time.
        String siteYaml0 = TestSites.read(src.resolve(SITE_YAML));
        edit(SITE_YAML, s -> s.replace("market:\n", "market:\n  strict: true\n"));
        failing("strict: the gap is an error");
        TestSites.write(src.resolve(SITE_YAML), siteYaml0);
        addArticle();
        assertTrue(memoUsed(step("strict undone: the memo of the gap")));
        edit(SITE_YAML, s -> s.replace("market:\n", "market:\n  earlyCloses:\n    - date: 2026-01-16\n      close: \"13:00\"\n"));
        assertFalse(memoUsed(step("an early close on a snapshot's day")));
        edit(SITE_YAML, s -> s.replace("market:\n", "market:\n  closures:\n    - date: 2026-01-16\n      reason: test\n"));
        failing("a closure on a snapshot's day");
        TestSites.write(src.resolve(SITE_YAML), siteYaml0);
        step("settings undone");
        builds.printReport();
    }

    /** Waits until the files saved so far are settled for the input index. */
    private static void settle() throws InterruptedException {
        Thread.sleep(SETTLE_MILLIS);
    }

    /** An article that quotes the market: a full build (a file added), which loads the market data. */
    private void addArticle() {
        added++;
        TestSites.write(src.resolve("content/articles/2026-01-22-memo-" + added + ".md"), TestSites.article(
                "Memo " + added, "2026-01-22T10:0" + (added % 10) + ":00-05:00", "tags: [markets]\n",
                "MU closed at {{< quote MU close >}}, SPX {{< quote SPX changePct >}}."));
    }

    private int marketFiles() throws IOException {
        try (Stream<Path> files = Files.walk(src.resolve("content/market"))) {
            return (int) files.filter(Files::isRegularFile).count();
        }
    }

    private record Built(BuildResult result, int parses) {
    }

    private Built lastBuilt;

    private boolean memoUsed(BuildResult r) throws IOException {
        assertEquals(r, lastBuilt.result());
        // Without the memo every market file is parsed; with it, only articles the article store does not keep.
        return lastBuilt.parses() < marketFiles();
    }

    private static boolean quick(BuildResult r) {
        return AgainstCleanBuilds.quick(r);
    }

    /** Builds with a counted parse cache (how many files the build parsed), then checks it against a clean build. */
    private BuildResult step(String what) {
        ContentLoader.Cache counted = ContentLoader.Cache.none();
        BuildResult r = SiteBuilder.build(TestSites.options(src, out), counted, Progress.NONE);
        lastBuilt = new Built(r, counted.parses());
        builds.note(what + ": " + counted.parses() + " files parsed");
        return builds.check(what, r);
    }

    private void failing(String what) {
        builds.failing(what);
    }

    private void edit(String file, java.util.function.UnaryOperator<String> change) {
        builds.edit(file, change);
    }
}
