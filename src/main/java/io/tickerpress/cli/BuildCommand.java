package io.tickerpress.cli;

import java.util.Locale;
import io.tickerpress.pipeline.BuildOptions;
import io.tickerpress.pipeline.BuildResult;
import io.tickerpress.pipeline.Progress;
import io.tickerpress.pipeline.SiteBuilder;
import io.tickerpress.load.ContentLoader;
import io.tickerpress.diag.Counts;
import io.tickerpress.diag.Diagnostics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code tickerpress build}: renders a site folder into a static site. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Render content/ (with templates/) into a static site. The output folder is replaced only"
                + " when the whole build succeeds.")
public final class BuildCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    SourceOption sourceOption;

    @Option(names = "--output", paramLabel = "DIR",
            description = "Folder to write the site to (default: site, beside the source's content/).")
    Path output;

    @Option(names = "--drafts", description = "Include articles marked draft: true.")
    boolean drafts;

    @Option(names = "--future", description = "Include articles dated after the build's clock.")
    boolean future;

    @Option(names = "--base-url", paramLabel = "URL", converter = BaseUrl.class, description = "Override site.yaml's baseUrl, e.g. for a staging host.")
    String baseUrl;

    @Option(names = "--now", paramLabel = "TIME", hidden = true, converter = Now.class,
            description = "Fix the build's clock (ISO-8601 instant), for reproducible tests.")
    Instant now;

    @Option(names = "--clean", description = "Render every page, ignoring the previous build (the chart cache is kept).")
    boolean clean;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces of internal errors and a breakdown of the build.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "Print errors only: no summary, no warnings, no progress bar.")
    boolean quiet;

    /** {@code --base-url}: an absolute http(s) URL that every link of the site can start with. */
    static final class BaseUrl implements picocli.CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                SiteBuilder.normaliseBaseUrl(value);
                return value;
            } catch (io.tickerpress.diag.InputError e) {
                throw Usage.badValue(e.problem());
            }
        }
    }

    /** {@code --now}: an instant. */
    static final class Now implements picocli.CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return Instant.parse(value.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw Usage.badValue("'" + value + "' is not an instant: write one such as 2026-01-20T16:00:00Z");
            }
        }
    }

    /**
     * "Built 64 pages (3 rendered, 61 unchanged; 14 articles, 238 files; charts: 0 rendered, 71 reused) into site in 412 ms", or
     * "Nothing changed since the last build: 64 pages (…) in site are up to date, checked in 90 ms".
     */
    static String summary(BuildResult r, String output) {
        String warnings = r.warnings().isEmpty() ? "" : ", " + Counts.of(r.warnings().size(), "warning");
        if (r.nothingChanged()) {
            return String.format(Locale.ROOT, "Nothing changed since the last build: %s (0 rendered, %d unchanged;"
                            + " %s, %s; charts: 0 rendered, %d reused) in %s %s up to date, checked in %d ms%s",
                    Counts.of(r.pages(), "page"), r.pagesReused(), Counts.of(r.articles(), "article"),
                    Counts.of(r.files(), "file"), r.chartsReused(), output, Counts.pick(r.pages(), "is", "are"),
                    r.millis(), warnings);
        }
        return String.format(Locale.ROOT, "Built %s (%d rendered, %d unchanged; %s, %s; charts: %d rendered, %d reused)"
                        + " into %s in %d ms%s", Counts.of(r.pages(), "page"), r.pagesRendered(), r.pagesReused(),
                Counts.of(r.articles(), "article"), Counts.of(r.files(), "file"), r.chartsRendered(), r.chartsReused(),
                output, r.millis(), warnings);
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return Failures.guard(err, verbose, Failures.buildNotDone(() -> output), () -> {
            sourceOption.locate();
            if (output == null) output = sourceOption.dir.resolve("site");
            BuildOptions options = new BuildOptions(sourceOption.dir, output, drafts, future, baseUrl,
                    now == null ? Instant.now() : now, sourceOption.dir.resolve(BuildOptions.CACHE_DIR), clean);
            BuildResult result = SiteBuilder.build(options, ContentLoader.Cache.none(), Progress.onTerminal(quiet));
            if (!quiet) {
                for (String w : result.warnings()) {
                    err.println("warning: " + w);
                }
                out.println(summary(result, Diagnostics.display(output)));
                if (verbose) {
                    out.printf(Locale.ROOT, "  pages rendered: %d, reused from the previous build: %d%n", result.pagesRendered(),
                            result.pagesReused());
                    out.printf(Locale.ROOT, "  input files parsed: %d (the others as earlier builds parsed them)%n",
                            result.inputsParsed());
                    out.printf(Locale.ROOT, "  charts rendered: %d in %d ms (%.1f ms per chart, 1x and 2x), from the cache: %d%n",
                            result.chartsRendered(), result.chartMillis(),
                            result.chartsRendered() == 0 ? 0.0 : (double) result.chartMillis() / result.chartsRendered(),
                            result.chartsReused());
                    StringBuilder stages = new StringBuilder("  time by stage:");
                    result.stageMillis().forEach((k, v) -> stages.append(' ').append(k).append(' ').append(v).append(" ms,"));
                    out.println(stages.substring(0, stages.length() - 1));
                }
                out.flush();
            }
            return 0;
        });
    }
}
