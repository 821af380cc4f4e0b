package io.tickerpress.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --source DIR} option every command that reads a site shares (a picocli mixin). */
final class SourceOption {
    @Option(names = "--source", paramLabel = "DIR", defaultValue = ".",
            description = "Folder holding content/ and optionally templates/ (default: ${DEFAULT-VALUE}).")
    Path dir;
}
