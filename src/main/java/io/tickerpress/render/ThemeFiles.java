package io.tickerpress.render;

import io.tickerpress.diag.Diagnostics;
import io.tickerpress.diag.InputError;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

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
            if ("jar".equals(uri.getScheme()) && url.openConnection() instanceof JarURLConnection jar) {
                return jarTree(Path.of(jar.getJarFileURL().toURI()), jar.getEntryName());
            }
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

    /**
     * Every file below a folder of a jar, by a pass over its entries: opening the jar as a file system indexes
     * all of its entries first (some 16,000 with the shaded libraries), which cost more than the theme itself.
     */
    private static Map<String, byte[]> jarTree(Path jar, String folder) throws IOException {
        String prefix = folder.endsWith("/") ? folder : folder + "/";
        Map<String, byte[]> files = new TreeMap<>();
        jarFiles(jar).forEach((name, bytes) -> {
            if (name.startsWith(prefix)) files.put(name.substring(prefix.length()), bytes);
        });
        return files;
    }

    /** The default theme's files in the jar (one pass per process: the jar cannot change under running code). */
    private static volatile InJar inJar;

    private record InJar(Path jar, Map<String, byte[]> files) {
    }

    private static Map<String, byte[]> jarFiles(Path jar) throws IOException {
        InJar known = inJar;
        if (known != null && known.jar().equals(jar)) return known.files();
        Map<String, byte[]> files;
        String prefix = Theme.DEFAULT_THEME_RESOURCE.substring(1) + "/";
        files = new TreeMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory() || !e.getName().startsWith(prefix)) continue;
                try (InputStream in = zip.getInputStream(e)) {
                    files.put(e.getName(), in.readAllBytes());
                }
            }
        }
        files = java.util.Collections.unmodifiableMap(files);
        inJar = new InJar(jar, files);
        return files;
    }

    /** Every regular file below a folder (none when it does not exist). */
    static Map<String, byte[]> tree(Path dir) {
        return tree(dir, dir);
    }

    /**
     * Every regular file below a folder of a site's theme (none when it does not exist). A symbolic link to a
     * file inside {@code root} (the templates folder) is followed; a link leading outside it, nowhere, or to a
     * folder is an input error naming the link, as under content/: the theme never publishes files from
     * elsewhere, and nothing is skipped without a word.
     */
    static Map<String, byte[]> tree(Path dir, Path root) {
        Map<String, byte[]> files = new TreeMap<>();
        if (dir == null || !Files.isDirectory(dir)) return files;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted().toList()) {
                if (Files.isSymbolicLink(p)) checkLink(p, root);
                if (!Files.isRegularFile(p)) continue;
                String rel = dir.relativize(p).toString().replace('\\', '/');
                files.put(rel, Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static void checkLink(Path link, Path root) throws IOException {
        Path real;
        try {
            real = link.toRealPath();
        } catch (IOException e) {
            throw new InputError(Diagnostics.display(link), "is a link to " + Files.readSymbolicLink(link)
                    + ", which does not exist: remove the link or restore its target");
        }
        if (!real.startsWith(root.toRealPath())) {
            throw new InputError(Diagnostics.display(link), "is a link to " + real + ", outside the templates"
                    + " folder: TickerPress publishes only theme files inside templates/; copy the file there");
        }
        if (Files.isDirectory(real)) {
            throw new InputError(Diagnostics.display(link), "is a link to the folder " + Diagnostics.display(real)
                    + ": links to folders are not followed in templates/; copy the folder there instead");
        }
    }
}
