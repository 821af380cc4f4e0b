package io.tickerpress.cli;

import java.util.Locale;
import io.tickerpress.pipeline.BuildOptions;
import io.tickerpress.pipeline.SiteBuilder;
import io.tickerpress.pipeline.TemporaryOutput;
import io.tickerpress.load.ContentLoader;
import io.tickerpress.check.SiteChecker;
import io.tickerpress.diag.Counts;
import io.tickerpress.diag.Diagnostics;
import io.tickerpress.diag.InputError;
import io.tickerpress.load.SiteConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

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
            if (site != null) {
                if (!Files.isDirectory(site)) {
                    throw new InputError(Diagnostics.display(site), "no such folder: name the folder tickerpress build"
                            + " wrote (--site), or leave --site out to build the site and check it");
                }
                SiteChecker.Report checked;
                try {
                    checked = new SiteChecker(site, basePath).check();
                } catch (java.io.UncheckedIOException e) { // a folder that is no site: /, or one it may not read
                    throw new InputError(Diagnostics.display(site), "cannot be read as a built site: "
                            + Failures.reason(e.getCause()) + ": name the folder tickerpress build wrote (--site), or"
                            + " leave --site out to build the site and check it");
                }
                if (checked.pages() == 0) { // a mistyped --site is not a site without problems
                    throw new InputError(Diagnostics.display(site), "holds no page (no .html file): not a built site;"
                            + " name the folder tickerpress build wrote (--site), or leave --site out to build the site"
                            + " and check it");
                }
                return report(checked, out);
            }
            // The temporary folder and the manifest the build leaves in the cache go when the check ends (Ctrl-C too).
            Path cache = sourceOption.dir.resolve(BuildOptions.CACHE_DIR);
            try (TemporaryOutput temp = TemporaryOutput.create("check", cache)) {
                SiteBuilder.build(new BuildOptions(sourceOption.dir, temp.site(), drafts, future, null, Instant.now(),
                        cache, true).withTemporary(true), ContentLoader.Cache.none(), temp.progress());
                return report(new SiteChecker(temp.site(), basePath).check(), out);
            }
        });
    }

    private static int report(SiteChecker.Report report, PrintWriter out) {
        for (SiteChecker.Problem p : report.problems()) {
            out.println(p);
        }
        out.printf(Locale.ROOT, "Checked %s and %s: %s%n", Counts.of(report.pages(), "page"),
                Counts.of(report.links(), "link"), report.ok() ? "no problems" : Counts.of(report.problems().size(), "problem"));
        out.flush();
        return report.ok() ? 0 : Main.EXIT_INPUT;
    }
}
