package io.tickerpress.load;

import io.tickerpress.diag.Diagnostics;
import io.tickerpress.diag.InputError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Lists input files below a folder in a stable order, refusing links that lead outside the content folder. */
public final class ContentFiles {
    private ContentFiles() {
    }

    public static List<Path> list(Path contentDir, Path dir, String extension) {
        Path realRoot;
        try {
            realRoot = contentDir.toRealPath();
        } catch (IOException e) {
            throw new InputError(Diagnostics.display(contentDir), "cannot read folder: " + e.getMessage());
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> files = walk.filter(p -> p.getFileName().toString().endsWith(extension))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
            for (Path p : files) {
                // The walk does not follow links, so only a link can lead outside (one lstat per file).
                if (!Files.isSymbolicLink(p) && !Files.isSymbolicLink(p.getParent())) continue;
                Path real = p.toRealPath();
                if (!real.startsWith(realRoot)) {
                    throw new InputError(Diagnostics.display(p), "is a link to " + real
                            + ", outside the content folder: TickerPress reads only files inside content/");
                }
            }
            return files.stream().filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new InputError(Diagnostics.display(dir), "cannot read folder: " + e.getMessage());
        }
    }
}
