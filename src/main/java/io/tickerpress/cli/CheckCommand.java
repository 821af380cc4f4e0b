package io.tickerpress.cli;

import java.util.Locale;
import io.tickerpress.pipeline.BuildOptions;
import io.tickerpress.pipeline.SiteBuilder;
import io.tickerpress.check.SiteChecker;
import io.tickerpress.diag.Diagnostics;
import io.tickerpress.load.SiteConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code tickerpress check}: builds into a temporary folder (or reads an existing site) and reports what is broken. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Build the site into a temporary folder (or check an existing one with --site) and report"
                + " broken internal links and anchors, missing images, pages without a title and duplicate URLs."
                + " Exits 1 when anything is broken.")
public final class CheckCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    SourceOption sourceOption;

    @Option(names = "--site", paramLabel = "DIR",
            description = "Check this already generated site instead of building one.")
    Path site;

    @Option(names = "--drafts", description = "Include drafts in the build that is checked.")
    boolean drafts;

    @Option(names = "--future", description = "Include future articles in the build that is checked.")
    boolean future;

    @Option(names = {"-v", "--verbose"}, description = "Show stack traces of internal errors.")
    boolean verbose;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return Failures.guard(err, verbose, () -> "Nothing was checked.", () -> {
            sourceOption.locate();
            String basePath = SiteConfigLoader.load(sourceOption.dir.resolve("content")).basePath();
            Path temp = null;
            Path target = site;
            try {
                if (target == null) {
                    temp = Files.createTempDirectory("tickerpress-check-");
                    target = temp.resolve("site");
                    SiteBuilder.build(new BuildOptions(sourceOption.dir, target, drafts, future, null, Instant.now(),
                            sourceOption.dir.resolve(BuildOptions.CACHE_DIR), true));
                } else if (!Files.isDirectory(target)) {
                    err.println("error: " + Diagnostics.display(target) + ": no such folder");
                    return Main.EXIT_INPUT;
                }
                SiteChecker.Report report = new SiteChecker(target, basePath).check();
                for (SiteChecker.Problem p : report.problems()) {
                    out.println(p);
                }
                out.printf(Locale.ROOT, "Checked %d pages and %d links: %s%n", report.pages(), report.links(),
                        report.ok() ? "no problems" : report.problems().size() + " problem(s)");
                out.flush();
                return report.ok() ? 0 : Main.EXIT_INPUT;
            } finally {
                if (temp != null) deleteTree(temp);
            }
        });
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
