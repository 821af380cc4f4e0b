package io.tickerpress.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tickerpress new site DIR} is all or nothing. The real command runs in its own process with a file size
 * limit of 0 ({@code ulimit -f 0}: every write of a byte fails with "File too large", as on a full disk), so it
 * fails after making its folders: the error names the file (exit 74, the README's "cannot be written"), and what
 * it made is gone while what was there before stays.
 */
class NewSiteAllOrNothingTest {
    @TempDir
    Path dir;

    private record Result(int code, String err) {
    }

    private static Result newSiteWithoutDiskSpace(Path site) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "ulimit -f 0; exec \"$0\" -Xshare:off -cp \"$1\" " + Main.class.getName() + " new site \"$2\"";
        Process p = new ProcessBuilder("bash", "-c", command, java, System.getProperty("java.class.path"), site.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start(); // stderr: a pipe, which the limit does not touch
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), err);
    }

    private static List<String> tree(Path root) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void aFailedNewSiteLeavesNoFolderBehind() throws Exception {
        Path site = dir.resolve("blog/markets"); // neither folder exists yet
        Result r = newSiteWithoutDiskSpace(site);
        assertEquals(74, r.code(), r.err());
        assertTrue(r.err().startsWith("error: cannot write " + site.resolve("content/site.yaml") + ": File too large"), r.err());
        assertFalse(Files.exists(dir.resolve("blog")), "the folders it made are removed: " + tree(dir));
    }

    @Test
    void aFailedNewSiteInAFolderThatExistedLeavesItAsItWas() throws Exception {
        Path site = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(site.resolve("notes.txt"), "keep me");
        Files.createDirectories(site.resolve("drafts"));
        Result r = newSiteWithoutDiskSpace(site);
        assertEquals(74, r.code(), r.err());
        assertEquals(List.of("", "drafts", "notes.txt"), tree(site));
        assertEquals("keep me", Files.readString(site.resolve("notes.txt")));

        // And with room to write, the same command makes the whole site there, beside what was there.
        CliTest.Run ok = CliTest.run("new", "site", site.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(Files.isRegularFile(site.resolve("content/site.yaml")));
        try (Stream<Path> s = Files.list(site)) {
            assertEquals(List.of("content", "drafts", "notes.txt"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
