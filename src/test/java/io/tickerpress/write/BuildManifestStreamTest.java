package io.tickerpress.write;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page manifest read in parts (held compactly by {@link BuildManifest#load}, streamed by
 * {@link BuildManifest.Patch#read}): the files are written here by hand as the format lays them out.
 */
class BuildManifestStreamTest {
    private static final String FORMAT = "tickerpress page manifest 3";
    private static final String INPUTS = "inputs-1";
    private static final int PAGES = 1_000;

    @TempDir
    Path dir;

    private static String page(int i) {
        return "news/2026/01/story-" + i + "-" + "long-slug-".repeat(8) + "/index.html";
    }

    private static String fingerprint(int i) {
        return String.format(java.util.Locale.ROOT, "%032x", 977L * i + 5);
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static void strings(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) string(out, s);
    }

    /** Page i's charts: every tenth page shows one. */
    private static List<String> charts(int i) {
        return i % 10 == 0 ? List.of("charts/" + fingerprint(i) + ".svg") : List.of();
    }

    /**
     * A manifest of {@link #PAGES} pages (page {@code replaced} with {@code entry} instead, when not negative) and one
     * group; {@code starts} gets where each page's entry starts, then where the groups start.
     */
    private byte[] manifest(String output, int replaced, BuildManifest.Entry entry, List<Integer> starts)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        string(out, FORMAT);
        string(out, output);
        string(out, INPUTS);
        out.writeInt(PAGES);
        for (int i = 0; i < PAGES; i++) {
            starts.add(out.size());
            string(out, page(i));
            if (i == replaced) {
                string(out, entry.fingerprint());
                strings(out, entry.charts());
                strings(out, entry.warnings());
            } else {
                string(out, fingerprint(i));
                strings(out, charts(i));
                strings(out, i == 7 ? List.of("content/articles/a.md:3: a warning") : List.of());
            }
        }
        starts.add(out.size());
        out.writeInt(1);
        string(out, "feeds");
        string(out, "feeds-fingerprint");
        strings(out, List.of("feed.xml"));
        string(out, "end");
        return bytes.toByteArray();
    }

    private Path output() {
        return dir.resolve("site");
    }

    private Path cache() {
        return dir.resolve("cache");
    }

    private void put(byte[] bytes) throws IOException {
        Files.createDirectories(cache());
        Files.write(BuildManifest.file(cache(), output()), bytes);
    }

    private int across(List<Integer> starts) {
        for (int i = 0; i < PAGES; i++) {
            if (starts.get(i) < 65_536 && starts.get(i + 1) > 65_536) return i;
        }
        throw new AssertionError("the test's manifest has no entry across 65,536");
    }

    @Test
    void everyPageIsFoundInTheCompactManifest() throws IOException {
        put(manifest(BuildManifest.outputKey(output()), -1, null, new ArrayList<>()));
        BuildManifest m = BuildManifest.load(cache(), output(), INPUTS);
        assertEquals(PAGES, m.pages().size());
        for (int i = 0; i < PAGES; i++) {
            BuildManifest.Entry e = m.pages().get(page(i));
            assertEquals(fingerprint(i), e.fingerprint(), page(i));
            assertEquals(charts(i), e.charts());
        }
        assertEquals(List.of("content/articles/a.md:3: a warning"), m.pages().get(page(7)).warnings());
        assertNull(m.pages().get("news/none/index.html"));
        assertEquals(new BuildManifest.Group("feeds-fingerprint", List.of("feed.xml")), m.groups().get("feeds"));
        assertEquals(0, BuildManifest.load(cache(), output(), "other inputs").pages().size());
    }

    @Test
    void aPatchOfAnEntryAcrossAPartsEndIsSavedFromTheFileRead() throws IOException {
        String output = BuildManifest.outputKey(output());
        List<Integer> starts = new ArrayList<>();
        put(manifest(output, -1, null, starts));
        int i = across(starts);
        BuildManifest.Patch patch = BuildManifest.Patch.read(cache(), output(), INPUTS, Set.of(page(i))).orElseThrow();
        assertEquals(fingerprint(i), patch.entry(page(i)).fingerprint());
        assertNull(patch.entry(page(i + 1)), "not asked for");
        BuildManifest.Entry now = new BuildManifest.Entry("f".repeat(32), List.of("charts/x.svg"), List.of());
        patch.put(page(i), now);
        // The build removes the manifest before it publishes, then saves the patched one from what it read.
        Files.delete(BuildManifest.file(cache(), output()));
        patch.save(cache());
        assertArrayEquals(manifest(output, i, now, new ArrayList<>()),
                Files.readAllBytes(BuildManifest.file(cache(), output())));
    }

    @Test
    void aManifestCutShortMidEntryOrOfAnotherFormatIsNotUsed() throws IOException {
        List<Integer> starts = new ArrayList<>();
        byte[] whole = manifest(BuildManifest.outputKey(output()), -1, null, starts);
        int i = across(starts);
        put(java.util.Arrays.copyOf(whole, starts.get(i) + 10));
        assertEquals(0, BuildManifest.load(cache(), output(), INPUTS).pages().size());
        assertTrue(BuildManifest.Patch.read(cache(), output(), INPUTS, Set.of(page(0))).isEmpty());
        // Cut after the last page (no groups, no end), and one byte past the end: refused by the patch too.
        put(java.util.Arrays.copyOf(whole, starts.get(PAGES)));
        assertEquals(0, BuildManifest.load(cache(), output(), INPUTS).pages().size());
        assertTrue(BuildManifest.Patch.read(cache(), output(), INPUTS, Set.of(page(0))).isEmpty());
        byte[] longer = java.util.Arrays.copyOf(whole, whole.length + 1);
        put(longer);
        assertTrue(BuildManifest.Patch.read(cache(), output(), INPUTS, Set.of(page(0))).isEmpty());
        byte[] foreign = whole.clone();
        foreign[4 + FORMAT.length() - 1] = '2'; // "tickerpress page manifest 2"
        put(foreign);
        assertEquals(0, BuildManifest.load(cache(), output(), INPUTS).pages().size());
        assertTrue(BuildManifest.Patch.read(cache(), output(), INPUTS, Set.of(page(0))).isEmpty());
    }
}
