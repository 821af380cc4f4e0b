package io.tickerpress.load;

import io.tickerpress.diag.InputError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A body left on disk reads back the text that was parsed, or says the file changed; never another version. */
class BodyOnDiskTest {
    @TempDir
    Path dir;

    @Test
    void readsTheBodyBackAndNoticesAnEditOfTheSameLength() throws Exception {
        Path file = dir.resolve("a.md");
        String text = "---\ntitle: \"Caf\u00e9 rates\"\ndate: 2026-01-20\n---\nThe *Fed* held rates at 4.25%.\n";
        Files.writeString(file, text);
        // The body is what follows the closing '---' line.
        String body = "The *Fed* held rates at 4.25%.\n";
        BodyOnDisk onDisk = BodyOnDisk.onDisk(io.tickerpress.diag.Diagnostics.display(file), 1_000_000, text, body, null);
        assertEquals(body, onDisk.text());
        assertEquals(body, onDisk.text(), "and again, each time a page asks");

        Files.writeString(file, text.replace("4.25%", "4.50%")); // same length, other text
        InputError e = assertThrows(InputError.class, onDisk::text);
        assertTrue(e.getMessage().contains("a.md") && e.getMessage().contains("changed while the build"), e.getMessage());

        Files.writeString(file, text.replace("title: \"Caf\u00e9 rates\"", "title: \"Rates\"")); // front matter shorter
        assertThrows(InputError.class, onDisk::text);
    }

    @Test
    void keepsTheContentHashItIsKeyedBy() throws Exception {
        Path file = dir.resolve("b.md");
        String text = "---\ntitle: B\ndate: 2026-01-20\n---\nBody.\n";
        Files.writeString(file, text);
        String display = io.tickerpress.diag.Diagnostics.display(file);
        // Both halves with the high bit set, and leading zeros: the 32 digits come back as given.
        String hash = "f00000000000000a0000000000000fff";
        assertEquals(hash, BodyOnDisk.onDisk(display, 1_000_000, text, "Body.\n", hash).key());
        assertEquals(null, BodyOnDisk.onDisk(display, 1_000_000, text, "Body.\n", null).key());
        assertThrows(IllegalArgumentException.class,
                () -> BodyOnDisk.onDisk(display, 1_000_000, text, "Body.\n", "F00000000000000A0000000000000FFF"));
    }
}
