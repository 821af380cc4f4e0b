package io.tickerpress.scale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A build whose heap is too small for the site ends with exit 1 and a message that says so and names the
 * setting that raises the heap, never with "internal error" (exit 70); the previous output is left alone.
 */
class OutOfMemoryExitTest {
    @TempDir
    Path dir;

    @Test
    void aHeapTooSmallSaysHowToRaiseIt() throws Exception {
        // Articles of 3 MB of Markdown each (under the 10 MB limit): one of them, its syntax tree and its HTML
        // (another 3 MB or more) cannot fit in 16 MiB next to the JVM's own classes, however the build streams.
        Path site = GeneratedArchive.write(dir, 3, 3_000_000);
        GeneratedArchive.Run run = GeneratedArchive.build(site, "16m");
        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("ran out of memory"), run.output());
        assertTrue(run.output().contains("TICKERPRESS_JAVA_OPTS=\"-Xmx2g\""), run.output());
        assertFalse(run.output().contains("internal error"), run.output());
        assertTrue(run.output().contains("nothing was published"), run.output());
        assertFalse(Files.exists(site.resolve("site")), "a failed build publishes nothing");
    }
}
