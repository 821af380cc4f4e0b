package io.tickerpress.write;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages' entries a build puts aside as it writes its pages become the manifest the next build reads: every
 * entry as it was put, from any number of threads, and the groups of files with them.
 */
class PageEntriesTest {
    private static final String INPUTS = "shared-inputs-1";

    @TempDir
    Path dir;

    @Test
    void theManifestSavedFromThemHasEveryEntryAsPut() throws Exception {
        Path cache = dir.resolve("cache");
        Path output = dir.resolve("site");
        // More entries than one batch of the spill file holds (64 KiB: some 1,000 entries of ~60 bytes).
        int pages = 5_000;
        try (PageEntries entries = PageEntries.in(cache)) {
            IntStream.range(0, pages).parallel().forEach(i -> entries.put(page(i), entry(i)));
            assertEquals(pages, entries.size());
            try (var listing = Files.list(cache)) {
                assertEquals(0, listing.count(), "the spill file is not left in the cache folder");
            }
            BuildManifest.save(cache, output.toString(), INPUTS, entries,
                    Map.of("feeds ", new BuildManifest.Group("feed-fingerprint", List.of("feed.xml", "atom.xml"))));
        }
        BuildManifest read = BuildManifest.load(cache, output, INPUTS);
        assertEquals(pages, read.pages().size());
        for (int i = 0; i < pages; i++) assertEquals(entry(i), read.pages().get(page(i)), page(i));
        assertEquals(new BuildManifest.Group("feed-fingerprint", List.of("feed.xml", "atom.xml")),
                read.groups().get("feeds "));
        // The quick path of edits reads the same file by its bytes.
        BuildManifest.Patch patch = BuildManifest.Patch.read(cache, output, INPUTS, java.util.Set.of(page(4_321)))
                .orElseThrow();
        assertEquals(entry(4_321), patch.entry(page(4_321)));
    }

    @Test
    void withoutACacheFolderTheyAreCountedAndNoManifestIsSaved() {
        try (PageEntries entries = PageEntries.in(null)) {
            entries.put(page(1), entry(1));
            entries.put(page(2), entry(2));
            assertEquals(2, entries.size());
            assertFalse(entries.complete());
        }
    }

    @Test
    void closedBeforeSavingSavesNoManifest() throws Exception {
        Path cache = dir.resolve("cache");
        PageEntries entries = PageEntries.in(cache);
        entries.put(page(1), entry(1));
        assertTrue(entries.complete());
        entries.close();
        BuildManifest.save(cache, dir.resolve("site").toString(), INPUTS, entries, Map.of());
        try (var listing = Files.list(cache)) {
            assertEquals(0, listing.count());
        }
    }

    private static String page(int i) {
        return "news/" + i + "/caf\u00e9-\uD83D\uDCC8/index.html";
    }

    /** Every third page shows charts, every fifth raised a warning; fingerprints of 32 hex digits and not. */
    private static BuildManifest.Entry entry(int i) {
        String fingerprint = i % 7 == 0 ? "fp-" + i : String.format(java.util.Locale.ROOT, "%032x", 1_000_003L * i);
        List<String> charts = i % 3 == 0 ? List.of("charts/" + i + ".svg", "charts/" + i + "-dark.svg") : List.of();
        List<String> warnings = i % 5 == 0 ? List.of("content/articles/" + i + ".md:3: a warning") : List.of();
        return new BuildManifest.Entry(fingerprint, charts, warnings);
    }
}
