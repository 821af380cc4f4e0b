package io.tickerpress.cli;

import io.tickerpress.build.BuildOptions;
import io.tickerpress.build.BuildResult;
import io.tickerpress.build.SiteBuilder;
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
    @Option(names = "--source", paramLabel = "DIR", defaultValue = ".",
            description = "Folder holding content/ and optionally templates/ (default: ${DEFAULT-VALUE}).")
    Path source;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "site",
            description = "Folder to write the site to (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--drafts", description = "Include articles marked draft: true.")
    boolean drafts;

    @Option(names = "--future", description = "Include articles dated after the build's clock.")
    boolean future;

    @Option(names = "--base-url", paramLabel = "URL", description = "Override site.yaml's baseUrl, e.g. for a staging host.")
    String baseUrl;

    @Option(names = "--now", paramLabel = "TIME", hidden = true,
            description = "Fix the build's clock (ISO-8601 instant), for reproducible tests.")
    Instant now;

    @Option(names = {"-v", "--verbose"}, description = "Show stack traces of internal errors.")
    boolean verbose;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BuildOptions options = new BuildOptions(source, output, drafts, future, baseUrl, now == null ? Instant.now() : now,
                source.resolve(BuildOptions.CACHE_DIR));
        return Failures.guard(err, verbose, () -> {
            BuildResult result = SiteBuilder.build(options);
            for (String w : result.warnings()) {
                err.println("warning: " + w);
            }
            out.printf("Built %d pages (%d articles, %d files; charts: %d rendered, %d reused) into %s in %d ms%s%n",
                    result.pages(), result.articles(), result.files(), result.chartsRendered(), result.chartsReused(),
                    Diagnostics.display(output), result.millis(),
                    result.warnings().isEmpty() ? "" : ", " + result.warnings().size() + " warning(s)");
            out.flush();
            return 0;
        });
    }
}
