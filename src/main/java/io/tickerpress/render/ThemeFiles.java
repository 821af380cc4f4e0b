package io.tickerpress.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The files of a theme folder, as relative path → bytes in path order: a site's own, or the default theme's. */
final class ThemeFiles {
    private ThemeFiles() {
    }

    /** Every file below a folder of the default theme packaged with TickerPress ("" for all of it). */
    static Map<String, byte[]> defaults(String subfolder) {
        String resource = Theme.DEFAULT_THEME_RESOURCE + (subfolder.isEmpty() ? "" : "/" + subfolder);
        URL url = ThemeFiles.class.getResource(resource);
        if (url == null) return new TreeMap<>();
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return tree(fs.provider().getPath(uri));
            }
            return tree(Path.of(uri));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the default theme", e);
        }
    }

    /** Every regular file below a folder (none when it does not exist). */
    static Map<String, byte[]> tree(Path dir) {
        Map<String, byte[]> files = new TreeMap<>();
        if (dir == null || !Files.isDirectory(dir)) return files;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                files.put(rel, Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
