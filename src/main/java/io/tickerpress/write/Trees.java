package io.tickerpress.write;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** The one recursive delete: removes a folder tree without following symbolic links out of it. */
public final class Trees {
    private static final Path RM = Path.of("/bin/rm");

    private Trees() {
    }

    /**
     * Deletes a tree (or a single file or link), best effort: another process may be deleting it at the same
     * time (a previous build's background removal), so entries that vanish or folders that are not empty yet
     * are skipped; whatever is left is removed by a later build. Symbolic links are removed, never followed.
     */
    public static void delete(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    quietly(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    quietly(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // best effort, see above
        }
    }

    private static void quietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort
        }
    }

    /**
     * Deletes a tree that nothing will read again. On POSIX systems this runs as a separate {@code rm -rf}
     * process that may outlive the command (tens of thousands of unlinks need not hold it up); set the system
     * property {@code tickerpress.syncDelete=true} to delete in this process.
     */
    public static void deleteInBackground(Path root) {
        if (Files.isExecutable(RM) && !Boolean.getBoolean("tickerpress.syncDelete")) {
            try {
                new ProcessBuilder(RM.toString(), "-rf", "--", root.toString())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                return;
            } catch (IOException e) {
                // fall through to deleting here
            }
        }
        delete(root);
    }
}
