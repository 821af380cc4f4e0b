package io.tickerpress.cli;

import io.tickerpress.deploy.DeployConfig;
import io.tickerpress.deploy.DeployConfigLoader;
import io.tickerpress.deploy.DeployResult;
import io.tickerpress.deploy.DeployTarget;
import io.tickerpress.deploy.Deployer;
import io.tickerpress.deploy.Invalidation;
import io.tickerpress.deploy.StoreClients;
import io.tickerpress.diag.InputError;
import io.tickerpress.load.SiteConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** {@code tickerpress deploy}: publishes the built site to S3 or an S3-compatible store, changed files only. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Upload the built site (see 'build') to the S3 bucket of a target in content/site.yaml"
                + " (deploy.targets): new and changed files only, then delete remote files the site no longer has."
                + " Credentials come from the standard AWS sources (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY,"
                + " AWS_PROFILE and ~/.aws files, instance roles). Never builds: run 'build' first.")
public final class DeployCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    SourceOption sourceOption;

    @Option(names = "--site", paramLabel = "DIR",
            description = "The built site to upload (default: site beside the source's content/, the default output of"
                    + " 'build').")
    Path site;

    @Option(names = "--target", paramLabel = "NAME",
            description = "Which of deploy.targets to publish to (default: the first).")
    String targetName;

    @Option(names = "--dry-run", description = "Print what would be uploaded and deleted; change nothing.")
    boolean dryRun;

    @Option(names = "--force", description = "Upload every file, changed or not.")
    boolean force;

    @Option(names = "--max-deletes", paramLabel = "N", converter = MaxDeletes.class,
            description = "Stop before changing anything if more than N remote files would be deleted"
                    + " (default: the target's maxDeletes, else " + DeployTarget.DEFAULT_MAX_DELETES + "; -1: no limit).")
    Integer maxDeletes;

    @Option(names = "--confirm", description = "Show the plan and ask before changing anything.")
    boolean confirm;

    @Option(names = {"-q", "--quiet"}, description = "Print errors and the summary only, not each file.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Show stack traces of internal errors.")
    boolean verbose;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** {@code --max-deletes}: a number of files, or -1 for no limit. */
    static final class MaxDeletes implements picocli.CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int n = Integer.parseInt(value.strip());
                if (n >= -1) return n;
            } catch (NumberFormatException e) {
                // told below
            }
            throw Usage.badValue("'" + value + "' is not a number of files: give a whole number (0 or more), or -1 for"
                    + " no limit");
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return Failures.guard(err, verbose, () -> {
            try {
                return deploy(out, err);
            } catch (InputError e) {
                err.println("error: " + e.getMessage());
                err.println("Nothing was deployed.");
                err.flush();
                return Main.EXIT_INPUT;
            } catch (Deployer.StoreUnavailable e) {
                err.println("error: " + e.getMessage());
                err.println("Nothing was changed.");
                err.flush();
                return Main.EXIT_IO;
            }
        });
    }

    private int deploy(PrintWriter out, PrintWriter err) {
        sourceOption.locate();
        if (site == null) site = sourceOption.dir.resolve("site");
        Path content = sourceOption.dir.resolve("content");
        String basePath = SiteConfigLoader.load(content).basePath();
        DeployConfig config = DeployConfigLoader.load(content);
        DeployTarget target = config.targets().get(0);
        if (targetName != null) {
            target = config.targets().stream().filter(t -> t.name().equals(targetName)).findFirst().orElse(null);
            if (target == null) {
                throw Usage.error(spec, "--target", "no deploy target named '" + targetName + "' in content/site.yaml:"
                        + " give one of " + String.join(", ", config.targets().stream().map(DeployTarget::name).toList()));
            }
        }
        Consumer<String> progress = line -> {
            if (!quiet || line.startsWith("  FAILED")) {
                out.println(line);
                out.flush();
            }
        };
        if (!quiet) out.println("Deploying " + site + " to " + target.location() + " (target '" + target.name() + "')");
        DeployResult result;
        try (S3Client s3 = StoreClients.s3(target)) {
            result = new Deployer(s3, target, config, dryRun ? out::println : progress)
                    .deploy(site, new Deployer.Options(dryRun, force, maxDeletes, confirm ? plan -> ask(out) : null));
        }
        switch (result.status()) {
            case DRY_RUN -> {
                out.println("Dry run: nothing was changed.");
                out.flush();
                return 0;
            }
            case TOO_MANY_DELETES -> {
                err.println("error: " + Deployer.tooManyDeletes(target, result.plan(),
                        maxDeletes != null ? maxDeletes : target.maxDeletes()));
                err.flush();
                return Main.EXIT_INPUT;
            }
            case DECLINED -> {
                out.println("Deploy cancelled: nothing was changed.");
                out.flush();
                return 0;
            }
            case FAILED -> {
                for (var f : result.failures()) {
                    err.println("error: " + f);
                }
                err.println("Deploy incomplete (" + result.summary() + "). Files already uploaded are complete objects;"
                        + " run the deploy again to finish: it uploads only what is still missing or different.");
                err.flush();
                return Main.EXIT_IO;
            }
            default -> {
            }
        }
        out.println("Deployed to " + target.location() + ": " + result.summary());
        out.flush();
        List<String> changed = Deployer.changedPaths(result);
        if (target.cloudFrontDistributionId() != null && !changed.isEmpty()) {
            List<String> paths = Invalidation.paths(changed, basePath);
            try (CloudFrontClient cf = StoreClients.cloudFront()) {
                List<String> ids = Invalidation.send(cf, target.cloudFrontDistributionId(), paths,
                        "tickerpress-" + System.currentTimeMillis());
                out.printf(Locale.ROOT, "Invalidated %s on CloudFront distribution %s (%s)%n",
                        io.tickerpress.diag.Counts.grouped(paths.size(), "path"),
                        target.cloudFrontDistributionId(), String.join(", ", ids));
            } catch (software.amazon.awssdk.core.exception.SdkException e) {
                err.println("error: the files were deployed, but invalidating "
                        + io.tickerpress.diag.Counts.grouped(paths.size(), "path") + " on CloudFront"
                        + " distribution " + target.cloudFrontDistributionId() + " failed: " + e.getMessage());
                err.flush();
                return Main.EXIT_IO;
            }
            out.flush();
        }
        return 0;
    }

    private static boolean ask(PrintWriter out) {
        out.print("Go ahead? [y/N] ");
        out.flush();
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line != null && (line.strip().equalsIgnoreCase("y") || line.strip().equalsIgnoreCase("yes"));
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
