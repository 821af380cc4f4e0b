package io.tickerpress.pipeline;

import io.tickerpress.TestSites;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static io.tickerpress.pipeline.PublishFaultInjectionTest.child;
import static io.tickerpress.pipeline.PublishFaultInjectionTest.runs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The site the title-edit tests of real processes edit: the sample site and 60 older stories, one a day from May 1,
 * 2020, all by one author, tagged Archive, and the even ones (0, 2, ...) Even as well.
 */
final class OlderStories {
    private OlderStories() {
    }

    /** Writes the 60 older stories into the site folder {@code src}. */
    static void write(Path src) {
        LocalDate first = LocalDate.of(2020, 5, 1);
        for (int i = 0; i < 60; i++) {
            LocalDate day = first.plusDays(i);
            TestSites.write(src.resolve("content/articles/" + day + "-older-" + i + ".md"), TestSites.article(
                    "Older Story " + i, day + "T09:00:00-04:00", "author: Ann Archivist\nsummary:\n  - Point one of "
                            + i + ".\ntags: [Archive" + (i % 2 == 0 ? ", Even" : "") + "]\n", "The body of story " + i + "."));
        }
    }

    /**
     * Makes the site in {@code src} (the sample content and the older stories) and builds it twice into
     * {@code site} with the CLI, logs in {@code dir}: the second build finds the first's records, as an editor's
     * builds do.
     */
    static void builtTwice(Path dir, Path src, Path site) throws IOException, InterruptedException {
        Files.createDirectories(src);
        assertTrue(runs("cp", "-r", TestSites.SAMPLE.resolve("content").toString(), src.resolve("content").toString()));
        write(src);
        assertEquals(0, child(null, src, site, dir.resolve("first.log")));
        assertEquals(0, child(null, src, site, dir.resolve("second.log")));
    }
}
