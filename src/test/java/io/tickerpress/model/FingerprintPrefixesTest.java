package io.tickerpress.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link Fingerprint#prefixes}, the folders' hashes of an output path in one pass, gives for each folder what
 * hashing that folder's own text gives: the expected values are {@code Parts.high} of each prefix, cut out by hand.
 */
class FingerprintPrefixesTest {
    @Test
    void eachFolderHashesAsItsOwnText() {
        for (String path : List.of("news/2026/01/05/a/index.html", "a", "/", "//x/", "tags/日本/index.html", "")) {
            List<Long> expected = new ArrayList<>();
            for (int i = 0; i < path.length(); i++) {
                if (path.charAt(i) == '/') expected.add(new Fingerprint.Parts().add(path.substring(0, i)).high());
            }
            List<Long> got = new ArrayList<>();
            Fingerprint.prefixes(path, '/', got::add);
            assertEquals(expected, got, path);
        }
        List<Long> got = new ArrayList<>();
        Fingerprint.prefixes("news/x/index.html", '/', got::add);
        assertEquals(List.of(new Fingerprint.Parts().add("news").high(), new Fingerprint.Parts().add("news/x").high()), got);
    }
}
