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

/**
 * The theme's static files ({@code static/} beside the templates): the site's own first, then the default
 * theme's from the jar. Returned as site-relative path → bytes, under {@code assets/}.
 */
public final class ThemeAssets {
    private ThemeAssets() {
    }

    public static Map<String, byte[]> collect(Path userTemplates) {
        Map<String, byte[]> assets = new TreeMap<>();
        readDefaults(assets);
        if (userTemplates != null) {
            readTree(userTemplates.resolve("static"), assets);
        }
        return assets;
    }

    private static void readDefaults(Map<String, byte[]> assets) {
        URL url = ThemeAssets.class.getResource(Theme.DEFAULT_THEME_RESOURCE + "/static");
        if (url == null) return;
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                readTree(fs.provider().getPath(uri), assets);
            } else {
                readTree(Path.of(uri), assets);
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the default theme's static files", e);
        }
    }

    private static void readTree(Path dir, Map<String, byte[]> assets) {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                assets.put("assets/" + rel, Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
