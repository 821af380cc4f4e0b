package io.tickerpress.pipeline;

import io.tickerpress.diag.Diagnostics;
import io.tickerpress.diag.InputError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The output never lies among the build's inputs, nor holds them: an output inside {@code templates/} would be
 * copied into the next site (growing on every build), one inside {@code content/} would be read as content, one
 * inside the cache folder would be pruned with it. Paths are compared as they really are, through links.
 */
final class OutputPlacement {
    private OutputPlacement() {
    }

    /** @throws InputError naming the output when it lies inside an input folder or holds one */
    static void check(BuildOptions options) {
        Path source = options.source().toAbsolutePath().normalize();
        Map<String, Path> inputs = new LinkedHashMap<>();
        inputs.put("content/", source.resolve("content"));
        inputs.put("templates/", source.resolve("templates"));
        if (options.cacheDir() != null) {
            Path cache = options.cacheDir().toAbsolutePath().normalize();
            inputs.put(cache.startsWith(source) ? source.relativize(cache) + "/" : Diagnostics.display(cache) + "/", cache);
        }
        Path output = options.output().toAbsolutePath().normalize();
        if (output.getParent() == null) {
            throw new InputError(Diagnostics.display(output), "the output is the root of the file system, which"
                    + " holds everything else: a build makes its output folder a link to a new version of the site"
                    + " beside it, so the output must be a folder of its own; choose one with --output (the"
                    + " default is site/ beside content/)");
        }
        // The output itself may be TickerPress's link to a version: where it is, not where it points.
        Path out = output.getParent() == null ? output : real(output.getParent()).resolve(output.getFileName());
        inputs.forEach((name, folder) -> {
            Path input = real(folder);
            String problem = out.equals(input) ? "the output is " + name + ", which the build reads"
                    : out.startsWith(input) ? "the output lies inside " + name + ", which the build reads"
                    : input.startsWith(out) ? "the output holds " + name + ", which the build reads" : null;
            if (problem != null) {
                throw new InputError(Diagnostics.display(output), problem + "; choose an --output outside "
                        + String.join(", ", inputs.keySet()) + " (the default is site/ beside content/)");
            }
        });
    }

    /** The path with every link resolved, for the part of it that exists. */
    private static Path real(Path p) {
        Path existing = p;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return p;
        try {
            return existing.toRealPath().resolve(existing.relativize(p));
        } catch (IOException e) {
            return p;
        }
    }
}
