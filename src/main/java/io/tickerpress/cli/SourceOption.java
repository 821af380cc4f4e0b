package io.tickerpress.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --source DIR} option every command that reads a site shares (a picocli mixin). */
final class SourceOption {
    @Option(names = "--source", paramLabel = "DIR",
            description = "Folder holding content/site.yaml and optionally templates/ (default: the working folder"
                    + " or the nearest folder above it that holds content/site.yaml).")
    Path dir;

    /** Replaces {@link #dir} with the site folder it names or, when not given, the one found upwards; see {@link SiteFolder}. */
    Path locate() {
        dir = SiteFolder.find(dir, Path.of(""));
        return dir;
    }
}
