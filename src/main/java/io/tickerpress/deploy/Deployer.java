package io.tickerpress.deploy;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@code tickerpress deploy}: reads the built site, compares it with what the store holds under the target's
 * prefix, and uploads the new and changed files and deletes the ones the site no longer has (see
 * {@link DeployPlan}, {@link Uploader}). Reads the output folder only: it never builds.
 */
public final class Deployer {
    /**
     * @param maxDeletes overrides the target's maxDeletes when not null; -1 allows any number
     * @param confirm asked with the plan before anything changes (--confirm); null to go ahead
     */
    public record Options(boolean dryRun, boolean force, Integer maxDeletes, Predicate<DeployPlan> confirm) {
        public static Options defaults() {
            return new Options(false, false, null, null);
        }
    }

    /** A store that cannot be read (no bucket, no credentials, no connection): nothing was changed. */
    public static final class StoreUnavailable extends RuntimeException {
        StoreUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final S3Client s3;
    private final DeployTarget target;
    private final DeployConfig config;
    private final Consumer<String> progress;

    public Deployer(S3Client s3, DeployTarget target, DeployConfig config, Consumer<String> progress) {
        this.s3 = s3;
        this.target = target;
        this.config = config;
        this.progress = progress;
    }

    public DeployResult deploy(Path site, Options options) {
        long start = System.nanoTime();
        List<LocalFile> local = LocalSite.read(site);
        DeployPlan plan;
        try {
            Map<String, Long> keys = RemoteListing.keys(s3, target);
            List<String> shared = local.stream().map(LocalFile::path).filter(keys::containsKey).toList();
            Map<String, RemoteObject> remote = RemoteListing.describe(s3, target, shared, config.concurrency());
            plan = DeployPlan.of(local, keys.keySet(), remote, config.headers(), options.force());
        } catch (SdkException e) {
            throw new StoreUnavailable("cannot read " + target.location() + ": " + StoreErrors.describe(e), e);
        }
        int maxDeletes = options.maxDeletes() != null ? options.maxDeletes() : target.maxDeletes();
        if (options.dryRun()) {
            printPlan(plan);
            return result(DeployResult.Status.DRY_RUN, plan, new Uploader.Outcome(List.of(), 0, List.of(), List.of()), start);
        }
        if (maxDeletes >= 0 && plan.deletes().size() > maxDeletes) {
            return result(DeployResult.Status.TOO_MANY_DELETES, plan,
                    new Uploader.Outcome(List.of(), 0, List.of(), List.of()), start);
        }
        if (options.confirm() != null && !plan.isEmpty()) {
            printPlan(plan);
            if (!options.confirm().test(plan)) {
                return result(DeployResult.Status.DECLINED, plan, new Uploader.Outcome(List.of(), 0, List.of(), List.of()), start);
            }
        }
        Uploader.Outcome outcome = new Uploader(s3, target, config.concurrency(), progress).run(plan);
        return result(outcome.failures().isEmpty() ? DeployResult.Status.DONE : DeployResult.Status.FAILED, plan, outcome,
                start);
    }

    /** Why a plan with too many deletes was stopped, and what to do. */
    public static String tooManyDeletes(DeployTarget target, DeployPlan plan, int maxDeletes) {
        List<String> sample = plan.deletes().stream().limit(5).toList();
        return String.format(Locale.ROOT, "stopped: this deploy would delete %s under %s, more than maxDeletes"
                        + " (%,d). The site has %s; the store holds others there (e.g. %s). If the target's"
                        + " bucket or prefix is wrong, fix it in content/site.yaml; if these deletes are meant, run again"
                        + " with --max-deletes %d. Nothing was changed.",
                io.tickerpress.diag.Counts.grouped(plan.deletes().size(), "file"), target.location(), maxDeletes,
                io.tickerpress.diag.Counts.grouped(plan.uploads().size() + plan.unchanged(), "file"),
                String.join(", ", sample), plan.deletes().size());
    }

    private void printPlan(DeployPlan plan) {
        for (Phase phase : Phase.values()) {
            for (DeployPlan.Upload u : plan.uploads(phase)) {
                progress.accept(String.format(Locale.ROOT, "upload %s (%s, %s; %s; Cache-Control: %s%s)", u.file().path(),
                        u.reason(), Sizes.bytes(u.file().size()), u.headers().contentType(), u.headers().cacheControl(),
                        u.headers().gzip() ? "; gzip" : ""));
            }
        }
        for (String d : plan.deletes()) {
            progress.accept("delete " + d);
        }
        progress.accept(String.format(Locale.ROOT, "plan for %s: upload %,d (%s), delete %,d, unchanged %,d",
                target.location(), plan.uploads().size(), Sizes.bytes(plan.uploadBytes()), plan.deletes().size(),
                plan.unchanged()));
    }

    private static DeployResult result(DeployResult.Status status, DeployPlan plan, Uploader.Outcome o, long start) {
        return new DeployResult(status, plan, o.uploaded(), o.bytes(), o.deleted(), o.failures(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /** The site paths whose cached copies a CDN should drop after this deploy: uploaded and deleted files. */
    public static List<String> changedPaths(DeployResult r) {
        List<String> all = new ArrayList<>(r.uploaded());
        all.addAll(r.deleted());
        return all.stream().sorted().distinct().collect(Collectors.toList());
    }
}
