package io.tickerpress.write;

import java.nio.file.Path;

/** Maps site-relative paths to files below an output root, refusing anything that would land outside it. */
public final class SafePaths {
    private SafePaths() {
    }

    /**
     * @param relative a path such as {@code news/2026/01/20/x/index.html}, '/'-separated, not absolute
     * @throws IllegalArgumentException for absolute paths, '..' or '.' segments, '\', ':' or NUL
     */
    public static Path resolve(Path root, String relative) {
        if (!safe(relative)) throw new IllegalArgumentException("unsafe output path: " + relative);
        // Every segment is a plain name: the path is below the root by construction (no normalising needed, which
        // a build carrying 190,000 files over would pay on every one).
        return root.resolve(relative);
    }

    /** Whether a relative path has only plain names: not absolute, no '.' or '..' segment, no '\', ':' or NUL. */
    private static boolean safe(String relative) {
        int n = relative.length();
        if (n > 0 && relative.charAt(0) == '/') return false;
        int segment = 0; // where the current segment starts
        for (int i = 0; i <= n; i++) {
            char c = i < n ? relative.charAt(i) : '/';
            if (c == '\\' || c == ':' || c == '\0') return false;
            if (c == '/') {
                int length = i - segment;
                if (length == 1 && relative.charAt(segment) == '.') return false;
                if (length == 2 && relative.charAt(segment) == '.' && relative.charAt(segment + 1) == '.') return false;
                segment = i + 1;
            }
        }
        return true;
    }
}
