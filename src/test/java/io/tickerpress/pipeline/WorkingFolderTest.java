package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import io.tickerpress.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tickerpress build --source SITE} run from one working folder, then from another: the folder the user
 * happens to be in decides neither which pages render again nor how warnings name files. The working folder of a
 * JVM cannot change, so each build is the real command line in a child process started in that folder.
 */
class WorkingFolderTest {
    private static final Pattern BUILT = Pattern.compile("Built (\\d+) pages \\((\\d+) rendered, (\\d+) unchanged;");

    @TempDir
    Path dir;

    /** The sample site (articles, digests, market data) copied to {@code dir/site}, built into its own site/. */
    private Path sampleSite() throws IOException {
        Path src = dir.resolve("site");
        TestSites.copyTree(TestSites.SAMPLE.resolve("content"), src.resolve("content"));
        TestSites.copyTree(TestSites.SAMPLE.resolve("templates"), src.resolve("templates"));
        return src;
    }

    @Test
    void aBuildFromAnotherFolderRendersNoPageAgainAndPublishesTheSameBytes() throws Exception {
        Path src = sampleSite();
        Path out = src.resolve("site");
        Path folderA = dir; // the site is shown from here as site/content/...
        Path folderB = Files.createDirectories(src.resolve("content/articles")); // and from here as x.md

        String first = build(folderA, src);
        assertTrue(BUILT.matcher(first).find(), first);
        Map<String, byte[]> before = TestSites.snapshot(out);

        // A draft is an input edit that no page shows (not published without --drafts): the build cannot take
        // the nothing-changed shortcut and has to decide page by page whether the previous one still holds.
        TestSites.write(src.resolve("content/articles/2026-02-02-unfinished.md"),
                TestSites.article("Unfinished", "2026-02-02T09:00:00-05:00", "draft: true\n", "Not yet."));
        String second = build(folderB, src);
        Matcher m = BUILT.matcher(second);
        assertTrue(m.find(), "the second build went through the pages: " + second);
        int pages = Integer.parseInt(m.group(1));
        assertTrue(pages > 20, "the sample site has its articles, lists and digests: " + second);
        assertEquals(0, Integer.parseInt(m.group(2)), "pages rendered again from another working folder: " + second);
        assertEquals(pages, Integer.parseInt(m.group(3)), second);

        Map<String, byte[]> after = TestSites.snapshot(out);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((name, bytes) -> assertTrue(Arrays.equals(bytes, after.get(name)), "changed: " + name));
    }

    @Test
    void replayedWarningsNameTheFileAsSeenFromTheFolderTheBuildRunsIn() throws Exception {
        // Line 1 ---, 2 title, 3 date, 4 ---, 5 "Intro.", 6 blank, 7 the link: the warning is on line 7.
        String unsafe = TestSites.article("Unsafe Link", "2026-01-05T09:00:00-05:00", "",
                "Intro.\n\nSee [this](javascript:alert(1)) now.");
        Path src = TestSites.site(dir.resolve("site"), Map.of(
                "content/articles/2026-01-05-unsafe.md", unsafe,
                "content/articles/2026-01-06-plain.md",
                TestSites.article("Plain", "2026-01-06T09:00:00-05:00", "", "Nothing to see."),
                // Held back at the build clock: a warning that names its file inside its text.
                "content/articles/2027-03-01-later.md",
                TestSites.article("Later", "2027-03-01T09:00:00-05:00", "", "Not yet due.")));
        Path unsafeFile = src.resolve("content/articles/2026-01-05-unsafe.md");
        Path laterFile = src.resolve("content/articles/2027-03-01-later.md");
        Path folderA = dir;
        Path folderB = src;
        Path folderC = Files.createDirectories(dir.resolve("elsewhere")); // not above the site: absolute names

        String full = build(folderA, src);
        assertTrue(BUILT.matcher(full).find(), full);
        assertWarnings(full, folderA, unsafeFile, laterFile);
        // From B, then C, with nothing changed: the last build's warnings are reported again (the shortcut).
        for (Path folder : List.of(folderB, folderC)) {
            String shortcut = build(folder, src);
            assertTrue(shortcut.contains("Nothing changed since the last build"), shortcut);
            assertWarnings(shortcut, folder, unsafeFile, laterFile);
        }

        // A draft each time: the build decides page by page, and reuses the unsafe article's page with the
        // warning the first build kept for it.
        for (Path folder : List.of(folderC, folderB)) {
            TestSites.write(src.resolve("content/articles/2026-01-07-draft.md"), TestSites.article("Draft",
                    "2026-01-07T09:00:00-05:00", "draft: true\n", "Edited from " + folder.getFileName() + "."));
            String reused = build(folder, src);
            Matcher m = BUILT.matcher(reused);
            assertTrue(m.find(), reused);
            assertEquals("0", m.group(2), "every page reused, the unsafe article's among them: " + reused);
            assertWarnings(reused, folder, unsafeFile, laterFile);
        }
    }

    /** The two warnings, each naming its file as {@code cwd} sees it (worked out here with java.nio). */
    private static void assertWarnings(String log, Path cwd, Path unsafeFile, Path laterFile) {
        String unsafe = "warning: " + seenFrom(cwd, unsafeFile) + ":7: link to 'javascript:alert(1)' dropped:"
                + " only http(s), mailto and relative links are allowed";
        String later = "warning: 1 future article held back; next: Mar 1, 2027, 09:00 EST (" + seenFrom(cwd, laterFile)
                + "); build with --future to include it";
        List<String> warnings = log.lines().filter(l -> l.startsWith("warning: ")).toList();
        assertEquals(List.of(later, unsafe).stream().sorted().toList(), warnings, "from " + cwd + ":\n" + log);
    }

    /** A file as a user in {@code cwd} names it: relative when it lies below, else its absolute path. */
    private static String seenFrom(Path cwd, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path here = cwd.toAbsolutePath().normalize();
        return abs.startsWith(here) ? here.relativize(abs).toString().replace('\\', '/') : abs.toString();
    }

    /** Runs {@code tickerpress build --source SRC} in a child process whose working folder is {@code cwd}. */
    private static String build(Path cwd, Path src) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "build", "--source", src.toAbsolutePath().toString(),
                "--now", TestSites.NOW.toString()));
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), log);
        return log;
    }
}
