package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.tickerpress.pipeline.PublishFaultInjectionTest.child;
import static io.tickerpress.pipeline.PublishFaultInjectionTest.sameSite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An input file (an article, site.yaml, a market snapshot, a digest, a template) saved while a build runs, between
 * the build's look at the input files (the index its record keeps) and its reading of that file, then saved back to
 * the text the build's index saw (an editor's undo, a checkout). strace holds every open of the file (2 s, {@link HeldOpens#HOLD_MS}); once
 * the index's read (the first) has closed it, the test saves the other text. Whatever the build under the race does (stop with "changed while the build was reading it",
 * or publish either text), the build after the file is back must give the clean build's site: a build must not
 * record as built a text it did not build, or the next one finds nothing changed and keeps the other text's pages.
 */
class EditDuringBuildTest {
    private static final String STORY = "content/articles/2020-05-11-older-10.md";

    @TempDir
    Path dir;

    @Test
    void aTitleSavedDuringTheQuickPathThenUndoneIsBuiltAsItIs() throws Exception {
        race(text -> text.replace("Older Story 10", "Older Story Saved Before"),
                text -> text.replace("Older Story 10", "Older Story Saved During"));
    }

    @Test
    void aTitleSavedDuringAFullBuildThenUndoneIsBuiltAsItIs() throws Exception {
        // The tags change too: the story moves in the lists, so the build is a full one.
        race(text -> text.replace("Older Story 10", "Older Story Saved Before").replace("tags: [Archive, Even]",
                        "tags: [Archive, Even, Odd]"),
                text -> text.replace("Older Story 10", "Older Story Saved During").replace("tags: [Archive, Even]",
                        "tags: [Archive, Even, Odd]"));
    }

    // The other inputs: each is read by the build after the scan hashed it (the scan's read is the first), so the
    // text is saved before the second read, and for site.yaml (read twice by the build) before the third as well.

    @Test
    void siteYamlSavedDuringTheBuildThenUndoneIsBuiltAsItIs() throws Exception {
        for (int open : new int[] {2, 3}) {
            race("content/site.yaml", open, null, text -> text.replace("title: The Market Ledger", "title: Ledger Saved Before"),
                    text -> text.replace("title: The Market Ledger", "title: Ledger Saved During"), "Ledger Saved During");
        }
    }

    @Test
    void aMarketSnapshotSavedDuringTheBuildThenUndoneIsBuiltAsItIs() throws Exception {
        race("content/market/2026-01-23.json", 2, null, text -> text.replace("Microsoft Gains Ahead", "Microsoft Saved Before"),
                text -> text.replace("Microsoft Gains Ahead", "Microsoft Saved During"), "Microsoft Saved During");
    }

    @Test
    void aDigestSavedDuringTheBuildThenUndoneIsBuiltAsItIs() throws Exception {
        race("content/digests/2026-01-16.md", 2, null, text -> text.replace("Small Caps Notch", "Small Caps Saved Before"),
                text -> text.replace("Small Caps Notch", "Small Caps Saved During"), "Small Caps Saved During");
    }

    @Test
    void aTemplateSavedDuringTheBuildThenUndoneIsBuiltAsItIs() throws Exception {
        // The site's own templates/ folder, with the default theme's article template in it.
        String template = Files.readString(TestSites.SAMPLE.resolve("templates/article.ftlh"));
        race("templates/article.ftlh", 2, template, text -> text.replace("<p class=\"to-top\">", "<p>Template Saved Before</p><p class=\"to-top\">"),
                text -> text.replace("<p class=\"to-top\">", "<p>Template Saved During</p><p class=\"to-top\">"),
                "Template Saved During");
    }

    private void race(java.util.function.UnaryOperator<String> before, java.util.function.UnaryOperator<String> during)
            throws Exception {
        race(STORY, 2, null, before, during, "Older Story Saved During");
    }

    /**
     * @param open the read of the file before which the other text is saved (the scan's is the first: 2 saves it
     *             after the scan, before the build's own first read)
     * @param initial the file's text to write before the first builds, or null when the site has it already
     */
    private void race(String file, int open, String initial, java.util.function.UnaryOperator<String> before,
                      java.util.function.UnaryOperator<String> during, String duringMarker) throws Exception {
        HeldOpens.assumeStrace();
        Path run = dir.resolve(file.replace('/', '-') + "-" + open);
        Path src = run.resolve("src").toAbsolutePath();
        Path site = run.resolve("site").toAbsolutePath();
        if (initial != null) TestSites.write(src.resolve(file), initial);
        OlderStories.builtTwice(run, src, site);
        Path story = src.resolve(file);
        String original = Files.readString(story);
        String saved = before.apply(original);
        Files.writeString(story, saved);

        HeldOpens race = HeldOpens.start(run, story, src, site);
        // Once the build has read the file {@code open - 1} times (the index's read first), the editor saves the
        // other text, while strace holds the next open.
        race.awaitReads(open - 1);
        Files.writeString(story, during.apply(original));
        String raceLog = race.finish();
        Assumptions.assumeTrue(race.reads() >= open, "the build read the file fewer than " + open + " times: " + race.traced());

        // The editor's undo: the text the build's index saw. Then a build, and a clean build of the same text.
        Files.writeString(story, saved);
        Thread.sleep(10); // another modification time, as an editor's save has
        assertEquals(0, child(null, src, site, run.resolve("after.log")));
        String after = Files.readString(run.resolve("after.log"), StandardCharsets.UTF_8);
        Map<String, byte[]> expected = HeldOpens.cleanBuild(run, src, "content", "templates");
        Map<String, byte[]> built = TestSites.snapshot(site);
        long stale = built.values().stream().filter(b -> new String(b, StandardCharsets.UTF_8)
                .contains(duringMarker)).count();
        System.out.println(file + ", open " + open + " held; under the race: " + raceLog + "\nafter the undo: " + after.strip());
        assertTrue(sameSite(built, expected), file + ", open " + open + " held: the build under the race said: " + raceLog + "; the build after the"
                + " undo said: " + after.strip() + "; files that still show the text saved during the race: " + stale);
    }
}
