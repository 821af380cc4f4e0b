package io.tickerpress.write;

import java.nio.file.Path;

/** Maps site-relative paths to files below an output root, refusing anything that would land outside it. */
public final class SafePaths {
    private SafePaths() {
    }

    /**
     * @param relative a path such as {@code news/2026/01/20/x/index.html}, '/'-separated, not absolute
     * @throws IllegalArgumentException for absolute paths, '..' or '\' segments, or a result outside {@code root}
     */
    public static Path resolve(Path root, String relative) {
        if (relative.startsWith("/") || relative.contains("\\") || relative.contains(":") || relative.contains("\0")) {
            throw new IllegalArgumentException("unsafe output path: " + relative);
        }
        for (String segment : relative.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                throw new IllegalArgumentException("unsafe output path: " + relative);
            }
        }
        Path resolved = root.resolve(relative).normalize();
        if (!resolved.startsWith(root.normalize())) {
            throw new IllegalArgumentException("output path escapes the output folder: " + relative);
        }
        return resolved;
    }
}
