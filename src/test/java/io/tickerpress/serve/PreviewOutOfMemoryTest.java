package io.tickerpress.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rebuild that runs out of memory (the heap guard's verdict or the JVM's own error: the same
 * {@link OutOfMemoryError}, injected here into the second build) is a failed rebuild: the server goes on, its pages
 * show the out-of-memory message with the setting that raises the heap, and the next save builds again.
 */
class PreviewOutOfMemoryTest {
    @TempDir
    Path dir;

    @Test
    void aRebuildOutOfMemoryIsShownAndTheServerBuildsAgainOnTheNextSave() throws Exception {
        try (FailingRebuild preview = new FailingRebuild(dir, () -> new OutOfMemoryError("Java heap space"))) {
            assertTrue(preview.get(FailingRebuild.PAGE).contains("<h1>First Story</h1>"));

            preview.save("First Story, Edited", 2, "the rebuild that runs out of memory");
            String page = preview.get(FailingRebuild.PAGE);
            assertTrue(page.contains("ran out of memory") && page.contains("TICKERPRESS_JAVA_OPTS"), page);
            assertFalse(page.contains("internal error"), page);
            assertTrue(preview.log.toString().contains("error: The build ran out of memory"), preview.log.toString());

            preview.save("First Story, Again", 3, "the next rebuild");
            page = preview.get(FailingRebuild.PAGE);
            assertTrue(page.contains("<h1>First Story, Again</h1>"), page);
            assertFalse(page.contains("ran out of memory"), page);
        }
    }
}
