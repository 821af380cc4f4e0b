package io.tickerpress.write;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** A manifest entry kept compact gives back its fingerprint exactly, whatever its form. */
class BuildManifestEntryTest {
    @Test
    void givesBackEveryFingerprintAsGiven() {
        // 32 lowercase hex digits (kept as two longs, the high bit of both set), and texts that are not: upper
        // case, 31 and 33 digits, a non-hex letter, and empty.
        List<String> fingerprints = List.of("ffffffffffffffff8000000000000001", "0123456789abcdef0123456789abcdef",
                "0123456789ABCDEF0123456789abcdef", "0123456789abcdef0123456789abcde",
                "0123456789abcdef0123456789abcdef0", "0123456789abcdeg0123456789abcdef", "");
        for (String f : fingerprints) {
            BuildManifest.Entry e = new BuildManifest.Entry(f, List.of("charts/a.svg"), List.of("a warning"));
            assertEquals(f, e.fingerprint());
            assertEquals(List.of("charts/a.svg"), e.charts());
            assertEquals(List.of("a warning"), e.warnings());
            assertEquals(e, new BuildManifest.Entry(f, List.of("charts/a.svg"), List.of("a warning")));
        }
        assertNotEquals(new BuildManifest.Entry(fingerprints.get(1), List.of(), List.of()),
                new BuildManifest.Entry(fingerprints.get(2), List.of(), List.of()), "another case is another text");
    }
}
