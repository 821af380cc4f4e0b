package io.tickerpress.write;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheWholeFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("SPX.csv");
        Files.writeString(target, "old contents that are longer than the new ones\n");
        AtomicFiles.replace(target, "new\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("new\n", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void aFailedMoveLeavesTheTargetAsItWasAndRemovesTheTemporaryFile() throws IOException {
        // A non-empty folder cannot be replaced by a file: the final move fails after the bytes were written.
        Path target = dir.resolve("SPX.csv");
        Files.createDirectories(target);
        Files.writeString(target.resolve("keep"), "kept");
        assertThrows(IOException.class, () -> AtomicFiles.replace(target, "new\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(Files.isDirectory(target));
        assertEquals("kept", Files.readString(target.resolve("keep")));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "the temporary file was removed");
        }
    }
}
