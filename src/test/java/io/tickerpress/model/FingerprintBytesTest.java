package io.tickerpress.model;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * {@link Fingerprint.Parts#add(byte[])}, the content hash of input files, hashes bytes as the text they read as in
 * ISO-8859-1 (each byte one char from U+0000 to U+00FF): the expected values come from the text's own path.
 */
class FingerprintBytesTest {
    @Test
    void bytesHashAsTheirIso88591Text() {
        byte[] every = new byte[256];
        for (int i = 0; i < every.length; i++) every[i] = (byte) i;
        for (byte[] bytes : List.of(new byte[0], "---\ntitle: A\n---\nBody.\n".getBytes(StandardCharsets.UTF_8),
                "été 日本".getBytes(StandardCharsets.UTF_8), every)) {
            assertEquals(Fingerprint.of(new String(bytes, StandardCharsets.ISO_8859_1)),
                    new Fingerprint.Parts().add(bytes).hex());
        }
    }

    @Test
    void aByteChangedOrAddedChangesTheHash() {
        byte[] a = "story one".getBytes(StandardCharsets.UTF_8);
        byte[] b = "story onf".getBytes(StandardCharsets.UTF_8);
        byte[] c = "story one\n".getBytes(StandardCharsets.UTF_8);
        byte[] high = "story on\u00e5".getBytes(StandardCharsets.ISO_8859_1);
        String hash = new Fingerprint.Parts().add(a).hex();
        assertNotEquals(hash, new Fingerprint.Parts().add(b).hex());
        assertNotEquals(hash, new Fingerprint.Parts().add(c).hex());
        assertNotEquals(hash, new Fingerprint.Parts().add(high).hex());
    }
}
